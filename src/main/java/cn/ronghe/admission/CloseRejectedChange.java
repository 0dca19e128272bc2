package cn.ronghe.admission;

import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.notification.Notifier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A change or revocation that was not approved: the reasons are kept and the applicant is told. */
@Component("closeRejectedChange")
class CloseRejectedChange implements JavaDelegate {

  private final ChangeRequests requests;
  private final Notifier notifier;
  private final DecisionLog decisions;

  CloseRejectedChange(ChangeRequests requests, Notifier notifier, DecisionLog decisions) {
    this.requests = requests;
    this.notifier = notifier;
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String[] stage = NotifyApplicationRejected.stageAndReasons(execution);
    String reasons = stage[0] + "：" + stage[1];
    String caseNo = execution.getProcessBusinessKey();
    ChangeRequests.Request r = requests.get(caseNo);
    execution.setVariable(MatterAdmission.REJECTION_STAGE, stage[0]);
    execution.setVariable(MatterAdmission.REJECTION_REASONS, stage[1]);
    execution.setVariable(MatterAdmission.OUTCOME, "REJECTED");
    requests.status(caseNo, ChangeRequests.Status.REJECTED, reasons, null);
    notifier.toGroup(r.applicantGroup(), "清单事项" + (r.revocation() ? "取消" : "变更") + "申请未获通过：" + r.itemCode(),
        "清单保持不变。" + reasons, caseNo, execution.getProcessInstanceId(), "catalogue-change-rejected:" + caseNo);
    decisions.record(execution, "NOT_CHANGED", reasons, Actors.SYSTEM, Actors.processVersion(execution));
  }
}
