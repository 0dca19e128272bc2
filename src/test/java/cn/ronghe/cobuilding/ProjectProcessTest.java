package cn.ronghe.cobuilding;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import cn.ronghe.platform.notification.Notifier;
import cn.ronghe.support.Forms;
import cn.ronghe.support.Jobs;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every path of co-building-project, driven as the users drive it: REST API and Tasklist's form submission. */
@RongheSpringTest
public class ProjectProcessTest {

  @LocalServerPort
  int port;
  @Autowired
  TaskService tasks;
  @Autowired
  RuntimeService runtime;
  @Autowired
  HistoryService history;
  @Autowired
  ManagementService management;
  @Autowired
  ProjectRepository projects;
  @Autowired
  ListRepository lists;
  @Autowired
  Notifier notifier;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aUnitClaimsADemandAndTheProjectIsAgreedReportedAcceptedAndClosed() {
    String demandNo = publishDemand("独居老人助餐配送（项目测试）");
    RestClient.Response claim = RestClient.as(port, "nonghang").post("/api/cobuilding/demands/" + demandNo + "/claims",
        "{\"claimNote\":\"我行党员志愿者可每周两次协助配送午餐\"}");
    assertThat(claim.status()).as(claim.body()).isEqualTo(201);
    String projectNo = claim.json().get("projectNo").asText();
    assertThat(projectNo).startsWith("GJ-");
    assertThat(claim.json().get("status").asText()).isEqualTo("NEGOTIATING");
    assertThat(lists.demand(demandNo).orElseThrow().status()).isEqualTo(ItemStatus.Demand.CLAIMED);

    RestClient.Response second = RestClient.as(port, "xiaofang").post("/api/cobuilding/demands/" + demandNo + "/claims",
        "{\"claimNote\":\"消防大队也想认领这项需求\"}");
    assertThat(second.status()).isEqualTo(400);
    assertThat(second.json().get("messageZh").asText()).contains("已认领");

    String pid = pid(projectNo);
    Task draft = task(pid, "Task_DraftAgreement");
    assertThat(draft.getName()).isEqualTo("起草项目协议 · " + projectNo + " · 独居老人助餐配送（项目测试）");
    assertThat(Forms.complete(RestClient.as(port, "dongcang"), draft.getId(), draft()).status()).isEqualTo(403);
    Map<String, Object> badDraft = draft();
    badDraft.put("endDate", "2020-01-01");
    badDraft.put("budget", -5);
    RestClient.Response bad = Forms.complete(RestClient.as(port, "nonghang"), draft.getId(), badDraft);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("预算须在 0 到 10000000 之间", "结束日期不能早于开始日期");
    assertThat(projects.project(projectNo).orElseThrow().goal()).isNull();
    submit("nonghang", draft, draft());

    submit("dongcang", task(pid, "Task_ConfirmAgreement"), Map.of("confirmDecision", "AGREE"));
    Project agreed = projects.project(projectNo).orElseThrow();
    assertThat(agreed.status()).isEqualTo(ItemStatus.Project.IN_PROGRESS);
    assertThat(agreed.unitConfirmedBy()).isEqualTo("nonghang");
    assertThat(agreed.communityConfirmedBy()).isEqualTo("dongcang");
    assertThat(agreed.budget()).isEqualByComparingTo("12000");
    assertThat(lists.demand(demandNo).orElseThrow().status()).isEqualTo(ItemStatus.Demand.IN_PROJECT);

    monthStart(1, pid);
    Task report = task(pid, "Task_MonthlyReport");
    assertThat(report.getName()).startsWith("月度进展报告 · " + projectNo + " · ").endsWith("（" + YearMonth.now() + "）");
    submit("nonghang", report, report(100, true));
    assertThat(projects.project(projectNo).orElseThrow().status()).isEqualTo(ItemStatus.Project.ACCEPTANCE);

    submit("dongcang", task(pid, "Task_CommunityAcceptance"), acceptance("ACCEPT"));
    // The street's form must not open with the community's answer filled in.
    assertThat(runtime.getVariable(pid, "acceptanceOpinion")).isNull();
    assertThat(runtime.getVariable(pid, "acceptanceDecision")).isNull();
    submit("loudong", task(pid, "Task_StreetAcceptance"), acceptance("ACCEPT"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    Project closed = projects.project(projectNo).orElseThrow();
    assertThat(closed.status()).isEqualTo(ItemStatus.Project.CLOSED);
    assertThat(closed.closedAt()).isNotNull();
    assertThat(lists.demand(demandNo).orElseThrow().status()).isEqualTo(ItemStatus.Demand.FULFILLED);
    assertThat(projects.reports(closed.id())).singleElement().satisfies(r -> assertThat(r.late()).isFalse());
    JsonNode audit = RestClient.as(port, "loudong").get("/api/audit/" + projectNo).json();
    assertThat(audit.get("decisions").findValuesAsText("decision"))
        .containsSubsequence("CLAIMED", "AGREE", "ACCEPT", "ACCEPT", "CLOSED");
    JsonNode detail = RestClient.as(port, "dongcang").get("/api/cobuilding/projects/" + projectNo).json();
    assertThat(detail.get("history").findValuesAsText("action")).containsSubsequence("CLAIMED", "DRAFTED", "CONFIRMED",
        "AGREED", "REPORTED", "ACCEPTED_BY_COMMUNITY", "ACCEPTED_BY_STREET", "CLOSED");
  }

  @Test
  void aCommunityClaimsAResourceWithRevisionLateReportsAndReturnedAcceptance() {
    String resourceNo = publishResource("反诈宣传进社区（项目测试）", "PAIRED");
    RestClient.Response notReached = Forms.start(RestClient.as(port, "nanyuan"), "co-building-project",
        Map.of("itemNo", resourceNo, "claimNote", "南园社区也需要反诈宣传"));
    assertThat(notReached.status()).isEqualTo(400);
    assertThat(notReached.body()).contains("不包括南园社区");

    RestClient.Response started = Forms.start(RestClient.as(port, "dongcang"), "co-building-project",
        Map.of("itemNo", resourceNo, "claimNote", "社区老年人多，希望农行来讲防范电信诈骗"));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String pid = started.json().get("id").asText();
    String projectNo = (String) runtime.getVariable(pid, "projectNo");
    RestClient.Response twice = Forms.start(RestClient.as(port, "dongcang"), "co-building-project",
        Map.of("itemNo", resourceNo, "claimNote", "再次认领同一资源"));
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.body()).contains("项目尚未结束");

    submit("dongcang", task(pid, "Task_DraftAgreement"), draft());
    Task confirm = task(pid, "Task_ConfirmAgreement");
    assertThat(Forms.complete(RestClient.as(port, "nonghang"), confirm.getId(), Map.of("confirmDecision", "REVISE"))
        .status()).isEqualTo(400);
    submit("nonghang", confirm, Map.of("confirmDecision", "REVISE", "confirmComment", "请把宣讲频次改为每季度一次"));
    assertThat(runtime.getVariable(pid, "revisionComment")).isEqualTo("请把宣讲频次改为每季度一次");
    Project revised = projects.project(projectNo).orElseThrow();
    assertThat(revised.unitConfirmedBy()).isNull();
    submit("dongcang", task(pid, "Task_DraftAgreement"), draft());
    submit("nonghang", task(pid, "Task_ConfirmAgreement"), Map.of("confirmDecision", "AGREE"));

    LocalDateTime opened = monthStart(1, pid);
    Task report = task(pid, "Task_MonthlyReport");
    LocalDateTime due = cn.ronghe.cobuilding.Times.toLocal(report.getDueDate());
    Jobs.at(Times.toDate(due.minusDays(1)));
    Jobs.runDue(management, List.of(pid));
    assertThat(notifier.forCase(projectNo)).anySatisfy(n -> assertThat(n.title()).startsWith("月度进展报告即将到期"));
    Jobs.at(Times.toDate(due.plusHours(1)));
    Jobs.runDue(management, List.of(pid));
    assertThat(notifier.forCase(projectNo)).anySatisfy(n -> {
      assertThat(n.title()).startsWith("进展报告逾期");
      assertThat(n.recipientGroup()).isEqualTo("street-loudong");
    });
    Task supervise = task(pid, "Task_StreetSupervise");
    assertThat(Forms.complete(RestClient.as(port, "loudong"), supervise.getId(), Map.of("superviseNote", "")).status())
        .isEqualTo(400);
    submit("loudong", supervise, Map.of("superviseNote", "已电话联系单位联系人，承诺三日内补报"));
    submit("nonghang", report, report(60, false));
    assertThat(projects.reports(revised.id())).singleElement().satisfies(r -> assertThat(r.late()).isTrue());

    Jobs.at(Times.toDate(opened.plusMonths(1).plusMinutes(1)));
    Jobs.runDue(management, List.of(pid));
    submit("nonghang", task(pid, "Task_MonthlyReport"), report(100, true));
    submit("dongcang", task(pid, "Task_CommunityAcceptance"), acceptance("RETURN"));
    assertThat(projects.project(projectNo).orElseThrow().status()).isEqualTo(ItemStatus.Project.IN_PROGRESS);

    Jobs.at(Times.toDate(opened.plusMonths(2).plusMinutes(1)));
    Jobs.runDue(management, List.of(pid));
    submit("nonghang", task(pid, "Task_MonthlyReport"), report(100, true));
    submit("dongcang", task(pid, "Task_CommunityAcceptance"), acceptance("ACCEPT"));
    submit("loudong", task(pid, "Task_StreetAcceptance"), acceptance("RETURN"));

    Jobs.at(Times.toDate(opened.plusMonths(3).plusMinutes(1)));
    Jobs.runDue(management, List.of(pid));
    submit("nonghang", task(pid, "Task_MonthlyReport"), report(100, true));
    submit("dongcang", task(pid, "Task_CommunityAcceptance"), acceptance("ACCEPT"));
    submit("loudong", task(pid, "Task_StreetAcceptance"), acceptance("ACCEPT"));
    assertThat(projects.project(projectNo).orElseThrow().status()).isEqualTo(ItemStatus.Project.CLOSED);
    assertThat(projects.reports(revised.id())).hasSize(4);
    assertThat(lists.resource(resourceNo).orElseThrow().status()).isEqualTo(ItemStatus.Resource.OPEN);
  }

  @Test
  void aDeclinedClaimPutsTheDemandBackOnTheList() {
    String demandNo = publishDemand("社区微型消防站建设（拒绝测试）");
    String projectNo = RestClient.as(port, "xiaofang").post("/api/cobuilding/demands/" + demandNo + "/claims",
        "{\"claimNote\":\"大队可派员指导微型消防站建设\"}").json().get("projectNo").asText();
    String pid = pid(projectNo);
    submit("xiaofang", task(pid, "Task_DraftAgreement"), draft());
    Task confirm = task(pid, "Task_ConfirmAgreement");
    assertThat(Forms.complete(RestClient.as(port, "dongcang"), confirm.getId(),
        Map.of("confirmDecision", "DECLINE", "confirmComment", "短")).status()).isEqualTo(400);
    submit("dongcang", confirm, Map.of("confirmDecision", "DECLINE", "confirmComment", "本年度已由街道统一建设，无需重复"));
    Project p = projects.project(projectNo).orElseThrow();
    assertThat(p.status()).isEqualTo(ItemStatus.Project.CANCELLED);
    assertThat(p.cancelReason()).isEqualTo("对方拒绝：本年度已由街道统一建设，无需重复");
    assertThat(p.cancelledBy()).isEqualTo("dongcang");
    assertThat(lists.demand(demandNo).orElseThrow().status()).isEqualTo(ItemStatus.Demand.OPEN);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pid).activityId("End_ProjectDeclined")
        .count()).isOne();
  }

  @Test
  void aProjectInExecutionIsCancelledByTheStreetWithAReason() {
    String demandNo = publishDemand("青少年暑期托管（取消测试）");
    String projectNo = RestClient.as(port, "nonghang").post("/api/cobuilding/demands/" + demandNo + "/claims",
        "{\"claimNote\":\"可提供金融知识小课堂\"}").json().get("projectNo").asText();
    String pid = pid(projectNo);
    submit("nonghang", task(pid, "Task_DraftAgreement"), draft());
    submit("dongcang", task(pid, "Task_ConfirmAgreement"), Map.of("confirmDecision", "AGREE"));

    String path = "/api/cobuilding/projects/" + projectNo + "/cancel";
    assertThat(RestClient.as(port, "nanyuan").post(path, "{\"reason\":\"与我社区无关的取消\"}").status()).isEqualTo(403);
    assertThat(RestClient.as(port, "loudong").post(path, "{\"reason\":\"\"}").status()).isEqualTo(400);
    RestClient.Response ok = RestClient.as(port, "loudong").post(path, "{\"reason\":\"场地改造，暑期托管改由教育局统一安排\"}");
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().get("project").get("status").asText()).isEqualTo("CANCELLED");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    assertThat(lists.demand(demandNo).orElseThrow().status()).isEqualTo(ItemStatus.Demand.OPEN);
    assertThat(RestClient.as(port, "loudong").post(path, "{\"reason\":\"再取消一次试试\"}").status()).isEqualTo(409);
  }

  private String publishDemand(String title) {
    Map<String, Object> d = ListItemTest.demand(title);
    d.put("category", "ELDERLY");
    RestClient.Response r = RestClient.as(port, "dongcang").post("/api/cobuilding/demands", Forms.json(d));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("itemNo").asText();
  }

  private String publishResource(String title, String scope) {
    RestClient.Response r = RestClient.as(port, "nonghang").post("/api/cobuilding/resources",
        Forms.json(ListItemTest.resource(title, scope)));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("itemNo").asText();
  }

  /** Moves the clock to 09:01 on the first day of the n-th next month and runs the instance's due jobs. */
  private LocalDateTime monthStart(int months, String pid) {
    LocalDateTime at = YearMonth.from(Times.today()).plusMonths(months).atDay(1).atTime(9, 1);
    Jobs.at(Times.toDate(at));
    Jobs.runDue(management, List.of(pid));
    return at;
  }

  private String pid(String projectNo) {
    return projects.project(projectNo).orElseThrow().processInstanceId();
  }

  private Task task(String pid, String key) {
    return tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(key).singleResult();
  }

  private void submit(String user, Task task, Map<String, ?> values) {
    assertThat(task).as("open task").isNotNull();
    RestClient.Response r = Forms.complete(RestClient.as(port, user), task.getId(), values);
    assertThat(r.status()).as(task.getTaskDefinitionKey() + ": " + r.body()).isEqualTo(204);
  }

  public static Map<String, Object> draft() {
    Map<String, Object> d = new HashMap<>();
    d.put("projectTitle", "共建项目协议（测试）");
    d.put("goal", "一年内为辖区 60 名独居老人提供稳定的助餐配送服务");
    d.put("measures", "每周二、周四由党员志愿者配送午餐；社区负责排班和回访");
    d.put("budget", 12000);
    d.put("startDate", LocalDate.now().toString());
    d.put("endDate", LocalDate.now().plusMonths(10).toString());
    d.put("communityLead", "王芳");
    d.put("unitLead", "张伟");
    d.put("draftConfirmed", true);
    return d;
  }

  static Map<String, Object> report(int pct, boolean finished) {
    return Map.of("progressPct", pct, "workDone", "本月配送午餐 16 次，服务老人 58 人次", "projectFinished", finished);
  }

  static Map<String, Object> acceptance(String decision) {
    return Map.of("acceptanceDecision", decision, "acceptanceOpinion", "ACCEPT".equals(decision)
        ? "服务记录完整，居民满意度高" : "回访记录不全，请补充后再申请验收");
  }
}
