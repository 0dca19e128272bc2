package cn.ronghe.admission;

import static cn.ronghe.admission.MatterAdmission.*;

import cn.ronghe.admission.ApplicationChecks.Outcome;
import cn.ronghe.admission.catalogue.CatalogueService;
import cn.ronghe.identity.Groups;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.calendar.Deadlines;
import cn.ronghe.platform.calendar.WorkCalendar;
import cn.ronghe.platform.notification.Notifier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Automatic checks (自动审查) of the application as last submitted; the outcome steers the process. */
@Component("checkApplication")
class CheckApplication implements JavaDelegate {

  private final ApplicationRepository applications;
  private final CatalogueService catalogue;
  private final BannedCategories banned;
  private final AdmissionPolicy policy;
  private final WorkCalendar calendar;
  private final Deadlines deadlines;
  private final Notifier notifier;
  private final DecisionLog decisions;

  CheckApplication(ApplicationRepository applications, CatalogueService catalogue, BannedCategories banned,
      AdmissionPolicy policy, WorkCalendar calendar, Deadlines deadlines, Notifier notifier, DecisionLog decisions) {
    this.applications = applications;
    this.catalogue = catalogue;
    this.banned = banned;
    this.policy = policy;
    this.calendar = calendar;
    this.deadlines = deadlines;
    this.notifier = notifier;
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNo = execution.getProcessBusinessKey();
    ApplicationRepository.Record record = applications.get(caseNo);
    ApplicationChecks.Policy rules = policy.checks();
    ApplicationChecks.Result result = ApplicationChecks.check(record.application(), deadlines.today(),
        calendar.workingDays(), catalogue.currentItems(), banned.active(), record.returnCount(), rules);
    String problems = result.problemsZh();
    execution.setVariable(CHECK_OUTCOME, result.outcome().name());
    execution.setVariable(CHECK_PROBLEMS, problems);
    execution.setVariable(CHECK_MATCH, result.closest() == null ? null
        : result.closest().code() + " " + result.closest().name() + "（相似度 " + result.closest().score() + "）");
    if (result.outcome() == Outcome.RETURN) {
      int returns = record.returnCount() + 1;
      execution.setVariable(RETURN_COUNT, returns);
      applications.returned(caseNo, returns, problems);
      notifier.toGroup(Groups.dept(record.applicantDept()), "准入申请被退回补正：" + record.application().matterName(),
          "自动审查发现以下问题，请在期限内补正后重新提交（第 " + returns + " 次退回，最多 " + rules.maxReturns() + " 次）：\n"
              + problems, caseNo, execution.getProcessInstanceId(), "admission-returned:" + caseNo + ":" + returns);
    } else if (result.outcome() == Outcome.PASS) {
      applications.status(caseNo, ApplicationRepository.Status.IN_REVIEW, null);
    }
    decisions.record(execution, result.outcome().name(), problems.isEmpty() ? "自动审查通过"
        : "[" + result.rules() + "]\n" + problems, Actors.SYSTEM, rules.version());
  }
}
