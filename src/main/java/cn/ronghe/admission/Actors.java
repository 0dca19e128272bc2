package cn.ronghe.admission;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.model.bpmn.instance.Process;

/** Who acts in a listener or delegate, and under which process version. */
final class Actors {

  static final String SYSTEM = "system";

  private Actors() {
  }

  /** The user who completed the task or started the process; "system" for timers and jobs. */
  static String current(ProcessEngineServicesAware context) {
    Authentication auth = context.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth == null || auth.getUserId() == null ? SYSTEM : auth.getUserId();
  }

  static Authentication authentication(ProcessEngineServicesAware context) {
    return context.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
  }

  /** "matter-admission 2026.1": the rule version of a person's decision is the version of the process it follows. */
  static String processVersion(DelegateExecution execution) {
    Process process = execution.getBpmnModelInstance().getModelElementsByType(Process.class).stream()
        .filter(Process::isExecutable).findFirst().orElseThrow();
    return process.getId() + " " + process.getCamundaVersionTag();
  }
}
