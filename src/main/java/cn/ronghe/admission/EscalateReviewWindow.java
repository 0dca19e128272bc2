package cn.ronghe.admission;

import cn.ronghe.identity.Groups;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.notification.Notifier;
import cn.ronghe.platform.policy.PolicyParameters;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The review of an application (from acceptance to the joint meeting) should end within
 * {@code admission.review-days} working days; when it does not, the supervising group and the catalogue office
 * are told once.
 */
@Component("escalateReviewWindow")
class EscalateReviewWindow implements JavaDelegate {

  private final AdmissionPolicy admissionPolicy;
  private final PolicyParameters policy;
  private final Notifier notifier;
  private final DecisionLog decisions;

  EscalateReviewWindow(AdmissionPolicy admissionPolicy, PolicyParameters policy, Notifier notifier,
      DecisionLog decisions) {
    this.admissionPolicy = admissionPolicy;
    this.policy = policy;
    this.notifier = notifier;
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNo = execution.getProcessBusinessKey();
    int days = policy.intValue("admission.review-days");
    String body = caseNo + "“" + execution.getVariable("caseTitle") + "”自受理起已超过 " + days
        + " 个工作日仍未作出准入决定，请督促各审查环节办理。";
    String supervisor = admissionPolicy.supervisingGroup();
    boolean first = notifier.toGroup(supervisor, "准入审查超时：" + caseNo, body, caseNo,
        execution.getProcessInstanceId(), "review-window:" + caseNo + ":" + supervisor);
    notifier.toGroup(Groups.CIVIL_AFFAIRS, "准入审查超时：" + caseNo, body, caseNo, execution.getProcessInstanceId(),
        "review-window:" + caseNo + ":" + Groups.CIVIL_AFFAIRS);
    if (first) {
      decisions.record(execution, "REVIEW_OVERDUE", body, Actors.SYSTEM, "admission.review-days=" + days);
    }
  }
}
