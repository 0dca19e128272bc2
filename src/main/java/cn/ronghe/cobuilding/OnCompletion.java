package cn.ronghe.cobuilding;

import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Validates a user task's submission in an execution listener on the task's {@code end} event, not in a
 * {@code complete} task listener: on Camunda 7.24 the engine wraps any task-listener exception (ENGINE-03051),
 * so the engine REST API would answer a user's mistake with HTTP 500; an execution listener's
 * {@code FormFieldValidationException} reaches the REST API unwrapped and becomes HTTP 400. The end event also
 * fires when the task is interrupted (a deadline, a cancellation): then there is no submission to check.
 */
public final class OnCompletion {

  private OnCompletion() {
  }

  public static ExecutionListener of(ExecutionListener body) {
    return execution -> {
      if (!execution.isCanceled()) {
        body.notify(execution);
      }
    };
  }
}
