package cn.ronghe.admission;

import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.notification.Notifier;
import java.text.SimpleDateFormat;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Escalation timers of the admission processes: every overdue open task of the case is reported once to the
 * supervising group ({@code admission.supervising-group}) and to the group that should have worked it.
 */
@Component("escalateOverdueTasks")
class EscalateOverdueTasks implements JavaDelegate {

  private final AdmissionPolicy policy;
  private final Notifier notifier;
  private final DecisionLog decisions;

  EscalateOverdueTasks(AdmissionPolicy policy, Notifier notifier, DecisionLog decisions) {
    this.policy = policy;
    this.notifier = notifier;
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String supervisor = policy.supervisingGroup();
    String caseNo = execution.getProcessBusinessKey();
    String pid = execution.getProcessInstanceId();
    for (Task task : OpenTasks.withDueDate(execution)) {
      if (task.getDueDate().after(ClockUtil.getCurrentTime())) {
        continue;
      }
      List<String> groups = OpenTasks.groups(execution, task);
      String due = new SimpleDateFormat("yyyy-MM-dd HH:mm").format(task.getDueDate());
      String body = "“" + task.getName() + "”已于 " + due + " 到期仍未办理（承办：" + String.join("、", groups) + "）。";
      boolean first = notifier.toGroup(supervisor, "逾期督办：" + task.getName(), body + "请督促办理。", caseNo, pid,
          "overdue:" + task.getId() + ":" + supervisor);
      for (String group : groups) {
        notifier.toGroup(group, "任务已逾期：" + task.getName(), body + "已报" + supervisor + "督办，请尽快办理。", caseNo,
            pid, "overdue:" + task.getId() + ":" + group);
      }
      if (first) {
        String processKey = execution.getProcessDefinitionId().split(":")[0];
        decisions.record(caseNo, processKey, pid, task.getTaskDefinitionKey(), "ESCALATED", body, Actors.SYSTEM,
            "admission.supervising-group=" + supervisor);
      }
    }
  }
}
