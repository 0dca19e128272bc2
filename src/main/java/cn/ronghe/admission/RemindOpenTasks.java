package cn.ronghe.admission;

import cn.ronghe.platform.calendar.Deadlines;
import cn.ronghe.platform.notification.Notifier;
import cn.ronghe.platform.policy.PolicyParameters;
import java.text.SimpleDateFormat;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Reminder timers of the admission processes: every open task of the case whose due date is within the
 * reminder lead time ({@code calendar.reminder-working-days}) gets one message to its groups (and assignee).
 */
@Component("remindOpenTasks")
class RemindOpenTasks implements JavaDelegate {

  private final Deadlines deadlines;
  private final PolicyParameters policy;
  private final Notifier notifier;

  RemindOpenTasks(Deadlines deadlines, PolicyParameters policy, Notifier notifier) {
    this.deadlines = deadlines;
    this.policy = policy;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int lead = policy.intValue("calendar.reminder-working-days");
    String caseNo = execution.getProcessBusinessKey();
    for (Task task : OpenTasks.withDueDate(execution)) {
      if (deadlines.workingDaysUntil(task.getDueDate()) > lead) {
        continue;
      }
      String due = new SimpleDateFormat("yyyy-MM-dd HH:mm").format(task.getDueDate());
      String title = "任务即将到期：" + task.getName();
      String body = "请于 " + due + " 前办理。逾期将报督办。";
      for (String group : OpenTasks.groups(execution, task)) {
        notifier.toGroup(group, title, body, caseNo, execution.getProcessInstanceId(),
            "reminder:" + task.getId() + ":" + group);
      }
      if (task.getAssignee() != null) {
        notifier.toUser(task.getAssignee(), title, body, caseNo, execution.getProcessInstanceId(),
            "reminder:" + task.getId() + ":user:" + task.getAssignee());
      }
    }
  }
}
