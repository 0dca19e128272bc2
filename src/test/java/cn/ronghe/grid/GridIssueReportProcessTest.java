package cn.ronghe.grid;

import static cn.ronghe.career.CareerTestSupport.complete;
import static cn.ronghe.career.CareerTestSupport.completeOk;
import static cn.ronghe.career.CareerTestSupport.runJobs;
import static cn.ronghe.career.CareerTestSupport.startForm;
import static cn.ronghe.career.CareerTestSupport.task;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import cn.ronghe.grid.GridRecords.Grid;
import cn.ronghe.grid.GridRecords.Report;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.notification.Notifier;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 网格问题上报 through the engine REST API: escalation, reminders and supervision, reopening, confirmation. */
@RongheSpringTest
class GridIssueReportProcessTest {

  @LocalServerPort
  int port;
  @Autowired
  TaskService tasks;
  @Autowired
  HistoryService history;
  @Autowired
  ManagementService management;
  @Autowired
  GridRepository repository;
  @Autowired
  DecisionLog log;
  @Autowired
  Notifier notifier;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static synchronized Grid grid(GridRepository repository, String community) {
    String code = String.format("G9%03d", repository.grids(null).stream().filter(g -> g.code().startsWith("G9"))
        .count() + 1);
    repository.insertGrid(new Grid(code, "测试" + code + "网格党小组", community, null, null, "测试组长", 300, 12, true,
        true));
    return repository.grid(code).orElseThrow();
  }

  String start(Grid g, String category) {
    RestClient.Response r = startForm(port, "dongcang", GridProcesses.REPORT, Map.of("gridCode", g.code().toLowerCase(),
        "category", category, "location", "东仓花园 7 幢东侧", "description", "小区内井盖缺失，夜间行人有跌落危险"));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("id").asText();
  }

  String caseNo(String pid) {
    return history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult().getBusinessKey();
  }

  void later(int days) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + days * 86_400_000L));
  }

  Report report(String caseNo) {
    return repository.report(caseNo).orElseThrow();
  }

  @Test
  void escalatedTwiceWithRemindersAndSupervisionReopenedAndConfirmed() {
    Grid g = grid(repository, "dongcang");
    String pid = start(g, "PROPERTY");
    String caseNo = caseNo(pid);
    assertThat(caseNo).startsWith("WG-");
    Task community = task(tasks, pid, "Task_CommunityHandle");
    assertThat(community.getName()).contains("社区办理网格上报", caseNo, g.name(), "物业管理");
    assertThat(report(caseNo).status()).isEqualTo("COMMUNITY");

    later(10);
    runJobs(management, List.of(pid));
    assertThat(notifier.forCase(caseNo)).extracting(n -> n.recipientGroup())
        .contains("community-dongcang", "street-loudong");
    assertThat(report(caseNo).overdueCount()).isEqualTo(1);
    RestClient.Response noReason = complete(port, "dongcang", community.getId(), Map.of("handling", "ESCALATE"));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("escalateReason");
    completeOk(port, "dongcang", community.getId(), Map.of("handling", "ESCALATE", "escalateReason",
        "物业企业拒不整改，需街道协调"));

    Task street = task(tasks, pid, "Task_StreetHandle");
    assertThat(report(caseNo).status()).isEqualTo("STREET");
    assertThat(tasks.getVariable(street.getId(), "deptCode")).as("suggested").isEqualTo("housing");
    assertThat(complete(port, "chengxiang", street.getId(), Map.of("handling", "RESOLVED", "outcome", "已处理完毕"))
        .status()).as("another street").isIn(403, 404);
    later(12);
    runJobs(management, List.of(pid));
    RestClient.Response badDept = complete(port, "loudong", street.getId(), Map.of("handling", "ESCALATE",
        "escalateReason", "需部门处理", "deptCode", "nowhere"));
    assertThat(badDept.status()).isEqualTo(400);
    assertThat(badDept.body()).contains("deptCode");
    completeOk(port, "loudong", street.getId(), Map.of("handling", "ESCALATE", "escalateReason",
        "需市住建局督促物业企业整改", "deptCode", "housing"));

    Task dept = task(tasks, pid, "Task_DeptHandle");
    assertThat(report(caseNo).status()).isEqualTo("DEPT");
    later(25);
    runJobs(management, List.of(pid));
    assertThat(notifier.forCase(caseNo)).extracting(n -> n.recipientGroup()).contains("dept-housing",
        "city-committee");
    assertThat(report(caseNo).overdueCount()).isEqualTo(3);
    RestClient.Response noOutcome = complete(port, "zhujian", dept.getId(), Map.of());
    assertThat(noOutcome.status()).isEqualTo(400);
    completeOk(port, "zhujian", dept.getId(), Map.of("outcome", "已约谈物业企业，限期补齐井盖并加装警示"));

    Task confirm = task(tasks, pid, "Task_ReporterConfirm");
    assertThat(confirm.getAssignee()).isEqualTo("dongcang");
    assertThat(report(caseNo).status()).isEqualTo("CONFIRMING");
    RestClient.Response bare = complete(port, "dongcang", confirm.getId(), Map.of("confirmation", "REOPEN"));
    assertThat(bare.status()).isEqualTo(400);
    assertThat(bare.body()).contains("reopenReason");
    completeOk(port, "dongcang", confirm.getId(), Map.of("confirmation", "REOPEN", "reopenReason",
        "井盖已补，但警示标志未设置"));
    Task again = task(tasks, pid, "Task_DeptHandle");
    assertThat(report(caseNo).reopens()).isEqualTo(1);
    completeOk(port, "zhujian", again.getId(), Map.of("outcome", "警示标志已设置，现场复核完毕"));
    completeOk(port, "dongcang", task(tasks, pid, "Task_ReporterConfirm").getId(), Map.of("confirmation", "CONFIRM"));

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult().getEndActivityId())
        .isEqualTo("End_ReportClosed");
    Report closed = report(caseNo);
    assertThat(closed.status()).isEqualTo("CLOSED");
    assertThat(closed.closedHow()).isEqualTo("CONFIRMED");
    assertThat(closed.escalations()).isEqualTo(2);
    assertThat(closed.deptCode()).isEqualTo("housing");
    assertThat(closed.resolvedLevel()).isEqualTo("DEPT");
    assertThat(log.forCase(caseNo)).extracting(e -> e.decision()).containsSubsequence("REPORTED",
        "OVERDUE_COMMUNITY", "ESCALATED_TO_STREET", "ESCALATED_TO_DEPT", "RESOLVED_DEPT", "REOPENED",
        "RESOLVED_DEPT", "CONFIRMED");

    RestClient.Response byGrid = RestClient.as(port, "loudong").get("/api/grid/throughput?by=grid&community=dongcang");
    assertThat(byGrid.status()).isEqualTo(200);
    assertThat(byGrid.body()).contains(g.code(), "\"toDepartment\":1", "\"reopened\":1");
    RestClient.Response byCommunity = RestClient.as(port, "loudong").get("/api/grid/throughput?by=community&street=loudong");
    assertThat(byCommunity.body()).contains("东仓社区");
    assertThat(RestClient.as(port, "loudong").get("/api/grid/throughput?by=nothing").status()).isEqualTo(400);
  }

  @Test
  void reopenedToTheCommunityThenTheStreetAndClosedWhenTheReporterDoesNotAnswer() {
    Grid g = grid(repository, "dongcang");
    String pid = start(g, "ENVIRONMENT");
    String caseNo = caseNo(pid);
    completeOk(port, "dongcang", task(tasks, pid, "Task_CommunityHandle").getId(), Map.of("handling", "RESOLVED",
        "outcome", "已联系环卫清运"));
    completeOk(port, "dongcang", task(tasks, pid, "Task_ReporterConfirm").getId(), Map.of("confirmation", "REOPEN",
        "reopenReason", "只清了一半"));
    completeOk(port, "dongcang", task(tasks, pid, "Task_CommunityHandle").getId(), Map.of("handling", "ESCALATE",
        "escalateReason", "需街道调派清运车辆"));
    completeOk(port, "loudong", task(tasks, pid, "Task_StreetHandle").getId(), Map.of("handling", "RESOLVED",
        "outcome", "街道已调派车辆清运"));
    completeOk(port, "dongcang", task(tasks, pid, "Task_ReporterConfirm").getId(), Map.of("confirmation", "REOPEN",
        "reopenReason", "第二天又堆满了"));
    completeOk(port, "loudong", task(tasks, pid, "Task_StreetHandle").getId(), Map.of("handling", "RESOLVED",
        "outcome", "已设置围挡并安排每日巡查"));
    task(tasks, pid, "Task_ReporterConfirm");
    later(15);
    runJobs(management, List.of(pid));
    Report closed = report(caseNo);
    assertThat(closed.status()).isEqualTo("CLOSED");
    assertThat(closed.closedHow()).isEqualTo("AUTO");
    assertThat(closed.reopens()).isEqualTo(2);
    assertThat(closed.escalations()).isEqualTo(1);
    assertThat(log.forCase(caseNo)).extracting(e -> e.decision()).containsSubsequence("RESOLVED_COMMUNITY",
        "REOPENED", "ESCALATED_TO_STREET", "RESOLVED_STREET", "REOPENED", "RESOLVED_STREET", "AUTO_CLOSED");
  }

  @Test
  void badReportsAreRefusedAndNothingIsStored() {
    Grid g = grid(repository, "dongcang");
    int before = repository.reports(null, null, null).size();
    RestClient.Response bad = startForm(port, "dongcang", GridProcesses.REPORT, Map.of("gridCode", "G0000",
        "category", "NOPE", "location", "x", "description", "太短"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("gridCode", "category", "location", "description");
    RestClient.Response foreign = startForm(port, "nanyuan", GridProcesses.REPORT, Map.of("gridCode", g.code(),
        "category", "SAFETY", "location", "东仓花园 1 幢", "description", "南园社区不能替东仓社区的网格上报"));
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.body()).contains("不属于您所在的社区");
    RestClient.Response notCommunity = startForm(port, "loudong", GridProcesses.REPORT, Map.of("gridCode", g.code(),
        "category", "SAFETY", "location", "东仓花园 1 幢", "description", "街道账号不是上报主体"));
    assertThat(notCommunity.status()).isEqualTo(403);
    assertThat(repository.reports(null, null, null)).hasSize(before);
  }
}
