package cn.ronghe.admission;

import static cn.ronghe.admission.MatterAdmission.*;

import cn.ronghe.admission.ApplicationChecks.Outcome;
import cn.ronghe.identity.Groups;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.notification.Notifier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Ends an application that was neither approved nor rejected: withdrawn by its department, or lapsed (returned
 * too often, or not corrected in time).
 */
@Component("closeUnadmittedApplication")
class CloseUnadmittedApplication implements JavaDelegate {

  private final ApplicationRepository applications;
  private final AdmissionPolicy policy;
  private final Notifier notifier;
  private final DecisionLog decisions;

  CloseUnadmittedApplication(ApplicationRepository applications, AdmissionPolicy policy, Notifier notifier,
      DecisionLog decisions) {
    this.applications = applications;
    this.policy = policy;
    this.notifier = notifier;
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNo = execution.getProcessBusinessKey();
    ApplicationRepository.Record r = applications.get(caseNo);
    ApplicationRepository.Status status;
    String reason;
    if (WITHDRAW.equals(execution.getVariable(CORRECTION_ACTION))) {
      status = ApplicationRepository.Status.WITHDRAWN;
      reason = "申请部门撤回：" + execution.getVariable(WITHDRAW_REASON);
    } else if (Outcome.LAPSE.name().equals(execution.getVariable(CHECK_OUTCOME))) {
      status = ApplicationRepository.Status.LAPSED;
      reason = "已退回补正 " + r.returnCount() + " 次仍未通过自动审查（最多 " + policy.checks().maxReturns() + " 次），申请失效："
          + execution.getVariable(CHECK_PROBLEMS);
    } else {
      status = ApplicationRepository.Status.LAPSED;
      reason = "退回后未在补正期限内重新提交，申请失效";
    }
    execution.setVariable(OUTCOME, status.name());
    applications.status(caseNo, status, reason);
    if (status == ApplicationRepository.Status.LAPSED) {
      notifier.toGroup(Groups.dept(r.applicantDept()), "准入申请已失效：" + r.application().matterName(),
          reason + "。如仍需下派，须重新申请。", caseNo, execution.getProcessInstanceId(), "admission-lapsed:" + caseNo);
      decisions.record(execution, "LAPSED", reason, Actors.SYSTEM, policy.checks().version());
    }
  }
}
