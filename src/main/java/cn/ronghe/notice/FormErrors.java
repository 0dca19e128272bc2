package cn.ronghe.notice;

import cn.ronghe.platform.error.FieldProblem;
import cn.ronghe.platform.error.RongheException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A project API that starts a process or completes a task for its caller answers the step's form validation as
 * the engine REST API does: HTTP 400 with the problems, never a 500.
 */
public final class FormErrors {

  private FormErrors() {
  }

  public static RongheException toApiError(FormFieldValidationException e) {
    List<FieldProblem> problems = new ArrayList<>();
    if (e.getDetail() instanceof List<?> list) {
      list.stream().filter(FieldProblem.class::isInstance).map(FieldProblem.class::cast).forEach(problems::add);
    }
    if (problems.isEmpty()) {
      problems.add(new FieldProblem("form", String.valueOf(e.getMessage()), String.valueOf(e.getMessage())));
    }
    return RongheException.invalid(problems);
  }
}
