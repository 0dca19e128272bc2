package cn.ronghe.career.review;

import static cn.ronghe.career.AssessmentResult.COMPETENT;
import static cn.ronghe.career.AssessmentResult.EXCELLENT;
import static cn.ronghe.career.AssessmentResult.INCOMPETENT;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import cn.ronghe.career.AssessmentResult;
import cn.ronghe.career.CareerTestSupport;
import cn.ronghe.career.GradeChange;
import cn.ronghe.career.Post;
import cn.ronghe.career.Worker;
import cn.ronghe.career.policy.DeployedDecisionTables;
import cn.ronghe.career.registry.WorkerRepository;
import cn.ronghe.notice.NoticeService;
import cn.ronghe.platform.audit.DecisionLog;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An annual review of named workers in two streets, straight through: the streets enter results (one by CSV
 * import after a rejected file), the rules propose promote, hold and demote, communities, streets and civil
 * affairs approve whole batches, changes are announced and take effect once.
 */
@RongheSpringTest
class AnnualReviewProcessTest {

  static final int YEAR = 2012;

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  ManagementService management;
  @Autowired
  TaskService tasks;
  @Autowired
  HistoryService history;
  @Autowired
  WorkerRepository workers;
  @Autowired
  DeployedDecisionTables decisions;
  @Autowired
  DecisionLog log;
  @Autowired
  ReviewBatches batches;
  @Autowired
  ReviewRepository reviews;
  @Autowired
  NoticeService notices;

  ReviewTestSupport support;

  @BeforeEach
  void init() {
    support = new ReviewTestSupport(port, jdbc, management, tasks);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  Worker worker(String community, String street, Post post, int grade, Map<Integer, AssessmentResult> results) {
    return CareerTestSupport.worker(workers, decisions, community, street, post, grade, LocalDate.of(2008, 3, 1),
        results);
  }

  @Test
  void promoteHoldAndDemoteThroughBatchApprovalNoticeAndEffect() {
    Worker promote = worker("dongcang", "loudong", Post.OTHER, 5, Map.of(2010, COMPETENT, 2011, COMPETENT));
    Worker hold = worker("dongcang", "loudong", Post.OTHER, 5, Map.of(2011, COMPETENT));
    Worker demote = worker("dongcang", "loudong", Post.OTHER, 5, Map.of(2011, INCOMPETENT));
    Worker top = worker("taiping", "chengxiang", Post.OTHER, 12, Map.of(2011, COMPETENT));
    Worker deputy = worker("taiping", "chengxiang", Post.DEPUTY, 8, Map.of(2010, COMPETENT, 2011, EXCELLENT));
    List<String> ids = List.of(promote.workerId(), hold.workerId(), demote.workerId(), top.workerId(),
        deputy.workerId());

    assertThat(support.start("dongcang", YEAR, "WORKERS", null, ids, null).status()).isEqualTo(403);
    ReviewTestSupport.Started cycle = support.started(support.start("minzheng", YEAR, "WORKERS", null, ids, null));
    assertThat(cycle.cycleNo()).startsWith("NJ-");
    support.drain(cycle.cycleNo());
    String loudong = support.streetProcess(cycle.cycleNo(), "loudong");
    String chengxiang = support.streetProcess(cycle.cycleNo(), "chengxiang");
    assertThat(support.stages(cycle.cycleNo()).values()).containsOnly("DUE");

    // 娄东街道 imports its results; a file with bad lines is rejected whole
    String bad = "工号,姓名,考核结果\n" + promote.workerId() + "," + promote.name() + ",称职\n" + top.workerId() + ",,优秀\n"
        + hold.workerId() + ",,良好\n" + promote.workerId() + ",,优秀\nW999999,,称职\n";
    RestClient.Response rejected = RestClient.as(port, "loudong").postBytes("/api/career/assessments/" + YEAR
        + "/import", "text/csv", bad.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(rejected.status()).isEqualTo(400);
    assertThat(rejected.json().get("problems")).extracting(p -> p.get("messageZh").asText())
        .anySatisfy(m -> assertThat(m).startsWith("第 3 行").contains("不属于本街道"))
        .anySatisfy(m -> assertThat(m).startsWith("第 4 行").contains("考核结果“良好”无效"))
        .anySatisfy(m -> assertThat(m).startsWith("第 5 行").contains("与第 2 行重复"))
        .anySatisfy(m -> assertThat(m).startsWith("第 6 行").contains("W999999"));
    assertThat(workers.assessments(promote.workerId())).doesNotContainKey(YEAR);
    String good = promote.workerId() + ",称职\n" + hold.workerId() + ",基本称职\n" + demote.workerId() + ",不称职\n";
    RestClient.Response imported = RestClient.as(port, "loudong").postBytes("/api/career/assessments/" + YEAR
        + "/import", "text/csv", good.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    CareerTestSupport.completeOk(port, "loudong", support.task(loudong, "Task_EnterAssessments").getId(), Map.of());

    // 城厢镇 types its results into the task form; an incomplete form is refused
    String assess = support.task(chengxiang, "Task_EnterAssessments").getId();
    RestClient.Response incomplete = CareerTestSupport.complete(port, "chengxiang", assess,
        Map.of("assessmentLines", top.workerId() + ",优秀"));
    assertThat(incomplete.status()).isEqualTo(400);
    assertThat(incomplete.body()).contains("还有人员未录入考核结果").contains(deputy.workerId());
    assertThat(workers.assessments(top.workerId())).doesNotContainKey(YEAR);
    CareerTestSupport.completeOk(port, "chengxiang", assess,
        Map.of("assessmentLines", top.workerId() + ",优秀\n" + deputy.workerId() + "\t称职"));
    support.drain(cycle.cycleNo());

    Map<String, String> stages = support.stages(cycle.cycleNo());
    assertThat(stages.values()).containsOnly("PROPOSED");
    assertThat(reviews.reviewOf(promote.workerId(), YEAR).orElseThrow().proposedGrade()).isEqualTo(6);
    assertThat(reviews.reviewOf(demote.workerId(), YEAR).orElseThrow().proposedGrade()).isEqualTo(4);
    assertThat(reviews.reviewOf(deputy.workerId(), YEAR).orElseThrow().proposedGrade()).isEqualTo(9);

    // communities confirm their whole batch through the API, streets through the task form
    JsonNode inbox = RestClient.as(port, "dongcang").get("/api/career/batches").json();
    String dongcangTask = support.communityTask(loudong, "dongcang").getId();
    assertThat(inbox).anySatisfy(t -> assertThat(t.get("taskId").asText()).isEqualTo(dongcangTask));
    JsonNode batch = RestClient.as(port, "dongcang").get("/api/career/batches/" + dongcangTask).json();
    assertThat(batch.get("reviews")).hasSize(3);
    assertThat(batch.get("task").get("name").asText()).contains("东仓社区", "晋升 1", "保持 1", "降级 1");
    assertThat(RestClient.as(port, "nanyuan").get("/api/career/batches/" + dongcangTask).status()).isEqualTo(404);
    support.decideOk("dongcang", dongcangTask, Map.of());
    support.decideOk("taiping", support.communityTask(chengxiang, "taiping").getId(), Map.of());
    CareerTestSupport.completeOk(port, "loudong", support.task(loudong, "Task_ReviewProposals").getId(),
        Map.of("confirmAll", true, "sendBackLines", ""));
    CareerTestSupport.completeOk(port, "chengxiang", support.task(chengxiang, "Task_ReviewProposals").getId(),
        Map.of("confirmAll", true));
    support.decideOk("minzheng", support.task(loudong, "Task_ApproveProposals").getId(), Map.of());
    support.decideOk("minzheng", support.task(chengxiang, "Task_ApproveProposals").getId(), Map.of());

    stages = support.stages(cycle.cycleNo());
    assertThat(stages).containsEntry(hold.workerId(), "NO_CHANGE").containsEntry(top.workerId(), "NO_CHANGE")
        .containsEntry(promote.workerId(), "IN_NOTICE").containsEntry(demote.workerId(), "IN_NOTICE")
        .containsEntry(deputy.workerId(), "IN_NOTICE");
    assertThat(support.notices(cycle.cycleNo())).hasSize(2);
    support.drain(cycle.cycleNo());
    assertThat(workers.find(promote.workerId()).orElseThrow().grade()).as("not before the notice ends").isEqualTo(5);

    LocalDate released = LocalDate.now().plusDays(12);
    ClockUtil.setCurrentTime(Date.from(released.atTime(8, 0).atZone(ZoneId.systemDefault()).toInstant()));
    support.drain(cycle.cycleNo());

    assertThat(support.stages(cycle.cycleNo())).containsEntry(promote.workerId(), "EFFECTIVE")
        .containsEntry(demote.workerId(), "EFFECTIVE").containsEntry(deputy.workerId(), "EFFECTIVE");
    assertGrade(promote, 6, GradeChange.ChangeKind.PROMOTE, released);
    assertGrade(demote, 4, GradeChange.ChangeKind.DEMOTE, released);
    assertGrade(deputy, 9, GradeChange.ChangeKind.PROMOTE, released);
    assertThat(workers.find(hold.workerId()).orElseThrow().grade()).isEqualTo(5);
    assertThat(workers.history(hold.workerId())).hasSize(1);
    assertThat(workers.find(top.workerId()).orElseThrow().grade()).isEqualTo(12);

    assertThat(reviews.cycle(cycle.cycleNo()).orElseThrow().status()).isEqualTo("COMPLETED");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(cycle.processInstanceId())
        .singleResult().getEndActivityId()).isEqualTo("End_CycleClosed");
    assertThat(log.forCase("NJ-" + YEAR + "-" + promote.workerId())).extracting(e -> e.decision())
        .containsSubsequence("ASSESSED_COMPETENT", "PROPOSED_PROMOTE", "CONFIRMED", "REVIEWED", "APPROVED",
            "EFFECTIVE");
    assertThat(log.forCase("NJ-" + YEAR + "-" + promote.workerId())).filteredOn(e -> e.decision().equals("APPROVED"))
        .singleElement().satisfies(e -> {
          assertThat(e.actor()).isEqualTo("minzheng");
          assertThat(e.ruleVersion()).contains("career-promotion v");
        });

    // a retried job or a second node finds nothing left to apply
    Review done = reviews.reviewOf(promote.workerId(), YEAR).orElseThrow();
    batches.apply(done, reviews.cycle(cycle.cycleNo()).orElseThrow(), decisions.current(), null);
    batches.released(List.of(done.id()));
    support.notices(cycle.cycleNo()).forEach(notices::close);
    assertThat(workers.find(promote.workerId()).orElseThrow().grade()).isEqualTo(6);
    assertThat(workers.history(promote.workerId())).hasSize(2);
  }

  void assertGrade(Worker w, int grade, GradeChange.ChangeKind kind, LocalDate effective) {
    Worker after = workers.find(w.workerId()).orElseThrow();
    assertThat(after.grade()).as(w.workerId()).isEqualTo(grade);
    assertThat(after.gradeSince()).isEqualTo(effective);
    assertThat(after.payCoefficient()).isEqualByComparingTo(decisions.current().payCoefficient(grade));
    List<GradeChange> h = workers.history(w.workerId());
    assertThat(h).hasSize(2);
    assertThat(h.get(1).kind()).isEqualTo(kind);
    assertThat(h.get(1).fromGrade()).isEqualTo(w.grade());
    assertThat(h.get(1).toGrade()).isEqualTo(grade);
    assertThat(h.get(1).caseNo()).isEqualTo("NJ-" + YEAR + "-" + w.workerId());
    assertThat(h.get(1).decidedBy()).isEqualTo("minzheng");
    assertThat(h.get(1).effectiveDate()).isEqualTo(effective);
  }
}
