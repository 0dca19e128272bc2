package cn.ronghe.platform.audit;

import cn.ronghe.identity.Groups;
import cn.ronghe.platform.error.RongheException;
import cn.ronghe.platform.security.ApiUser;
import cn.ronghe.platform.security.AsSystem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/audit")
@Tag(name = "审计 Audit", description = "每个案件的决定记录 / every decision taken on a case")
class AuditController {

  record TaskRecord(String taskId, String activityId, String name, String assignee, java.util.Date start,
      java.util.Date end, String deleteReason) {
  }

  /**
   * @param related cases whose decisions this case's processes took under their own numbers (each branch of a
   *                rating cycle, each worker of a street's review); read each through this endpoint
   */
  record CaseAudit(String caseNo, List<Map<String, Object>> instances, List<AuditEntry> decisions,
      List<TaskRecord> tasks, DecisionLog.RelatedCases related) {
  }

  /** Enough to follow a cycle to its cases without listing a whole city's workers in one answer. */
  private static final int RELATED_SHOWN = 500;

  private static final List<String> OVERSEERS = List.of(Groups.CITY_COMMITTEE, Groups.ORG_DEPT,
      Groups.CIVIL_AFFAIRS, Groups.JUSTICE_BUREAU);

  private final DecisionLog log;
  private final HistoryService history;
  private final AsSystem asSystem;

  AuditController(DecisionLog log, HistoryService history, AsSystem asSystem) {
    this.log = log;
    this.history = history;
    this.asSystem = asSystem;
  }

  @GetMapping("/{caseNo}")
  @Operation(summary = "Who decided what, when, why and under which rule version, for one case")
  CaseAudit audit(ApiUser user, @PathVariable String caseNo) {
    return asSystem.call(() -> read(user, caseNo));
  }

  private CaseAudit read(ApiUser user, String caseNo) {
    List<AuditEntry> decisions = log.forCase(caseNo);
    List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNo).list();
    if (decisions.isEmpty() && instances.isEmpty()) {
      throw RongheException.notFound("案件", caseNo);
    }
    boolean involved = decisions.stream().anyMatch(d -> user.id().equals(d.actor()))
        || instances.stream().anyMatch(i -> user.id().equals(i.getStartUserId()));
    if (!user.isAdmin() && !involved && OVERSEERS.stream().noneMatch(user::inGroup)) {
      throw RongheException.forbidden("您未参与该案件，无权查看其审计记录",
          "You took no part in this case and may not read its audit trail");
    }
    List<TaskRecord> tasks = instances.stream()
        .flatMap(i -> history.createHistoricTaskInstanceQuery().processInstanceId(i.getId())
            .orderByHistoricActivityInstanceStartTime().asc().list().stream())
        .map(AuditController::task).toList();
    List<Map<String, Object>> summary = instances.stream().map(i -> Map.<String, Object>of(
        "processInstanceId", i.getId(), "processDefinitionKey", i.getProcessDefinitionKey(),
        "processDefinitionVersion", i.getProcessDefinitionVersion(), "state", i.getState(),
        "startUser", String.valueOf(i.getStartUserId()), "startTime", i.getStartTime())).toList();
    DecisionLog.RelatedCases related = log.relatedCases(caseNo,
        instances.stream().map(HistoricProcessInstance::getId).toList(), RELATED_SHOWN);
    return new CaseAudit(caseNo, summary, decisions, tasks, related);
  }

  private static TaskRecord task(HistoricTaskInstance t) {
    return new TaskRecord(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getAssignee(), t.getStartTime(),
        t.getEndTime(), t.getDeleteReason());
  }
}
