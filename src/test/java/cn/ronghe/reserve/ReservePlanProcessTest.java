package cn.ronghe.reserve;

import static cn.ronghe.career.CareerTestSupport.complete;
import static cn.ronghe.career.CareerTestSupport.completeOk;
import static cn.ronghe.career.CareerTestSupport.runJobs;
import static cn.ronghe.career.CareerTestSupport.startForm;
import static cn.ronghe.career.CareerTestSupport.task;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.notification.Notifier;
import cn.ronghe.reserve.ReserveRecords.Candidate;
import cn.ronghe.reserve.ReserveRecords.Cohort;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
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

/** 社区书记后备人选三年计划 through the engine REST API and the reserve endpoints. */
@RongheSpringTest
public class ReservePlanProcessTest {

  @LocalServerPort
  int port;
  @Autowired
  TaskService tasks;
  @Autowired
  HistoryService history;
  @Autowired
  ManagementService management;
  @Autowired
  ReserveRepository repository;
  @Autowired
  DecisionLog log;
  @Autowired
  Notifier notifier;

  final int year = LocalDate.now().getYear();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A fresh cohort starting this year (tests share one database). */
  synchronized Cohort cohort() {
    int n = 9000 + (int) repository.cohorts().stream().filter(c -> c.code().startsWith("RC9")).count();
    Cohort c = new Cohort("RC" + n, "测试届 " + n, year, year + 2, true);
    repository.insertCohort(c);
    return c;
  }

  /** A sound nomination to the cohort; the audit trail test makes its sample with it too. */
  public static Map<String, Object> nomination(Cohort c, String name) {
    Map<String, Object> v = new HashMap<>();
    v.put("cohortCode", c.code().toLowerCase());
    v.put("fullName", name);
    v.put("gender", "FEMALE");
    v.put("birthYear", c.startYear() - 30);
    v.put("education", "BACHELOR");
    v.put("currentPost", "社区党委委员");
    v.put("mentor", "王书记");
    v.put("reasons", "牵头完成老旧小区改造居民协商，群众认可度高");
    return v;
  }

  String nominate(String user, Map<String, Object> v) {
    RestClient.Response r = startForm(port, user, ReserveProcesses.PLAN, v);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("id").asText();
  }

  Candidate candidate(String pid) {
    String caseNo = history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult().getBusinessKey();
    return repository.candidates(caseNo.isEmpty() ? null : cohortOf(caseNo), null, null).stream()
        .filter(c -> c.caseNo().equals(caseNo)).findFirst().orElseThrow();
  }

  String cohortOf(String caseNo) {
    return repository.cohorts().stream().map(Cohort::code).filter(code -> repository.candidates(code, null, null)
        .stream().anyMatch(c -> c.caseNo().equals(caseNo))).findFirst().orElseThrow();
  }

  void approve(String pid) {
    completeOk(port, "loudong", task(tasks, pid, "Task_StreetReview").getId(), Map.of("streetDecision", "APPROVE"));
    completeOk(port, "zuzhibu", task(tasks, pid, "Task_OrgApprove").getId(), Map.of("orgDecision", "APPROVE"));
  }

  void moveTo(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(ZoneId.systemDefault()).toInstant()));
  }

  void session(Cohort c, String kind, String day, long candidate) {
    RestClient.Response r = RestClient.as(port, "zuzhibu").post("/api/reserve/sessions", "{\"cohortCode\":\""
        + c.code() + "\",\"kind\":\"" + kind + "\",\"title\":\"" + kind + " " + day + "\",\"heldOn\":\"" + day
        + "\",\"place\":\"市委党校\",\"candidateIds\":[" + candidate + "]}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  @Test
  void threeYearlyAssessmentsAndTheReadinessDecision() {
    Cohort c = cohort();
    RestClient.Response bad = startForm(port, "dongcang", ReserveProcesses.PLAN, Map.of("cohortCode", "RC0001",
        "fullName", "张", "gender", "X", "birthYear", year - 60, "education", "BACHELOR", "currentPost", "委员",
        "mentor", "王书记", "reasons", "短"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("cohortCode", "gender", "birthYear", "reasons");
    String pid = nominate("dongcang", nomination(c, "陆佳怡"));
    Candidate x = candidate(pid);
    assertThat(x.caseNo()).startsWith("HB-");
    assertThat(x.status()).isEqualTo("NOMINATED");
    assertThat(task(tasks, pid, "Task_StreetReview").getName()).contains("陆佳怡", "东仓社区");
    approve(pid);
    assertThat(repository.candidate(x.id()).orElseThrow().status()).isEqualTo("ACTIVE");

    // this year: three training rounds and three forums attended
    LocalDate today = LocalDate.now();
    for (int i = 0; i < 3; i++) {
      session(c, "TRAINING", today.minusDays(10 + i).toString(), x.id());
      session(c, "FORUM", today.minusDays(20 + i).toString(), x.id());
    }
    RestClient.Response foreign = RestClient.as(port, "zuzhibu").post("/api/reserve/sessions", "{\"cohortCode\":\""
        + c.code() + "\",\"kind\":\"PARTY\",\"title\":\"\",\"heldOn\":\"2999-01-01\",\"place\":\"x\","
        + "\"candidateIds\":[99999999]}");
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.body()).contains("kind", "title", "heldOn", "candidateIds");
    assertThat(RestClient.as(port, "dongcang").post("/api/reserve/sessions", "{}").status()).isEqualTo(403);

    moveTo(LocalDate.of(year, 12, 2));
    runJobs(management, List.of(pid));
    Task first = task(tasks, pid, "Task_YearlyAssessment");
    assertThat((String) tasks.getVariable(first.getId(), "factsSummary")).contains("培训 3 轮", "论坛 3 次", "优秀");
    RestClient.Response differs = complete(port, "loudong", first.getId(), Map.of("mentorOpinion", "GOOD",
        "assessmentResult", "COMPETENT"));
    assertThat(differs.status()).isEqualTo(400);
    assertThat(differs.body()).contains("assessmentComment");
    completeOk(port, "loudong", first.getId(), Map.of("mentorOpinion", "GOOD", "assessmentResult", "EXCELLENT"));

    moveTo(LocalDate.of(year + 1, 12, 2));
    runJobs(management, List.of(pid));
    completeOk(port, "loudong", task(tasks, pid, "Task_YearlyAssessment").getId(), Map.of("mentorOpinion", "FAIR",
        "assessmentResult", "WEAK"));
    moveTo(LocalDate.of(year + 2, 12, 2));
    runJobs(management, List.of(pid));
    completeOk(port, "loudong", task(tasks, pid, "Task_YearlyAssessment").getId(), Map.of("mentorOpinion", "GOOD",
        "assessmentResult", "COMPETENT", "assessmentComment", "全年驻村蹲点，实际表现较好"));

    Task readiness = task(tasks, pid, "Task_ReadinessDecision");
    assertThat((String) tasks.getVariable(readiness.getId(), "suggestion")).contains("暂不任用");
    assertThat((String) tasks.getVariable(readiness.getId(), "assessmentSummary")).contains(year + " 年度 优秀",
        (year + 1) + " 年度 待改进");
    RestClient.Response noReason = complete(port, "zuzhibu", readiness.getId(), Map.of("readiness", "READY"));
    assertThat(noReason.status()).isEqualTo(400);
    completeOk(port, "zuzhibu", readiness.getId(), Map.of("readiness", "READY", "readinessReason",
        "第二年待改进系因病休假，后两年表现突出，可以任用"));
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult().getEndActivityId())
        .isEqualTo("End_PlanCompleted");
    assertThat(repository.candidate(x.id()).orElseThrow().status()).isEqualTo("READY");
    assertThat(repository.assessments(x.id())).extracting(a -> a.result()).containsExactly("EXCELLENT", "WEAK",
        "COMPETENT");
    assertThat(log.forCase(x.caseNo())).extracting(e -> e.decision()).containsSubsequence("NOMINATED", "APPROVED",
        "APPROVED", "ACTIVE", "ASSESSED_EXCELLENT", "ASSESSED_WEAK", "ASSESSED_COMPETENT", "READY");
    RestClient.Response report = RestClient.as(port, "zuzhibu").get("/api/reserve/cohorts/" + c.code() + "/report");
    assertThat(report.status()).isEqualTo(200);
    assertThat(report.body()).contains("陆佳怡", "\"READY\":1");
  }

  @Test
  void nominationsRefusedByTheStreetOrTheDepartment() {
    Cohort c = cohort();
    String byStreet = nominate("nanyuan", nomination(c, "周晓雯"));
    Task review = task(tasks, byStreet, "Task_StreetReview");
    assertThat(complete(port, "loudong", review.getId(), Map.of("streetDecision", "REJECT")).status()).isEqualTo(400);
    completeOk(port, "loudong", review.getId(), Map.of("streetDecision", "REJECT", "opinion", "任职不满一年，暂不推荐"));
    assertThat(candidate(byStreet).status()).isEqualTo("REJECTED");
    assertThat(notifier.forCase(candidate(byStreet).caseNo())).singleElement()
        .satisfies(n -> assertThat(n.body()).contains("任职不满一年"));
    String byOrg = nominate("nanyuan", nomination(c, "顾文博"));
    completeOk(port, "loudong", task(tasks, byOrg, "Task_StreetReview").getId(), Map.of("streetDecision", "APPROVE"));
    completeOk(port, "zuzhibu", task(tasks, byOrg, "Task_OrgApprove").getId(), Map.of("orgDecision", "REJECT",
        "opinion", "年龄结构需统筹，建议下一届再推荐"));
    assertThat(candidate(byOrg).status()).isEqualTo("REJECTED");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(byOrg).singleResult().getEndActivityId())
        .isEqualTo("End_Rejected");
  }

  @Test
  void aCandidateExitsAndTheCommunityNominatesAReplacement() {
    Cohort c = cohort();
    String pid = nominate("taiping", nomination(c, "沈子豪"));
    approve0(pid);
    nominate("taiping", nomination(c, "钱思雨"));
    RestClient.Response full = startForm(port, "taiping", ReserveProcesses.PLAN, nomination(c, "孙一鸣"));
    assertThat(full.status()).isEqualTo(400);
    assertThat(full.body()).contains("已满 2 人");
    Candidate x = candidate(pid);

    assertThat(RestClient.as(port, "loudong").post("/api/reserve/candidates/" + x.id() + "/exit",
        "{\"reason\":\"调任其他岗位\"}").status()).as("another street").isEqualTo(403);
    assertThat(RestClient.as(port, "chengxiang").post("/api/reserve/candidates/" + x.id() + "/exit",
        "{\"reason\":\"短\"}").status()).isEqualTo(400);
    RestClient.Response exit = RestClient.as(port, "chengxiang").post("/api/reserve/candidates/" + x.id() + "/exit",
        "{\"reason\":\"考录为公务员，调离社区\"}");
    assertThat(exit.status()).as(exit.body()).isEqualTo(200);
    assertThat(repository.candidate(x.id()).orElseThrow().status()).isEqualTo("EXITED");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult().getEndTime())
        .isNotNull();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pid).activityId("End_Exited").count())
        .isEqualTo(1);
    assertThat(notifier.forCase(x.caseNo())).anySatisfy(n -> assertThat(n.title()).contains("补充提名"));
    assertThat(RestClient.as(port, "chengxiang").post("/api/reserve/candidates/" + x.id() + "/exit",
        "{\"reason\":\"考录为公务员，调离社区\"}").status()).as("twice").isEqualTo(409);

    Map<String, Object> wrong = nomination(c, "孙一鸣");
    wrong.put("replacesId", 99999999);
    RestClient.Response notExited = startForm(port, "taiping", ReserveProcesses.PLAN, wrong);
    assertThat(notExited.body()).contains("replacesId");
    Map<String, Object> replacement = nomination(c, "孙一鸣");
    replacement.put("replacesId", x.id());
    Candidate r = candidate(nominate("taiping", replacement));
    assertThat(r.replacesId()).isEqualTo(x.id());
  }

  void approve0(String pid) {
    completeOk(port, "chengxiang", task(tasks, pid, "Task_StreetReview").getId(), Map.of("streetDecision",
        "APPROVE"));
    completeOk(port, "zuzhibu", task(tasks, pid, "Task_OrgApprove").getId(), Map.of("orgDecision", "APPROVE"));
  }
}
