package cn.ronghe.admission;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.identity.Group;
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

  /** Runs engine calls as the user with all their groups, as Tasklist and the REST API do (demo data, tests). */
  static <T> T as(IdentityService identity, String user, Supplier<T> work) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** "matter-admission 2026.1": the rule version of a person's decision is the version of the process it follows. */
  static String processVersion(DelegateExecution execution) {
    Process process = execution.getBpmnModelInstance().getModelElementsByType(Process.class).stream()
        .filter(Process::isExecutable).findFirst().orElseThrow();
    return process.getId() + " " + process.getCamundaVersionTag();
  }
}
