package cn.ronghe.career.review;

import static cn.ronghe.career.AssessmentResult.BASIC;
import static cn.ronghe.career.AssessmentResult.COMPETENT;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import cn.ronghe.career.AssessmentResult;
import cn.ronghe.career.CareerTestSupport;
import cn.ronghe.career.Post;
import cn.ronghe.career.Worker;
import cn.ronghe.career.policy.DeployedDecisionTables;
import cn.ronghe.career.registry.WorkerRepository;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.policy.PolicyParameters;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
 * Single proposals sent back at every stage, objections upheld and rejected (before and after the notice ends),
 * and changes that wait for a configured effective date in the future; jobs work in chunks of two.
 */
@RongheSpringTest
class AnnualReviewSendBackTest {

  static final int YEAR = 2013;

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
  ReviewRepository reviews;
  @Autowired
  PolicyParameters policy;

  ReviewTestSupport support;
  String chunk;
  LocalDateTime now = LocalDateTime.now();

  @BeforeEach
  void init() {
    support = new ReviewTestSupport(port, jdbc, management, tasks);
    chunk = policy.textValue("career.review.chunk-size");
    policy.update("career.review.chunk-size", "2", "test");
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    policy.update("career.review.chunk-size", chunk, "test");
  }

  void later(int days) {
    now = now.plusDays(days);
    ClockUtil.setCurrentTime(Date.from(now.atZone(ZoneId.systemDefault()).toInstant()));
  }

  Worker worker(AssessmentResult thisYear) {
    return CareerTestSupport.worker(workers, decisions, "dongcang", "loudong", Post.OTHER, 5, LocalDate.of(2008, 3, 1),
        Map.of(YEAR - 2, COMPETENT, YEAR - 1, COMPETENT, YEAR, thisYear));
  }

  @Test
  void sendBacksObjectionsAndALaterEffectiveDate() throws Exception {
    Worker w1 = worker(BASIC);
    Worker w2 = worker(COMPETENT);
    Worker w3 = worker(COMPETENT);
    Worker w4 = worker(COMPETENT);
    LocalDate effective = LocalDate.now().plusDays(60);
    ReviewTestSupport.Started cycle = support.started(support.start("minzheng", YEAR, "WORKERS", null,
        List.of(w1.workerId(), w2.workerId(), w3.workerId(), w4.workerId()), effective.toString()));
    support.drain(cycle.cycleNo());
    String street = support.streetProcess(cycle.cycleNo(), "loudong");
    assertThat(reviews.reviewOf(w1.workerId(), YEAR).orElseThrow().proposalReason()).contains("基本称职");

    // the community's confirmation is late: a reminder
    later(10);
    support.drain(cycle.cycleNo());
    assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_group = 'community-dongcang' AND "
        + "dedup_key LIKE 'review-confirm-reminder:%' AND case_no = :c").param("c", cycle.cycleNo() + "-loudong")
        .query(Integer.class).single()).isOne();

    // 东仓社区 sends w1 back to the street; bad lines change nothing
    String confirm = support.communityTask(street, "dongcang").getId();
    RestClient.Response bad = support.decide("dongcang", confirm, Map.of("W999999", "不在本批次", w1.workerId(), ""));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("不在本批次中", "请写明退回理由");
    assertThat(support.stages(cycle.cycleNo()).values()).containsOnly("PROPOSED");
    support.decideOk("dongcang", confirm, Map.of(w1.workerId(), "考核结果应为称职，街道录入有误"));
    assertThat(support.stages(cycle.cycleNo())).containsEntry(w1.workerId(), "RETURNED")
        .containsEntry(w2.workerId(), "CONFIRMED");

    // 娄东街道 corrects the result: w1 is proposed again and confirmed by the community alone
    String revise = support.task(street, "Task_ReviseReturned").getId();
    RestClient.Response missing = CareerTestSupport.complete(port, "loudong", revise, Map.of("revisionLines",
        "W999999 称职 无此人"));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("不是被退回的建议").contains(w1.workerId());
    CareerTestSupport.completeOk(port, "loudong", revise, Map.of("revisionLines",
        w1.workerId() + " 称职 经核实考核结果为称职，已更正"));
    support.drain(cycle.cycleNo());
    assertThat(reviews.reviewOf(w1.workerId(), YEAR).orElseThrow().proposedGrade()).isEqualTo(6);
    String again = support.communityTask(street, "dongcang").getId();
    assertThat(support.decide("dongcang", again, Map.of()).json().get("taskId").asText()).isEqualTo(again);

    // the street sends w2 back to the community, which confirms it again
    support.decideOk("loudong", support.task(street, "Task_ReviewProposals").getId(),
        Map.of(w2.workerId(), "请社区核实其任现级年限"));
    assertThat(support.stages(cycle.cycleNo())).containsEntry(w2.workerId(), "PROPOSED")
        .containsEntry(w1.workerId(), "REVIEWED");
    support.decideOk("dongcang", support.communityTask(street, "dongcang").getId(), Map.of());
    support.decideOk("loudong", support.task(street, "Task_ReviewProposals").getId(), Map.of());

    // civil affairs sends w3 back to the street and approves the rest: notice 1 for w1, w2, w4
    support.decideOk("minzheng", support.task(street, "Task_ApproveProposals").getId(),
        Map.of(w3.workerId(), "请街道复核其年度考核"));
    support.decideOk("loudong", support.task(street, "Task_ReviewProposals").getId(), Map.of());
    support.decideOk("minzheng", support.task(street, "Task_ApproveProposals").getId(), Map.of());
    List<String> notices = support.notices(cycle.cycleNo());
    assertThat(notices).hasSize(2);
    assertThat(support.stages(cycle.cycleNo()).values()).containsOnly("IN_NOTICE");

    // objections: w1 upheld, w2 rejected while notice 1 runs, w3 rejected after notice 2 ended
    RestClient.Response tooShort = object(notices.get(0), w1.workerId(), "不同意");
    assertThat(tooShort.status()).isEqualTo(400);
    assertThat(object(notices.get(0), "W999999", "该同志本年度多次无故缺勤，不应晋升").status()).isEqualTo(400);
    String o1 = objectOk(notices.get(0), w1.workerId(), "该同志本年度多次无故缺勤，考核结果与实际不符");
    String o2 = objectOk(notices.get(0), w2.workerId(), "该同志任现级年限不足两年，不应晋升");
    String o3 = objectOk(notices.get(1), w3.workerId(), "该同志群众满意度测评排名靠后");
    assertThat(support.stages(cycle.cycleNo())).containsEntry(w1.workerId(), "OBJECTED")
        .containsEntry(w2.workerId(), "OBJECTED").containsEntry(w3.workerId(), "OBJECTED")
        .containsEntry(w4.workerId(), "IN_NOTICE");
    resolve(o2, "REJECTED", "经核实，该同志 2011 年起任现级，年限符合规定");
    assertThat(support.stages(cycle.cycleNo())).containsEntry(w2.workerId(), "IN_NOTICE");
    later(15);
    support.drain(cycle.cycleNo());
    assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE dedup_key = :k").param("k",
        "objection-reminder:" + o1).query(Integer.class).single()).isOne();
    assertThat(support.stages(cycle.cycleNo())).containsEntry(w1.workerId(), "OBJECTED")
        .containsEntry(w2.workerId(), "RELEASED").containsEntry(w3.workerId(), "OBJECTED")
        .containsEntry(w4.workerId(), "RELEASED");
    resolve(o1, "UPHELD", "经街道核实，该同志确有多次缺勤，撤销本次晋升");
    assertThat(support.stages(cycle.cycleNo())).containsEntry(w1.workerId(), "WITHDRAWN");
    resolve(o3, "REJECTED", "满意度测评结果已在年度考核中体现");
    assertThat(support.stages(cycle.cycleNo())).containsEntry(w3.workerId(), "RELEASED");
    assertThat(workers.find(w2.workerId()).orElseThrow().grade()).as("waits for the effective date").isEqualTo(5);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_user = 'nanyuan' AND title LIKE '异议处理结果%'")
        .query(Integer.class).single()).isGreaterThanOrEqualTo(3);

    // the effective date: two chunks of two
    now = effective.atTime(2, 0);
    later(0);
    support.drain(cycle.cycleNo());
    for (Worker w : List.of(w2, w3, w4)) {
      Worker after = workers.find(w.workerId()).orElseThrow();
      assertThat(after.grade()).as(w.workerId()).isEqualTo(6);
      assertThat(workers.history(w.workerId()).get(1).effectiveDate()).isEqualTo(effective);
    }
    assertThat(workers.find(w1.workerId()).orElseThrow().grade()).isEqualTo(5);
    assertThat(workers.history(w1.workerId())).hasSize(1);
    assertThat(log.forCase("NJ-" + YEAR + "-" + w1.workerId())).extracting(e -> e.decision())
        .containsSubsequence("PROPOSED_HOLD", "SENT_BACK", "CORRECTED_COMPETENT", "PROPOSED_PROMOTE", "CONFIRMED",
            "OBJECTED", "WITHDRAWN");
    assertThat(reviews.cycle(cycle.cycleNo()).orElseThrow().status()).isEqualTo("COMPLETED");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(street).singleResult().getEndActivityId())
        .isEqualTo("End_StreetBatchDone");
  }

  RestClient.Response object(String noticeNo, String workerId, String content) {
    String body = new ObjectMapper().createObjectNode().put("subjectKey", workerId).put("objectorName", "钱女士")
        .put("contact", "0512-53500000").put("content", content).toString();
    return RestClient.as(port, "nanyuan").post("/api/notices/" + noticeNo + "/objections", body);
  }

  String objectOk(String noticeNo, String workerId, String content) {
    RestClient.Response r = object(noticeNo, workerId, content);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("caseNo").asText()).startsWith("YY-");
    return r.json().get("processInstanceId").asText();
  }

  void resolve(String objectionProcess, String decision, String resolution) {
    String task = support.task(objectionProcess, "Task_ResolveObjection").getId();
    assertThat(CareerTestSupport.complete(port, "minzheng", task, Map.of("decision", decision)).status())
        .isEqualTo(400);
    CareerTestSupport.completeOk(port, "minzheng", task, Map.of("decision", decision, "resolution", resolution));
    support.drain(objectionCycle(objectionProcess));
  }

  String objectionCycle(String objectionProcess) {
    return jdbc.sql("SELECT n.owner_ref FROM notice_objection o JOIN notice n ON n.notice_no = o.notice_no WHERE "
        + "o.process_instance_id = :p").param("p", objectionProcess).query(String.class).single();
  }
}
