package cn.ronghe.cobuilding;

import cn.ronghe.platform.error.FieldProblem;
import cn.ronghe.platform.error.RongheException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Component;

/**
 * Starts processes and completes tasks for the project's REST API as the calling user, so the API and Tasklist
 * go through the same validation; a rejected submission becomes a bilingual HTTP 400 and nothing is stored.
 */
@Component
public class ProcessGateway {

  private final RuntimeService runtime;
  private final TaskService tasks;

  ProcessGateway(RuntimeService runtime, TaskService tasks) {
    this.runtime = runtime;
    this.tasks = tasks;
  }

  public ProcessInstanceWithVariables start(String processKey, Map<String, Object> variables) {
    try {
      return runtime.createProcessInstanceByKey(processKey).setVariables(variables).executeWithVariablesInReturn();
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  public void complete(String taskId, Map<String, Object> variables) {
    try {
      tasks.complete(taskId, variables);
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  /** The validation problems of a rejected submission as the API's 400, anything else unchanged. */
  public static RuntimeException translate(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FormFieldValidationException f) {
        return RongheException.invalid(problems(f));
      }
    }
    return e;
  }

  @SuppressWarnings("unchecked")
  static List<FieldProblem> problems(FormFieldValidationException e) {
    if (e.getDetail() instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof FieldProblem) {
      return (List<FieldProblem>) list;
    }
    return List.of(new FieldProblem("form", e.getMessage(), e.getMessage()));
  }

  /** Copies the allowed keys of a JSON body; values must be plain (text, number, true/false). */
  public static Map<String, Object> plain(Map<String, Object> body, List<String> allowed) {
    Map<String, Object> vars = new java.util.HashMap<>();
    if (body == null) {
      return vars;
    }
    for (String key : allowed) {
      Object v = body.get(key);
      if (v instanceof Map<?, ?> || v instanceof List<?>) {
        throw RongheException.invalid(List.of(new FieldProblem(key, "须为文本或数字", "must be text or a number")));
      }
      if (v != null) {
        vars.put(key, v);
      }
    }
    return vars;
  }
}
