package cn.ronghe.evaluation;

import static cn.ronghe.evaluation.EvaluationFixtures.ratingTask;
import static cn.ronghe.evaluation.EvaluationFixtures.scores;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import cn.ronghe.platform.notification.Notifier;
import cn.ronghe.platform.policy.PolicyParameters;
import cn.ronghe.support.Forms;
import cn.ronghe.support.Jobs;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One street's cycle (太仓港经济技术开发区, 8 pairings) through every path: manual start and duplicate refusal,
 * batched opening, ratings on time, late, missing, capped for a unit that never reported, refused bad input,
 * a pairing dissolved mid-cycle, the street's adjustments, publication and a rectification that is sent back once.
 */
@RongheSpringTest
class EvaluationCycleProcessTest {

  static final int YEAR = 2023;
  static final String PREFIX = "KP-" + YEAR + "-";

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;
  @Autowired
  IdentityService identity;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  EvaluationRepository repository;
  @Autowired
  PolicyParameters policy;
  @Autowired
  Notifier notifier;

  String cyclePid;

  @BeforeEach
  void raters() {
    EvaluationFixtures.user(identity, "gq-gangcheng", "community-gangcheng");
    EvaluationFixtures.user(identity, "gq-binjiang", "community-binjiang");
    EvaluationFixtures.user(identity, "gq-u029", "unit-u029");
    EvaluationFixtures.user(identity, "gq-u079", "unit-u079");
    EvaluationFixtures.user(identity, "gq-street", "street-gangqu");
  }

  @AfterEach
  void restore() {
    ClockUtil.reset();
    jdbc.sql("UPDATE org_pairing SET active = TRUE WHERE unit_code = 'u082'").update();
    policy.update("evaluation.batch-size", "50", "test");
  }

  @Test
  void aStreetCycleWalksEveryPath() {
    policy.update("evaluation.batch-size", "3", "test");
    // Every pair has a 2023 contact on record except 江苏银行 (u126) with 港城社区.
    for (String[] pair : new String[][] {{"u029", "gangcheng"}, {"u079", "gangcheng"}, {"u208", "gangcheng"},
        {"u012", "binjiang"}, {"u082", "binjiang"}, {"u136", "binjiang"}, {"u237", "binjiang"}}) {
      jdbc.sql("INSERT INTO cb_contact (unit_code, community_code, contact_date, kind, note, recorded_by, recorded_at) "
              + "VALUES (:u, :c, DATE '2023-05-10', 'REPORT', '到社区报到', 'test', CURRENT_TIMESTAMP)")
          .param("u", pair[0]).param("c", pair[1]).update();
    }

    // --- start, and the refusals around it ---
    int cyclesBefore = cycleCount();
    String body = "{\"evalYear\":" + YEAR + ",\"scopeType\":\"STREET\",\"streetCode\":\"gangqu\"}";
    assertThat(RestClient.as(port, "nonghang").post("/api/evaluation/cycles", body).status()).isEqualTo(403);
    assertThat(RestClient.as(port, "zuzhibu").post("/api/evaluation/cycles",
        "{\"evalYear\":1999,\"scopeType\":\"STREET\",\"streetCode\":\"gangqu\"}").status()).isEqualTo(400);
    RestClient.Response started = RestClient.as(port, "zuzhibu").post("/api/evaluation/cycles", body);
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String cycleNo = started.json().get("cycle").get("cycleNo").asText();
    cyclePid = started.json().get("cycle").get("processInstanceId").asText();
    RestClient.Response twice = RestClient.as(port, "zuzhibu").post("/api/evaluation/cycles", body);
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("messageZh").asText()).contains("已有考评周期 " + cycleNo);
    RestClient.Response tasklist = Forms.start(RestClient.as(port, "zuzhibu"), EvaluationProcesses.CYCLE,
        Map.of("evalYear", YEAR, "scopeType", "STREET", "streetCode", "gangqu"));
    assertThat(tasklist.status()).isEqualTo(400);
    assertThat(cycleCount()).isEqualTo(cyclesBefore + 1);

    run();
    Cycle cycle = repository.cycle(cycleNo).orElseThrow();
    assertThat(cycle.status()).isEqualTo("RATING");
    assertThat(cycle.pairingCount()).isEqualTo(8);
    assertThat(cycle.openedCount()).isEqualTo(8);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(cyclePid)
        .activityId("Task_OpenPairingBatch").count()).isEqualTo(3);
    assertThat(tasks.createTaskQuery().processDefinitionKey(EvaluationProcesses.RATING)
        .processInstanceBusinessKeyLike(PREFIX + "%").count()).isEqualTo(16);

    // --- on time, through Tasklist's form submission and through the project API ---
    Task gangchengRatesU029 = ratingTask(tasks, YEAR, "u029", "gangcheng", RatingDirection.C2U);
    assertThat(gangchengRatesU029.getName()).isEqualTo("双向考评 · " + PREFIX + "u029-gangcheng · 港城社区评价市统计局");
    Map<String, Object> tooHigh = scores(RatingDirection.C2U, 95, 101, 90, 90);
    RestClient.Response bad = Forms.complete(RestClient.as(port, "gq-gangcheng"), gangchengRatesU029.getId(), tooHigh);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("资源兑现须在 0 到 100 之间");
    Map<String, Object> lowNoComment = scores(RatingDirection.C2U, 95, 50, 90, 90);
    RestClient.Response low = Forms.complete(RestClient.as(port, "gq-gangcheng"), gangchengRatesU029.getId(), lowNoComment);
    assertThat(low.status()).isEqualTo(400);
    assertThat(low.body()).contains("有评分低于 60 分，须填写不少于 10 字的评价意见");
    assertThat(Forms.complete(RestClient.as(port, "gq-u029"), gangchengRatesU029.getId(),
        scores(RatingDirection.C2U, 95)).status()).isEqualTo(403);
    assertThat(ratingCount(cycle)).isZero();
    submit("gq-gangcheng", gangchengRatesU029, scores(RatingDirection.C2U, 95));

    RestClient.Response viaApi = RestClient.as(port, "gq-u029").post("/api/evaluation/cycles/" + cycleNo + "/ratings",
        Forms.json(Map.of("unitCode", "u029", "communityCode", "gangcheng", "direction", "U2C",
            "scores", scores(RatingDirection.U2C, 85, 80, 90, 88))));
    assertThat(viaApi.status()).as(viaApi.body()).isEqualTo(201);
    assertThat(viaApi.json().get("grade").asText()).isEqualTo("GOOD");
    assertThat(viaApi.json().get("totalScore").asDouble()).isEqualTo(EvaluationFixtures.expectedTotal(RatingDirection.U2C,
        85, 80, 90, 88));
    RestClient.Response notPaired = RestClient.as(port, "gq-u029").post("/api/evaluation/cycles/" + cycleNo + "/ratings",
        Forms.json(Map.of("unitCode", "u029", "communityCode", "binjiang", "direction", "U2C",
            "scores", scores(RatingDirection.U2C, 80))));
    assertThat(notPaired.status()).isEqualTo(403);
    assertThat(notPaired.json().get("messageZh").asText()).contains("没有结对关系");
    assertThat(RestClient.as(port, "gq-u029").post("/api/evaluation/cycles/" + cycleNo + "/ratings",
        Forms.json(Map.of("unitCode", "u029", "communityCode", "gangcheng", "direction", "U2C",
            "scores", scores(RatingDirection.U2C, 80)))).status()).isEqualTo(409);

    // --- capped: 江苏银行 never reported to 港城社区 in 2023 ---
    rate("u126", "gangcheng", RatingDirection.C2U, scores(RatingDirection.C2U, 95), null);
    // --- 较差 for the unit u079, with the comment low scores need ---
    rate("u079", "gangcheng", RatingDirection.C2U, scores(RatingDirection.C2U, 40, 50, 30, 45), "全年仅参加一次活动，资源承诺均未兑现");
    rate("u208", "gangcheng", RatingDirection.C2U, scores(RatingDirection.C2U, 82), null);
    rate("u012", "binjiang", RatingDirection.C2U, scores(RatingDirection.C2U, 78), null);
    rate("u237", "binjiang", RatingDirection.C2U, scores(RatingDirection.C2U, 88), null);
    for (String unit : List.of("u126", "u079", "u012", "u136")) {
      String community = unit.equals("u012") || unit.equals("u136") ? "binjiang" : "gangcheng";
      rate(unit, community, RatingDirection.U2C, scores(RatingDirection.U2C, 86), null);
    }
    rate("u237", "binjiang", RatingDirection.U2C, scores(RatingDirection.U2C, 40, 50, 55, 45), "需求不清晰，多次联系无人对接");

    // --- a pairing dissolved mid-cycle: its evaluations can no longer be submitted and become void ---
    jdbc.sql("UPDATE org_pairing SET active = FALSE WHERE unit_code = 'u082' AND community_code = 'binjiang'").update();
    RestClient.Response gone = Forms.complete(RestClient.as(port, "gq-binjiang"),
        ratingTask(tasks, YEAR, "u082", "binjiang", RatingDirection.C2U).getId(), scores(RatingDirection.C2U, 80));
    assertThat(gone.status()).isEqualTo(400);
    assertThat(gone.body()).contains("该结对关系已解除");

    // --- the due date passes: reminders, then the rater and the street are told ---
    LocalDateTime due = cycle.ratingDue();
    Jobs.at(cn.ronghe.cobuilding.Times.toDate(due.plusHours(1)));
    run();
    String lateKey = PREFIX + "u136-binjiang";
    assertThat(notifier.forCase(lateKey)).extracting(n -> n.title())
        .anyMatch(t -> t.startsWith("双向考评即将截止")).anyMatch(t -> t.startsWith("双向考评逾期"));
    rate("u136", "binjiang", RatingDirection.C2U, scores(RatingDirection.C2U, 75), null);
    // u208 never rates 港城社区; u082 ↔ 滨江 stays void. The grace period ends:
    Jobs.at(cn.ronghe.cobuilding.Times.toDate(cycle.ratingClose().plusHours(1)));
    run();

    PairingResult onTime = pairing(cycle, "u029", "gangcheng");
    assertThat(onTime.unitGrade()).isEqualTo("EXCELLENT");
    assertThat(onTime.communityGrade()).isEqualTo("GOOD");
    PairingResult capped = pairing(cycle, "u126", "gangcheng");
    assertThat(capped.unitScore()).isEqualByComparingTo("95.0");
    assertThat(capped.unitGrade()).isEqualTo("FAIR");
    assertThat(capped.unitReported()).isFalse();
    assertThat(repository.rating(capped.id(), RatingDirection.C2U).orElseThrow().capped()).isTrue();
    PairingResult missing = pairing(cycle, "u208", "gangcheng");
    RatingRecord missingRating = repository.rating(missing.id(), RatingDirection.U2C).orElseThrow();
    assertThat(missingRating.status()).isEqualTo("MISSING");
    assertThat(missingRating.totalScore()).isEqualByComparingTo("70.0");
    assertThat(missing.communityGrade()).isEqualTo("FAIR");
    assertThat(repository.rating(pairing(cycle, "u136", "binjiang").id(), RatingDirection.C2U).orElseThrow().late()).isTrue();
    assertThat(pairing(cycle, "u082", "binjiang").state()).isEqualTo("DISSOLVED");
    assertThat(pairing(cycle, "u079", "gangcheng").unitGrade()).isEqualTo("POOR");
    assertThat(repository.cycle(cycleNo).orElseThrow().status()).isEqualTo("REVIEW");

    // --- the street committee reviews and adjusts with written reasons ---
    Task review = tasks.createTaskQuery().processInstanceId(cyclePid).taskDefinitionKey("Task_StreetReview").singleResult();
    assertThat(review.getName()).isEqualTo("大工委审核考评结果 · " + cycleNo + " · 太仓港经济技术开发区");
    assertThat((String) runtime.getVariable(review.getExecutionId(), "reviewSummary")).contains("本街道共 7 个结对", "缺评 1 项",
        "1 家单位因未到社区报到最高评为一般");
    // Tasklist submits a dynamic list with the type of the existing variable: it has to be Json.
    assertThat(runtime.getVariableTyped(review.getExecutionId(), "adjustments").getType().getName()).isEqualTo("json");
    List<Map<String, String>> shortReason = List.of(Map.of("pairing", "u029|gangcheng", "ratedSide", "UNIT",
        "newGrade", "GOOD", "reason", "太短"));
    RestClient.Response badReview = Forms.complete(RestClient.as(port, "gq-street"), review.getId(),
        Map.of("adjustments", Forms.Json.of(shortReason), "reviewConfirmed", true));
    assertThat(badReview.status()).isEqualTo(400);
    assertThat(badReview.body()).contains("须写明 10–500 字的调整理由");
    List<Map<String, String>> foreign = List.of(Map.of("pairing", "u109|dongcang", "ratedSide", "UNIT",
        "newGrade", "GOOD", "reason", "不是本街道的结对，不能调整"));
    assertThat(Forms.complete(RestClient.as(port, "gq-street"), review.getId(),
        Map.of("adjustments", Forms.Json.of(foreign), "reviewConfirmed", true)).body()).contains("不属于本街道本次考评");
    // One adjustment in the form's first slot (as Tasklist sends it), one in the API's list.
    List<Map<String, String>> adjustments = List.of(
        Map.of("pairing", "u237|binjiang", "ratedSide", "COMMUNITY", "newGrade", "FAIR",
            "reason", "社区换届期间对接人空缺，情有可原，调整为一般"),
        Map.of("pairing", "", "ratedSide", "", "newGrade", "", "reason", ""));
    Map<String, Object> reviewed = new HashMap<>(Map.of("adjustments", Forms.Json.of(adjustments),
        "reviewConfirmed", true, "reviewNote", "已逐一核实互评结果"));
    reviewed.putAll(Map.of("adjustment1Pairing", "u029|gangcheng", "adjustment1Side", "UNIT", "adjustment1Grade", "GOOD",
        "adjustment1Reason", "年中有一次活动未按约定派员参加，经大工委研究调整为良好"));
    submit("gq-street", review, reviewed);
    assertThat(pairing(cycle, "u029", "gangcheng").unitFinalGrade()).isEqualTo("GOOD");
    assertThat(pairing(cycle, "u237", "binjiang").communityFinalGrade()).isEqualTo("FAIR");
    run();

    // --- the organisation department publishes; each pairing is told in batches ---
    Task publish = tasks.createTaskQuery().processInstanceId(cyclePid).taskDefinitionKey("Task_Publish").singleResult();
    assertThat(Forms.complete(RestClient.as(port, "zuzhibu"), publish.getId(), Map.of("publishConfirmed", false))
        .status()).isEqualTo(400);
    submit("zuzhibu", publish, Map.of("publishConfirmed", true, "publishNote", "经各镇街大工委审核，予以发布"));
    run();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(cyclePid).count()).isZero();
    assertThat(repository.cycle(cycleNo).orElseThrow().status()).isEqualTo("PUBLISHED");
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(cyclePid)
        .activityId("Task_NotifyPairingBatch").count()).isEqualTo(3);

    // --- 较差 → rectification by the unit, sent back once by the street ---
    String key079 = PREFIX + "u079-gangcheng";
    assertThat(tasks.createTaskQuery().processInstanceBusinessKeyLike(PREFIX + "%").taskDefinitionKey("Task_Rectify")
        .list()).extracting(t -> runtime.getVariable(t.getProcessInstanceId(), "caseNo")).containsExactly(key079);
    Task rectify = tasks.createTaskQuery().processInstanceBusinessKey(key079).taskDefinitionKey("Task_Rectify").singleResult();
    Jobs.at(cn.ronghe.cobuilding.Times.toDate(cn.ronghe.cobuilding.Times.toLocal(rectify.getDueDate()).plusHours(1)));
    run();
    assertThat(notifier.forCase(key079)).extracting(n -> n.title()).anyMatch(t -> t.startsWith("整改逾期"));
    assertThat(Forms.complete(RestClient.as(port, "gq-u079"), rectify.getId(), Map.of("rectificationMeasures", "已整改"))
        .status()).isEqualTo(400);
    submit("gq-u079", rectify, Map.of("rectificationMeasures", "明确一名分管领导联系社区，每月到社区报到一次，兑现助老资源承诺"));
    Task check = tasks.createTaskQuery().processInstanceBusinessKey(key079).taskDefinitionKey("Task_CheckRectification")
        .singleResult();
    submit("gq-street", check, Map.of("checkDecision", "REDO", "checkOpinion", "助老资源尚未落实到位"));
    submit("gq-u079", tasks.createTaskQuery().processInstanceBusinessKey(key079).taskDefinitionKey("Task_Rectify")
        .singleResult(), Map.of("rectificationMeasures", "助老资源已落实：每周二组织志愿者上门服务独居老人"));
    submit("gq-street", tasks.createTaskQuery().processInstanceBusinessKey(key079).taskDefinitionKey("Task_CheckRectification")
        .singleResult(), Map.of("checkDecision", "ACCEPT", "checkOpinion", "整改到位，同意销号"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(PREFIX + "%").count()).isZero();

    // --- reports and exports agree with what happened ---
    JsonNode row = yearRow(RestClient.as(port, "gq-u029").get("/api/evaluation/reports/units/u029").json());
    assertThat(row.get("grade").asText()).isEqualTo("EXCELLENT");
    assertThat(row.get("finalGrade").asText()).isEqualTo("GOOD");
    assertThat(row.get("adjusted").asBoolean()).isTrue();
    JsonNode u079 = yearRow(RestClient.as(port, "zuzhibu").get("/api/evaluation/reports/units/u079").json());
    assertThat(u079.get("rectification").asText()).isEqualTo("整改完成");
    assertThat(RestClient.as(port, "gq-u029").get("/api/evaluation/reports/units/u079").status()).isEqualTo(403);
    String csv = RestClient.as(port, "zuzhibu").get("/api/evaluation/reports/units.csv?fromYear=2023&toYear=2023&street=gangqu")
        .body();
    assertThat(csv).contains("港城社区", "市统计局").doesNotContain("滨江社区,太仓市公安局港区派出所");
    JsonNode audit = RestClient.as(port, "zuzhibu").get("/api/audit/" + PREFIX + "u029-gangcheng").json();
    assertThat(audit.get("decisions").findValuesAsText("decision")).contains("RATED", "ADJUSTED");
    assertThat(audit.get("decisions").findValuesAsText("ruleVersion"))
        .anyMatch(v -> v != null && v.contains("evaluation-grade v") && v.contains("evaluation-weights v"));
  }

  /** The report row of this test's year (other tests and the demo add other years). */
  private static JsonNode yearRow(JsonNode report) {
    for (JsonNode row : report.get("rows")) {
      if (row.get("year").asInt() == YEAR) {
        return row;
      }
    }
    throw new AssertionError("no " + YEAR + " row in " + report);
  }

  private void rate(String unit, String community, RatingDirection direction, Map<String, Object> scores,
      String comment) {
    Map<String, Object> vars = new HashMap<>(scores);
    vars.put(EvaluationProcesses.RATING_COMMENT, comment);
    tasks.complete(ratingTask(tasks, YEAR, unit, community, direction).getId(), vars);
  }

  private void submit(String user, Task task, Map<String, ?> values) {
    assertThat(task).as("open task").isNotNull();
    RestClient.Response r = Forms.complete(RestClient.as(port, user), task.getId(), values);
    assertThat(r.status()).as(task.getTaskDefinitionKey() + ": " + r.body()).isEqualTo(204);
  }

  private void run() {
    Jobs.runDue(management, runtime, cyclePid, PREFIX);
  }

  private PairingResult pairing(Cycle cycle, String unit, String community) {
    return repository.pairing(cycle.id(), unit, community).orElseThrow();
  }

  private int cycleCount() {
    return jdbc.sql("SELECT COUNT(*) FROM ev_cycle").query(Integer.class).single();
  }

  private int ratingCount(Cycle cycle) {
    return jdbc.sql("SELECT COUNT(*) FROM ev_rating r JOIN ev_pairing p ON p.id = r.pairing_id WHERE p.cycle_id = :c")
        .param("c", cycle.id()).query(Integer.class).single();
  }
}
