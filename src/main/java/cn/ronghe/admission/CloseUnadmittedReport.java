package cn.ronghe.admission;

import cn.ronghe.identity.Groups;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.notification.Notifier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes a report with its outcome and tells the reporting community. */
@Component("closeUnadmittedReport")
class CloseUnadmittedReport implements JavaDelegate {

  private final UnadmittedReports reports;
  private final AdmissionNames names;
  private final Notifier notifier;
  private final DecisionLog decisions;

  CloseUnadmittedReport(UnadmittedReports reports, AdmissionNames names, Notifier notifier, DecisionLog decisions) {
    this.reports = reports;
    this.names = names;
    this.notifier = notifier;
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UnadmittedReports.Report r = reports.get(execution.getProcessBusinessKey());
    boolean admitted = UnadmittedReportProcess.ADMITTED.equals(r.verdict());
    String outcome = admitted
        ? "经核实，该事项属于社区事项清单第 " + r.catalogueVersion() + " 版事项 " + r.matchedItemCode() + "，社区应按清单承担。"
            + r.verificationNote()
        : names.department(r.departmentCode()) + "已确认撤回该事项，社区不再承担。" + r.withdrawalNote();
    reports.closed(r.caseNo());
    execution.setVariable(MatterAdmission.OUTCOME, admitted ? "IN_CATALOGUE" : "WITHDRAWN");
    notifier.toGroup(Groups.community(r.communityCode()), "未准入事项报告已办结：" + r.matter(), outcome, r.caseNo(),
        execution.getProcessInstanceId(), "report-closed:" + r.caseNo());
    decisions.record(execution, admitted ? "CLOSED_IN_CATALOGUE" : "CLOSED_WITHDRAWN", outcome, Actors.SYSTEM,
        Actors.processVersion(execution));
  }
}
