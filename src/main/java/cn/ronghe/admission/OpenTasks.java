package cn.ronghe.admission;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/** The open tasks of a process instance and the groups that work them, for reminders and escalations. */
final class OpenTasks {

  private OpenTasks() {
  }

  static List<Task> withDueDate(DelegateExecution execution) {
    return execution.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId()).active().list().stream()
        .filter(t -> t.getDueDate() != null).toList();
  }

  static List<String> groups(DelegateExecution execution, Task task) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }
}
