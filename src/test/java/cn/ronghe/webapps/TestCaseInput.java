package cn.ronghe.webapps;

import cn.ronghe.platform.process.FormInput;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Test only ({@code testprocess/form-case.bpmn}): server-side check of the start form, the way the real
 * processes do it, so a browser test can see Tasklist show the server's Chinese message.
 */
public class TestCaseInput implements ExecutionListener {

  static final String RESERVED_NAME = "重复事项";

  @Override
  public void notify(DelegateExecution execution) {
    FormInput input = FormInput.of(execution);
    String name = input.text("matterName", "事项名称", 20, true);
    input.integer("copies", "份数", 1, 10, true);
    input.choice("community", "承办社区", List.of("dongcang", "nanyuan"), true);
    if (RESERVED_NAME.equals(name)) {
      input.addProblem("matterName", "事项名称“" + name + "”已在准入清单中", "the matter is already admitted");
    }
    input.throwIfInvalid();
  }
}
