package cn.ronghe.admission;

import static cn.ronghe.admission.MatterAdmission.*;

import cn.ronghe.identity.Groups;
import cn.ronghe.organisation.Community;
import cn.ronghe.platform.notification.Notifier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the applying department and every community that must now perform the matter. */
@Component("notifyAdmissionApproved")
class NotifyAdmissionApproved implements JavaDelegate {

  private final ApplicationRepository applications;
  private final AdmissionNames names;
  private final Notifier notifier;

  NotifyAdmissionApproved(ApplicationRepository applications, AdmissionNames names, Notifier notifier) {
    this.applications = applications;
    this.names = names;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNo = execution.getProcessBusinessKey();
    ApplicationRepository.Record r = applications.get(caseNo);
    Application a = r.application();
    String pid = execution.getProcessInstanceId();
    String where = "社区事项清单第 " + r.versionNo() + " 版，编号 " + r.itemCode() + "，自 " + a.expectedStart() + " 起施行";
    notifier.toGroup(Groups.dept(r.applicantDept()), "准入申请已获市委批准：" + a.matterName(),
        "“" + a.matterName() + "”已列入" + where + "。请按申请落实经费（费随事转）并向社区做好交接。", caseNo, pid,
        "admission-approved:" + caseNo + ":" + Groups.dept(r.applicantDept()));
    String funding = a.funding() == null ? "" : "，经费 " + a.funding().stripTrailingZeros().toPlainString() + " 元/年";
    for (Community c : names.communitiesOf(a.scopeStreets())) {
      notifier.toGroup(Groups.community(c.code()), "新增社区事项：" + a.matterName(),
          "经市委审批，" + names.department(r.applicantDept()) + "的“" + a.matterName() + "”列入" + where + funding
              + "。清单以外的事项，社区可拒绝承担并报告。", caseNo, pid,
          "admission-approved:" + caseNo + ":" + Groups.community(c.code()));
    }
  }
}
