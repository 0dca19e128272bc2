package cn.ronghe.bench;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The Java delegate of the baseline process: does nothing, so the baseline measures the engine alone. */
public class NoopDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.getProcessInstanceId();
  }
}
