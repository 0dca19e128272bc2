package cn.ronghe.admission;

import static cn.ronghe.admission.MatterAdmission.*;

import cn.ronghe.identity.Groups;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.notification.Notifier;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The application is not admitted: finds at which stage and why, keeps it on the case (variables, table,
 * audit) and tells the applying department.
 */
@Component("notifyApplicationRejected")
class NotifyApplicationRejected implements JavaDelegate {

  private final ApplicationRepository applications;
  private final Notifier notifier;
  private final DecisionLog decisions;

  NotifyApplicationRejected(ApplicationRepository applications, Notifier notifier, DecisionLog decisions) {
    this.applications = applications;
    this.notifier = notifier;
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String[] stageAndReasons = stageAndReasons(execution);
    String caseNo = execution.getProcessBusinessKey();
    ApplicationRepository.Record r = applications.get(caseNo);
    String reasons = stageAndReasons[0] + "：" + stageAndReasons[1];
    execution.setVariable(REJECTION_STAGE, stageAndReasons[0]);
    execution.setVariable(REJECTION_REASONS, stageAndReasons[1]);
    execution.setVariable(OUTCOME, "REJECTED");
    applications.status(caseNo, ApplicationRepository.Status.REJECTED, reasons);
    notifier.toGroup(Groups.dept(r.applicantDept()), "准入申请未获通过：" + r.application().matterName(),
        "该事项不予准入，不得下派社区。" + reasons, caseNo, execution.getProcessInstanceId(),
        "admission-rejected:" + caseNo);
    decisions.record(execution, "NOT_ADMITTED", reasons, Actors.SYSTEM, Actors.processVersion(execution));
  }

  /** The last stage that said no, and its reasons. */
  static String[] stageAndReasons(DelegateExecution e) {
    if (REJECT.equals(e.getVariable(CITY_DECISION))) {
      return new String[] {"市委审批", String.valueOf(e.getVariable(CITY_REASON))};
    }
    if (REJECT.equals(e.getVariable(MEETING_DECISION))) {
      return new String[] {"准入联席会议", String.valueOf(e.getVariable(MEETING_MINUTES))};
    }
    List<String> reviews = new ArrayList<>();
    add(e, reviews, NECESSITY_DECISION, NECESSITY_OPINION, "市民政局（必要性）");
    add(e, reviews, BURDEN_DECISION, BURDEN_OPINION, "市委组织部（社区负担）");
    add(e, reviews, LEGALITY_DECISION, LEGALITY_OPINION, "市司法局（合法性）");
    if (!reviews.isEmpty()) {
      return new String[] {"部门审查", String.join("；", reviews)};
    }
    return new String[] {"自动审查", String.valueOf(e.getVariable(CHECK_PROBLEMS))};
  }

  private static void add(DelegateExecution e, List<String> out, String decision, String opinion, String who) {
    if (REJECT.equals(e.getVariable(decision))) {
      out.add(who + "：" + e.getVariable(opinion));
    }
  }
}
