package cn.ronghe.admission;

import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The listeners of {@code matter-admission}, bound with {@code camunda:delegateExpression}.
 *
 * <p>What a person submits is validated in an execution listener on the end of their user task, not in a task
 * listener: the engine wraps every exception of a task listener (ENGINE-03051) and of an expression, so the REST
 * API would answer 500; the {@code FormFieldValidationException} of a delegate execution listener reaches it
 * unchanged and becomes HTTP 400, and the transaction rolls back. A task ended by a timer or an interrupting
 * event ({@link DelegateExecution#isCanceled()}) submitted nothing and is not validated.
 */
@Configuration
class AdmissionListeners {

  /** Start listener of the start event: validates the application and opens the case. */
  @Bean
  ExecutionListener admissionStartListener(AdmissionIntake intake) {
    return intake::onStart;
  }

  @Bean
  ExecutionListener changeStartListener(ChangeIntake intake) {
    return intake::onStart;
  }

  @Bean
  ExecutionListener reportStartListener(ReportIntake intake) {
    return intake::onStart;
  }

  @Bean
  ExecutionListener reportCompletionListener(ReportDecisions decisions) {
    return completions(Map.of(
        "Task_VerifyReport", decisions::verify,
        "Task_ConfirmWithdrawal", decisions::withdraw));
  }

  @Bean
  ExecutionListener reconfirmationStartListener(ReconfirmationSteps steps) {
    return steps::onStart;
  }

  @Bean
  ExecutionListener reconfirmationCompletionListener(ReconfirmationSteps steps) {
    return completions(Map.of("Task_ConfirmItems", steps::confirm));
  }

  @Bean
  TaskListener reconfirmationTaskCreated(ReconfirmationSteps steps) {
    return steps::taskCreated;
  }

  /** End listener of every user task (of both processes): validates and records what the person submitted. */
  @Bean
  ExecutionListener admissionCompletionListener(AdmissionIntake intake, AdmissionReviews reviews) {
    return completions(Map.of(
        "Task_CorrectApplication", intake::onCorrection,
        "Task_ReviewNecessity", reviews::necessity,
        "Task_ReviewBurden", reviews::burden,
        "Task_ReviewLegality", reviews::legality,
        "Task_StreetOpinion", reviews::streetOpinion,
        "Task_JointMeeting", reviews::meeting,
        "Task_CityApproval", reviews::city));
  }

  /** Create listener of the tasks whose forms show something prepared for them. */
  @Bean
  TaskListener admissionTaskCreated(AdmissionReviews reviews) {
    Map<String, Consumer<DelegateTask>> byTask = Map.of(
        "Task_StreetOpinion", reviews::streetTaskCreated,
        "Task_JointMeeting", reviews::summarise,
        "Task_CityApproval", reviews::summarise);
    return task -> handler(byTask, task.getTaskDefinitionKey()).accept(task);
  }

  /** An end listener that runs the handler of the ending user task, unless the task was cancelled. */
  static ExecutionListener completions(Map<String, Consumer<DelegateExecution>> byActivity) {
    return execution -> {
      if (!execution.isCanceled()) {
        handler(byActivity, execution.getCurrentActivityId()).accept(execution);
      }
    };
  }

  private static <T> Consumer<T> handler(Map<String, Consumer<T>> handlers, String activityId) {
    Consumer<T> handler = handlers.get(activityId);
    if (handler == null) {
      throw new IllegalStateException("No listener for activity " + activityId);
    }
    return handler;
  }
}
