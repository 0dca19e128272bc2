package cn.ronghe.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.career.CareerTestSupport;
import cn.ronghe.cobuilding.ListItemTest;
import cn.ronghe.cobuilding.ProjectProcessTest;
import cn.ronghe.cobuilding.Times;
import cn.ronghe.evaluation.EvaluationAuditSample;
import cn.ronghe.support.Forms;
import cn.ronghe.support.Jobs;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Real cases driven to the user tasks that cannot be opened by starting a copy of an instance right before them:
 * a task inside a sub-process whose opening step sets its variables, or one repeated per street or community, whose
 * list comes from the case's own records. Each recipe returns the instance that holds the open task.
 */
final class CorpusCases {

  private final int port;
  private final ApplicationContext context;
  private final TaskService tasks;
  private final JdbcClient jdbc;
  /** Made on first use: one evaluation cycle serves both rectification tasks. */
  private EvaluationAuditSample.Started evaluation;

  CorpusCases(int port, ApplicationContext context) {
    this.port = port;
    this.context = context;
    this.tasks = context.getBean(TaskService.class);
    this.jdbc = context.getBean(JdbcClient.class);
  }

  /** The recipes by "process key/task id". */
  Map<String, Supplier<String>> recipes() {
    return Map.of(
        "matter-admission/Task_StreetOpinion", this::admissionAtStreetOpinion,
        "co-building-project/Task_MonthlyReport", this::projectAtMonthlyReport,
        "pairing-evaluation/Task_Rectify", () -> evaluation().rectifyPid(),
        "pairing-evaluation/Task_CheckRectification", () -> evaluation().checkPid());
  }

  /** One evaluation cycle serves both rectification tasks. */
  private EvaluationAuditSample.Started evaluation() {
    if (evaluation == null) {
      evaluation = new EvaluationAuditSample(port, context).toRectificationCheck();
    }
    return evaluation;
  }

  /** 市卫健委 applies for a matter in 娄东街道; the three reviews approve, so the street is asked for its opinion. */
  private String admissionAtStreetOpinion() {
    Map<String, Object> values = new HashMap<>(Map.of("matterName", "协助开展楼道应急灯月检登记" + nonce(),
        "listType", "ASSISTANCE", "content", "每月检查楼道应急照明并登记", "legalBasis", "《消防法》",
        "targetScope", "STREETS", "expectedStart", LocalDate.now().plusMonths(3).toString(),
        "frequency", "QUARTERLY", "contactName", "顾丽", "contactPhone", "0512-53521234"));
    values.put("targetStreets", Forms.Json.of(List.of("loudong")));
    values.put("workloadHours", 16);
    values.put("funding", 1800);
    RestClient.Response started = Forms.start(RestClient.as(port, "weijian"), "matter-admission", values);
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String pid = started.json().get("id").asText();
    submit("minzheng", task(pid, "Task_ReviewNecessity"), Map.of("necessityDecision", "APPROVE",
        "necessityOpinion", "确需社区协助"));
    submit("zuzhibu", task(pid, "Task_ReviewBurden"), Map.of("burdenDecision", "APPROVE",
        "burdenOpinion", "经费随事转移"));
    submit("sifa", task(pid, "Task_ReviewLegality"), Map.of("legalityDecision", "APPROVE",
        "legalityOpinion", "符合规定"));
    task(pid, "Task_StreetOpinion"); // the street's opinion is asked
    return pid;
  }

  /** 消防大队 claims a demand of 东仓社区, both sides agree the project, and its first month begins. */
  private String projectAtMonthlyReport() {
    String pid = draftedProject("xiaofang", "楼道消防通道清理（语料样本）" + nonce());
    submit("dongcang", task(pid, "Task_ConfirmAgreement"), Map.of("confirmDecision", "AGREE"));
    try {
      Jobs.at(Times.toDate(YearMonth.from(Times.today()).plusMonths(1).atDay(1).atTime(9, 1)));
      Jobs.runDue(context.getBean(ManagementService.class), List.of(pid));
    } finally {
      ClockUtil.reset();
    }
    task(pid, "Task_MonthlyReport"); // the month's report is due
    return pid;
  }

  /** A demand of 东仓社区 claimed by {@code unitUser}, whose agreement draft waits for the community. */
  String draftedProject(String unitUser, String title) {
    Map<String, Object> d = ListItemTest.demand(title);
    d.put("category", "ELDERLY");
    RestClient.Response demand = RestClient.as(port, "dongcang").post("/api/cobuilding/demands", Forms.json(d));
    assertThat(demand.status()).as(demand.body()).isEqualTo(201);
    RestClient.Response claim = RestClient.as(port, unitUser).post("/api/cobuilding/demands/"
        + demand.json().get("itemNo").asText() + "/claims", "{\"claimNote\":\"可派志愿者参与\"}");
    assertThat(claim.status()).as(claim.body()).isIn(200, 201);
    String pid = jdbc.sql("SELECT process_instance_id FROM cb_project WHERE project_no = ?")
        .param(claim.json().get("projectNo").asText()).query(String.class).single();
    submit(unitUser, task(pid, "Task_DraftAgreement"), ProjectProcessTest.draft());
    return pid;
  }

  private Task task(String pid, String key) {
    return CareerTestSupport.task(tasks, pid, key);
  }

  private void submit(String user, Task task, Map<String, ?> values) {
    CareerTestSupport.completeOk(port, user, task.getId(), values);
  }

  static String nonce() {
    String chars = "甲乙丙丁戊庚辛壬癸梅兰竹菊松柏桃李杏";
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      s.append(chars.charAt(ThreadLocalRandom.current().nextInt(chars.length())));
    }
    return s.toString();
  }
}
