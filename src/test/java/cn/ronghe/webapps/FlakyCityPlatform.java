package cn.ronghe.webapps;

import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Test only ({@code testprocess/failing-job.bpmn}): a downstream system that is down until a test says it is
 * back, so a job fails, its retries run out and Cockpit shows an incident with this message.
 */
public class FlakyCityPlatform implements JavaDelegate {

  static final String FAILURE_MESSAGE = "市级平台暂不可用（测试模拟的接口故障）";
  static final AtomicBoolean available = new AtomicBoolean(false);

  @Override
  public void execute(DelegateExecution execution) {
    if (!available.get()) {
      throw new IllegalStateException(FAILURE_MESSAGE);
    }
    execution.setVariable("pushedToCityPlatform", true);
  }
}
