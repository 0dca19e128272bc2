package cn.ronghe.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every role sees: its group inbox, "my tasks", due soon and overdue. The columns show
 * the business variables every process sets ({@code caseNo}, {@code caseTitle}, {@code caseOrg}), so an inbox
 * says what each task is about.
 */
@Component
public class TasklistFilters {

  /**
   * Columns of every filter: the task-local copies of the case variables every process sets at its start
   * (see {@code InboxColumnsPlugin}).
   */
  public static final List<Map<String, String>> COLUMNS = List.of(
      Map.of("name", "inboxCaseNo", "label", "编号"),
      Map.of("name", "inboxCaseTitle", "label", "事项"),
      Map.of("name", "inboxCaseOrg", "label", "单位/社区"));

  record Spec(String name, String description, int priority, String color, List<String> readers) {
  }

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizations;

  TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizations) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizations = authorizations;
  }

  /** Creates missing filters and shares them; returns how many were created. */
  int sync() {
    int created = 0;
    String groupInbox = "${currentUserGroups()}";
    created += ensure(new Spec("本社区待办", "本社区的待办任务（含已认领）", -20, "#c0392b", List.of(Groups.ROLE_COMMUNITY)),
        taskService.createTaskQuery().taskCandidateGroupInExpression(groupInbox).includeAssignedTasks());
    created += ensure(new Spec("本街道待办", "本镇区（街道）大工委的待办任务", -20, "#c0392b", List.of(Groups.ROLE_STREET)),
        taskService.createTaskQuery().taskCandidateGroupInExpression(groupInbox).includeAssignedTasks());
    created += ensure(new Spec("本单位待办", "本共建单位的待办任务", -20, "#c0392b", List.of(Groups.ROLE_UNIT)),
        taskService.createTaskQuery().taskCandidateGroupInExpression(groupInbox).includeAssignedTasks());
    created += ensure(new Spec("本部门待办", "本部门（组）的待办任务", -20, "#c0392b",
            List.of(Groups.ROLE_DEPT, Groups.CITY_COMMITTEE, Groups.ORG_DEPT, Groups.CIVIL_AFFAIRS,
                Groups.JUSTICE_BUREAU)),
        taskService.createTaskQuery().taskCandidateGroupInExpression(groupInbox).includeAssignedTasks());
    created += ensure(new Spec("我的待办", "已分配给我的任务", -10, "#2c3e50", null),
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    created += ensure(new Spec("即将到期", "三天内到期的任务", 0, "#e67e22", null),
        mine().dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(3)}"));
    created += ensure(new Spec("已逾期", "已超过到期时间的任务", 10, "#8e44ad", null),
        mine().dueBeforeExpression("${now()}"));
    created += ensure(new Spec("全部任务", "所有进行中的任务（管理员）", 20, "#7f8c8d", List.of(Groups.ADMIN)),
        taskService.createTaskQuery());
    return created;
  }

  /** Tasks of my groups or assigned to me. */
  private TaskQuery mine() {
    return taskService.createTaskQuery().or()
        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
        .taskAssigneeExpression("${currentUser()}")
        .endOr();
  }

  /** @param spec readers null = every user (a global grant) */
  private int ensure(Spec spec, TaskQuery query) {
    Filter filter = filterService.createFilterQuery().filterName(spec.name()).singleResult();
    boolean created = filter == null;
    if (created) {
      filter = filterService.newTaskFilter(spec.name());
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", spec.description());
    properties.put("priority", spec.priority());
    properties.put("color", spec.color());
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", COLUMNS);
    filter.setProperties(properties);
    filter.setQuery(query.orderByDueDate().asc().orderByTaskCreateTime().desc());
    filter = filterService.saveFilter(filter);
    if (created) {
      share(filter.getId(), spec.readers());
    }
    return created ? 1 : 0;
  }

  private void share(String filterId, List<String> readers) {
    if (readers == null) {
      Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
      a.setUserId(Authorization.ANY);
      a.setResource(Resources.FILTER);
      a.setResourceId(filterId);
      a.addPermission(Permissions.READ);
      authorizations.saveAuthorization(a);
      return;
    }
    for (String group : readers) {
      Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      a.setGroupId(group);
      a.setResource(Resources.FILTER);
      a.setResourceId(filterId);
      a.addPermission(Permissions.READ);
      authorizations.saveAuthorization(a);
    }
  }
}
