package cn.ronghe.grid;

import cn.ronghe.career.policy.DeployedDecisionTables;
import cn.ronghe.grid.GridRecords.Grid;
import cn.ronghe.grid.GridRecords.Report;
import cn.ronghe.identity.Groups;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.notification.Notifier;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * A grid report through its levels: registered at the community, resolved or escalated (street, then a
 * department), confirmed or reopened by the reporter, closed. Every step is audited under the report's number.
 */
@Service
public class GridReports {

  private final GridRepository repository;
  private final DeployedDecisionTables decisions;
  private final DecisionLog log;
  private final Notifier notifier;

  GridReports(GridRepository repository, DeployedDecisionTables decisions, DecisionLog log, Notifier notifier) {
    this.repository = repository;
    this.decisions = decisions;
    this.log = log;
    this.notifier = notifier;
  }

  public GridRules rules() {
    return new GridRules(decisions.latest(GridProcesses.DMN_PREFIX));
  }

  void register(String caseNo, Grid grid, GridRules.Category category, String location, String description,
      String reporter, String pid) {
    repository.insertReport(new Report(caseNo, grid.code(), grid.name(), grid.communityCode(), grid.streetCode(),
        category.code(), category.label(), location, description, reporter, now(), GridProcesses.COMMUNITY, null, null,
        null, 0, 0, 0, null, null), pid, false);
    log.record(caseNo, GridProcesses.REPORT, pid, "Start_IssueReported", "REPORTED", grid.name() + " 上报"
        + category.label() + "：" + location, reporter, rules().version());
  }

  void resolved(String caseNo, String level, String outcome, String actor, String pid) {
    repository.resolved(caseNo, level, outcome);
    log.record(caseNo, GridProcesses.REPORT, pid, "Task_" + step(level) + "Handle", "RESOLVED_" + level, outcome,
        actor, null);
  }

  void escalated(String caseNo, String fromLevel, String deptCode, String reason, String actor, String pid) {
    String to = GridProcesses.COMMUNITY.equals(fromLevel) ? GridProcesses.STREET : GridProcesses.DEPT;
    repository.escalated(caseNo, to, deptCode);
    log.record(caseNo, GridProcesses.REPORT, pid, "Task_" + step(fromLevel) + "Handle", "ESCALATED_TO_" + to,
        reason, actor, null);
  }

  void reopened(String caseNo, String toLevel, String reason, String actor, String pid) {
    repository.reopened(caseNo, toLevel);
    log.record(caseNo, GridProcesses.REPORT, pid, "Task_ReporterConfirm", "REOPENED", "退回"
        + GridProcesses.levelLabel(toLevel) + "重新办理：" + reason, actor, null);
  }

  void close(String caseNo, boolean confirmed, String actor, String pid) {
    if (repository.close(caseNo, confirmed ? "CONFIRMED" : "AUTO", now())) {
      log.record(caseNo, GridProcesses.REPORT, pid, "Task_CloseReport", confirmed ? "CONFIRMED" : "AUTO_CLOSED",
          confirmed ? "上报人确认办理结果" : "上报人逾期未确认，视为满意", actor, null);
    }
  }

  /** Tells the group working the level that the deadline is near. */
  void remind(Report r, String level, String group, String pid) {
    notifier.toGroup(group, "网格上报问题即将到期", r.caseNo() + " " + r.gridName() + "：" + r.categoryLabel() + "，"
        + r.location() + "。请在期限内办结或上交。", r.caseNo(), pid, "grid-remind:" + r.caseNo() + ":" + level + ":"
        + (r.escalations() + r.reopens()));
  }

  /** A level missed its deadline: counted, and the supervising body told (community → street, else the city). */
  void overdue(Report r, String level, String pid) {
    String supervisor = GridProcesses.COMMUNITY.equals(level) ? Groups.street(r.streetCode()) : Groups.CITY_COMMITTEE;
    String round = ":" + (r.escalations() + r.reopens());
    if (notifier.toGroup(supervisor, "网格上报问题逾期未办结", r.caseNo() + " " + r.gridName() + "：" + r.categoryLabel()
        + "，" + GridProcesses.levelLabel(level) + "已超过办理期限，请督办。", r.caseNo(), pid, "grid-overdue:"
        + r.caseNo() + ":" + level + round)) {
      repository.overdue(r.caseNo());
      log.record(r.caseNo(), GridProcesses.REPORT, pid, "Timer_" + step(level) + "Overdue", "OVERDUE_" + level,
          GridProcesses.levelLabel(level) + "逾期，已告知" + supervisor, "system", null);
    }
  }

  private static String step(String level) {
    return switch (level) {
      case GridProcesses.COMMUNITY -> "Community";
      case GridProcesses.STREET -> "Street";
      default -> "Dept";
    };
  }

  static LocalDateTime now() {
    return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
  }
}
