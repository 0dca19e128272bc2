package cn.ronghe.property;

import static cn.ronghe.career.CareerTestSupport.complete;
import static cn.ronghe.career.CareerTestSupport.completeOk;
import static cn.ronghe.career.CareerTestSupport.runJobs;
import static cn.ronghe.career.CareerTestSupport.startForm;
import static cn.ronghe.career.CareerTestSupport.task;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.policy.PolicyParameters;
import cn.ronghe.property.PropertyRecords.Compound;
import cn.ronghe.property.PropertyRecords.CreditEntry;
import cn.ronghe.property.PropertyRecords.ListEntry;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 物业服务企业信用评定: revoke and recompute, notice with objections, red and black lists, expiry. */
@RongheSpringTest
class PropertyCreditRatingProcessTest {

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
  PropertyRepository repository;
  @Autowired
  PropertyCredit credit;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  DecisionLog log;
  @Autowired
  PolicyParameters policy;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  CreditEntry record(Compound c, String category, int daysAgo) {
    String caseNo = "WJ-T-" + c.code() + "-" + category + "-" + daysAgo;
    CreditRules rules = credit.rules();
    credit.submitEntry(caseNo, c, rules.category(category), LocalDate.now().minusDays(daysAgo),
        "测试记录：" + category + "，有照片和居民签字为证", "测试街道", "loudong", rules.categoryVersion());
    credit.verifyEntry(caseNo, "loudong", null);
    return repository.entry(caseNo).orElseThrow();
  }

  PropertyRecords.Rating rating(String cycleNo, Compound c) {
    return repository.ratings(cycleNo, null).stream().filter(r -> r.companyCode().equals(c.companyCode()))
        .findFirst().orElseThrow();
  }

  @Test
  void revokeRecomputeObjectionsPublicationAndExpiry() {
    Compound red = PropertyTestSupport.compound(repository, jdbc, "dongcang");
    record(red, "POS_AWARD", 40);
    record(red, "POS_RED_PROPERTY", 30);
    record(red, "POS_SATISFACTION", 20);
    record(red, "NEG_COMPLAINT", 10);
    record(red, "POS_AWARD", 400); // older than the 12-month window: does not count
    Compound abandoned = PropertyTestSupport.compound(repository, jdbc, "nanyuan");
    record(abandoned, "POS_AWARD", 50);
    record(abandoned, "NEG_ABANDON", 5);
    Compound objected = PropertyTestSupport.compound(repository, jdbc, "taiping");
    record(objected, "NEG_PENALTY", 60);
    record(objected, "NEG_FEES", 50);
    Compound corrected = PropertyTestSupport.compound(repository, jdbc, "dongcang");
    CreditEntry wrong = record(corrected, "NEG_PENALTY", 70);
    record(corrected, "NEG_OVERDUE_FIX", 20);
    Compound plain = PropertyTestSupport.compound(repository, jdbc, "nanyuan");

    RestClient.Response future = startForm(port, "zhujian", PropertyProcesses.RATING, Map.of("periodTo",
        LocalDate.now().plusDays(1).toString()));
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.body()).contains("periodTo");
    assertThat(startForm(port, "dongcang", PropertyProcesses.RATING, Map.of("periodTo", LocalDate.now().toString()))
        .status()).isEqualTo(403);
    RestClient.Response started = startForm(port, "zhujian", PropertyProcesses.RATING, Map.of("periodTo",
        LocalDate.now().toString()));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String pid = started.json().get("id").asText();
    String cycleNo = history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult().getBusinessKey();
    assertThat(cycleNo).startsWith("WY-");
    RestClient.Response second = startForm(port, "zhujian", PropertyProcesses.RATING, Map.of("periodTo",
        LocalDate.now().toString()));
    assertThat(second.status()).isEqualTo(400);
    assertThat(second.body()).contains(cycleNo, "尚未发布");

    assertThat(rating(cycleNo, red).score()).isEqualByComparingTo("121");
    assertThat(rating(cycleNo, red).listKind()).isEqualTo("RED");
    assertThat(rating(cycleNo, abandoned).listKind()).as("forced black despite 80 points").isEqualTo("BLACK");
    assertThat(rating(cycleNo, objected).score()).isEqualByComparingTo("75");
    assertThat(rating(cycleNo, corrected).score()).isEqualByComparingTo("80");
    assertThat(rating(cycleNo, plain).grade()).isEqualTo("B");

    // review: a wrong entry is revoked and the rating computed again
    Task review = task(tasks, pid, "Task_ReviewRatings");
    assertThat(review.getName()).contains(cycleNo, "红榜", "黑榜");
    assertThat(tasks.getVariable(review.getId(), "entries").toString()).contains(String.valueOf(wrong.id()));
    RestClient.Response unknown = complete(port, "zhujian", review.getId(), Map.of("revokeLines", "99999999 证据不足",
        "confirmRating", false));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("99999999", "不是本次评定计入的有效记录");
    RestClient.Response neither = complete(port, "zhujian", review.getId(), Map.of("confirmRating", false));
    assertThat(neither.status()).isEqualTo(400);
    assertThat(repository.entry(wrong.id()).orElseThrow().status()).as("nothing stored").isEqualTo("VERIFIED");
    completeOk(port, "zhujian", review.getId(), Map.of("revokeLines", wrong.id() + " 处罚决定已被行政复议撤销",
        "confirmRating", false));
    assertThat(repository.entry(wrong.id()).orElseThrow().status()).isEqualTo("REVOKED");
    assertThat(rating(cycleNo, corrected).score()).isEqualByComparingTo("95");
    assertThat(rating(cycleNo, corrected).listKind()).isEqualTo("NONE");
    completeOk(port, "zhujian", task(tasks, pid, "Task_ReviewRatings").getId(), Map.of("confirmRating", true));

    // notice: the red and black places; grade B is final at once
    String noticeNo = (String) runtime.getVariable(pid, "noticeNo");
    assertThat(noticeNo).isNotNull();
    assertThat(rating(cycleNo, red).stage()).isEqualTo("IN_NOTICE");
    assertThat(rating(cycleNo, plain).stage()).isEqualTo("FINAL");
    String upheld = object(noticeNo, objected);
    String rejected = object(noticeNo, red);
    assertThat(rating(cycleNo, objected).stage()).isEqualTo("OBJECTED");
    completeOk(port, "zhujian", task(tasks, upheld, "Task_ResolveObjection").getId(), Map.of("decision", "UPHELD",
        "resolution", "经核实，违规收费一事已由法院判决不成立"));
    completeOk(port, "zhujian", task(tasks, rejected, "Task_ResolveObjection").getId(), Map.of("decision",
        "REJECTED", "resolution", "经核实，表彰和满意度测评材料齐全"));
    assertThat(rating(cycleNo, objected).stage()).isEqualTo("WITHDRAWN");
    assertThat(rating(cycleNo, red).stage()).isEqualTo("IN_NOTICE");

    moveClock(LocalDate.now().plusDays(20));
    String noticePid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(noticeNo).singleResult().getId();
    runJobs(management, List.of(noticePid));
    assertThat(runtime.getActivityInstance(pid).getChildActivityInstances()[0].getActivityId())
        .isEqualTo("Timer_ListsExpire");

    List<ListEntry> current = repository.currentList(null);
    assertThat(current).filteredOn(l -> l.companyCode().equals(red.companyCode())).singleElement()
        .satisfies(l -> assertThat(l.listKind()).isEqualTo("RED"));
    assertThat(current).filteredOn(l -> l.companyCode().equals(abandoned.companyCode())).singleElement()
        .satisfies(l -> assertThat(l.listKind()).isEqualTo("BLACK"));
    assertThat(current).noneMatch(l -> l.companyCode().equals(objected.companyCode()));
    assertThat(repository.company(red.companyCode()).orElseThrow().currentGrade()).isEqualTo("A");
    assertThat(repository.company(objected.companyCode()).orElseThrow().currentGrade()).as("withdrawn: unchanged")
        .isNull();
    assertThat(repository.company(plain.companyCode()).orElseThrow().currentGrade()).isEqualTo("B");
    assertThat(log.forCase(cycleNo + "-" + red.companyCode())).extracting(e -> e.decision())
        .containsSubsequence("RATED_A", "OBJECTED", "OBJECTION_REJECTED", "LISTED_RED");
    assertThat(log.forCase(cycleNo + "-" + objected.companyCode())).extracting(e -> e.decision())
        .containsSubsequence("RATED_C", "OBJECTED", "WITHDRAWN");

    RestClient.Response page = RestClient.anonymous(port).get("/public/property-credit");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("红榜", "黑榜", red.companyName(), abandoned.companyName(), red.name())
        .doesNotContain(objected.companyName()).doesNotContain("<script");
    RestClient.Response lists = RestClient.as(port, "zhujian").get("/api/property/credit/lists");
    assertThat(lists.body()).contains(red.companyCode(), abandoned.companyCode());
    RestClient.Response cycle = RestClient.as(port, "zhujian").get("/api/property/ratings/" + cycleNo);
    assertThat(cycle.json().get("status").asText()).isEqualTo("PUBLISHED");

    // publishing again (a retried job) lists nobody twice
    credit.publishLists(cycleNo, pid);
    assertThat(repository.currentList(null)).filteredOn(l -> l.companyCode().equals(red.companyCode())).hasSize(1);

    // the lists expire 12 months after publication (published 20 days from now)
    LocalDate expires = (LocalDate) repository.cycle(cycleNo).orElseThrow().get("expiresOn");
    assertThat(expires).isEqualTo(LocalDate.now().plusDays(20).plusMonths(policy.intValue("property.list.valid-months")));
    moveClock(expires.minusDays(1));
    runJobs(management, List.of(pid));
    assertThat(repository.currentList(null)).anyMatch(l -> l.cycleNo().equals(cycleNo));
    moveClock(expires.plusDays(1));
    runJobs(management, List.of(pid));
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult().getEndActivityId())
        .isEqualTo("End_ListsExpired");
    assertThat(repository.currentList(null)).noneMatch(l -> l.cycleNo().equals(cycleNo));
    assertThat(repository.cycle(cycleNo).orElseThrow().get("status")).isEqualTo("EXPIRED");
  }

  String object(String noticeNo, Compound c) {
    RestClient.Response r = RestClient.as(port, "taiping").post("/api/notices/" + noticeNo + "/objections",
        "{\"subjectKey\":\"" + c.companyCode() + "\",\"objectorName\":\"张业主\",\"contact\":\"13900000000\","
            + "\"content\":\"对该企业的评定结果有异议，相关记录与事实不符，请予核实。\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("processInstanceId").asText();
  }

  void moveClock(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(ZoneId.systemDefault()).toInstant()));
  }

  @Test
  void theHalfYearlyTimerDoesNothingWhenSwitchedOff() {
    Job timer = management.createJobQuery().timers().processDefinitionKey(PropertyProcesses.RATING_TIMER)
        .singleResult();
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(PropertyProcesses.RATING).count();
    policy.update("property.rating.auto-start-enabled", "0", "test");
    try {
      management.executeJob(timer.getId());
    } finally {
      policy.update("property.rating.auto-start-enabled", "1", "test");
    }
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PropertyProcesses.RATING).count())
        .isEqualTo(before);
    assertThat(history.createHistoricVariableInstanceQuery().variableName("started").list())
        .anyMatch(v -> Boolean.FALSE.equals(v.getValue()));
  }

  @Test
  void theWindowOfCountingEntriesIsTwelveMonths() {
    assertThat(credit.windowStart(LocalDate.of(2026, 6, 30))).isEqualTo(LocalDate.of(2025, 7, 1));
    assertThat(credit.windowStart(LocalDate.of(2026, 2, 28))).isEqualTo(LocalDate.of(2025, 3, 1));
  }
}
