package cn.ronghe.branch;

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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
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

/** 党支部星级化评定 through the engine REST API as the demo users of communities, streets and 组织部. */
@RongheSpringTest
class BranchStarRatingProcessTest {

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
  BranchRepository repository;
  @Autowired
  DecisionLog log;
  @Autowired
  PolicyParameters policy;

  final int year = LocalDate.now().getYear() - 1;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  PartyBranch branch(String community, String kind) {
    return BranchTestSupport.branch(repository, community, kind, null, null);
  }

  String start(List<PartyBranch> branches) {
    RestClient.Response r = startForm(port, "zuzhibu", BranchProcesses.RATING, Map.of("ratingYear", year,
        "scopeKind", "BRANCHES", "branchCodes", String.join("\n", branches.stream().map(PartyBranch::code).toList())));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("id").asText();
  }

  Task communityTask(String pid, String key, String community) {
    List<Task> found = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(key).list().stream()
        .filter(t -> community.equals(tasks.getVariable(t.getId(), key.equals("Task_StreetRating")
            ? BranchProcesses.STREET_CODE : BranchProcesses.COMMUNITY_CODE))).toList();
    assertThat(found).as(key + " of " + community).hasSize(1);
    return found.get(0);
  }

  static String scores(PartyBranch b, int... s) {
    StringBuilder line = new StringBuilder(b.code());
    for (int x : s) {
      line.append(' ').append(x);
    }
    return line.toString();
  }

  Map<String, Object> batch(String adjust, String sendBack) {
    Map<String, Object> v = new HashMap<>();
    v.put("adjustLines", adjust);
    v.put("sendBackLines", sendBack);
    v.put("confirmAll", true);
    return v;
  }

  @Test
  void quotaBreachReturnNegativeListObjectionUpheldAndEffect() {
    List<PartyBranch> dc = List.of(branch("dongcang", "ACTION"), branch("dongcang", "ACTION"),
        branch("dongcang", "REGULAR"), branch("dongcang", "REGULAR"));
    List<PartyBranch> ny = List.of(branch("nanyuan", "ACTION"), branch("nanyuan", "REGULAR"),
        branch("nanyuan", "REGULAR"));
    List<PartyBranch> tp = List.of(branch("taiping", "ACTION"), branch("taiping", "REGULAR"),
        branch("taiping", "REGULAR"));
    List<PartyBranch> all = new ArrayList<>(dc);
    all.addAll(ny);
    all.addAll(tp);
    String pid = start(all);
    String cycleNo = history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult().getBusinessKey();
    assertThat(cycleNo).startsWith("XJ-");
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_SelfAssessment").count())
        .isEqualTo(3);

    // dongcang: three five-star branches (the quota for ten branches is one); one line missing at first
    Task self = communityTask(pid, "Task_SelfAssessment", "dongcang");
    assertThat(self.getName()).contains("支部自评", cycleNo, "东仓社区", "4 个支部");
    String dcLines = String.join("\n", scores(dc.get(0), 95, 92, 94, 96, 90), scores(dc.get(1), 93, 91, 95, 97, 92),
        scores(dc.get(2), 92, 95, 96, 90, 91));
    RestClient.Response missing = complete(port, "dongcang", self.getId(), Map.of("scoreLines", dcLines));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("尚未自评", dc.get(3).code());
    RestClient.Response badLine = complete(port, "dongcang", self.getId(), Map.of("scoreLines",
        dcLines + "\n" + dc.get(3).code() + " 80 80 80 101 80"));
    assertThat(badLine.status()).isEqualTo(400);
    assertThat(badLine.body()).contains("第 4 行", "0–100");
    RestClient.Response foreign = complete(port, "nanyuan", self.getId(), Map.of("scoreLines", dcLines));
    assertThat(foreign.status()).as("another community cannot work dongcang's task").isIn(403, 404);
    completeOk(port, "dongcang", self.getId(), Map.of("scoreLines", dcLines + "\n" + scores(dc.get(3), 82, 80, 85, 78, 80)));
    assertThat(repository.rating(dc.get(0).code(), year).orElseThrow().selfScore()).isEqualByComparingTo("93.90");

    completeOk(port, "nanyuan", communityTask(pid, "Task_SelfAssessment", "nanyuan").getId(), Map.of("scoreLines",
        String.join("\n", scores(ny.get(0), 85, 85, 85, 85, 85), scores(ny.get(1), 75, 75, 75, 75, 75),
            scores(ny.get(2), 88, 86, 84, 82, 80))));
    completeOk(port, "taiping", communityTask(pid, "Task_SelfAssessment", "taiping").getId(), Map.of("scoreLines",
        String.join("\n", scores(tp.get(0), 84, 84, 84, 84, 84), scores(tp.get(1), 72, 72, 72, 72, 72),
            scores(tp.get(2), 65, 65, 65, 65, 65))));

    // community review: dongcang sends one back, which goes round again; nanyuan corrects a total
    Task review = communityTask(pid, "Task_CommunityReview", "dongcang");
    RestClient.Response both = complete(port, "dongcang", review.getId(), batch(dc.get(3).code() + " 70 偏高",
        dc.get(3).code() + " 材料不全"));
    assertThat(both.status()).isEqualTo(400);
    assertThat(both.body()).contains("不能同时调整");
    completeOk(port, "dongcang", review.getId(), batch(null, dc.get(3).code() + " 中心任务推进缺少佐证材料"));
    Task again = communityTask(pid, "Task_SelfAssessment", "dongcang");
    assertThat(again.getName()).contains("1 个支部");
    completeOk(port, "dongcang", again.getId(), Map.of("scoreLines", scores(dc.get(3), 82, 80, 80, 78, 80)));
    completeOk(port, "dongcang", communityTask(pid, "Task_CommunityReview", "dongcang").getId(), batch(null, null));
    completeOk(port, "nanyuan", communityTask(pid, "Task_CommunityReview", "nanyuan").getId(),
        batch(ny.get(2).code() + " 79.5 服务群众台账不完整", null));
    completeOk(port, "taiping", communityTask(pid, "Task_CommunityReview", "taiping").getId(), batch(null, null));
    assertThat(repository.rating(ny.get(2).code(), year).orElseThrow().bandStars()).isEqualTo(3);

    // a negative-list event of the rating year, recorded by the street before it rates
    RestClient.Response event = RestClient.as(port, "chengxiang").post("/api/branches/" + tp.get(0).code()
        + "/negative-events", "{\"eventType\":\"MEMBER_DISCIPLINED\",\"occurredOn\":\"" + year + "-06-01\","
        + "\"description\":\"支部党员王某受党内警告处分\"}");
    assertThat(event.status()).as(event.body()).isEqualTo(201);

    // streets: loudong (dongcang, nanyuan) and chengxiang (taiping)
    completeOk(port, "loudong", communityTask(pid, "Task_StreetRating", "loudong").getId(),
        batch(ny.get(1).code() + " 2 年度内发生一次物业矛盾处置不力", null));
    completeOk(port, "chengxiang", communityTask(pid, "Task_StreetRating", "chengxiang").getId(), batch(null, null));
    Rating lowered = repository.rating(tp.get(0).code(), year).orElseThrow();
    assertThat(lowered.streetStars()).isEqualTo(4);
    assertThat(lowered.proposedStars()).as("lowered automatically by the negative list").isEqualTo(3);

    // organisation department: the five-star quota is exceeded
    Task org = task(tasks, pid, "Task_OrgDeptRating");
    assertThat((String) tasks.getVariable(org.getId(), "quotaSummary")).contains("⚠", "5 星 3 个，超过限额 1 个");
    RestClient.Response breach = complete(port, "zuzhibu", org.getId(), Map.of("orgDecision", "CONFIRM"));
    assertThat(breach.status()).isEqualTo(400);
    assertThat(breach.body()).contains("名额超限");
    assertThat(repository.rating(dc.get(0).code(), year).orElseThrow().stage()).as("nothing stored")
        .isEqualTo("STREET_RATED");
    RestClient.Response noReason = complete(port, "zuzhibu", org.getId(), Map.of("orgDecision", "RETURN",
        "returnStreets", List.of("loudong")));
    assertThat(noReason.status()).isEqualTo(400);
    completeOk(port, "zuzhibu", org.getId(), Map.of("orgDecision", "RETURN", "returnStreets", List.of("loudong"),
        "returnReason", "五星级超出名额，请按名额重新评定"));
    Task reRate = communityTask(pid, "Task_StreetRating", "loudong");
    assertThat(reRate.getName()).contains("7 个支部");
    completeOk(port, "loudong", reRate.getId(), batch(dc.get(1).code() + " 4 按名额调整", null));
    org = task(tasks, pid, "Task_OrgDeptRating");
    RestClient.Response still = complete(port, "zuzhibu", org.getId(), Map.of("orgDecision", "CONFIRM"));
    assertThat(still.body()).contains("5 星 2 个");
    completeOk(port, "zuzhibu", org.getId(), Map.of("orgDecision", "CONFIRM", "adjustLines",
        dc.get(2).code() + " 4 全市统筹，按名额评定"));
    assertThat(repository.rating(dc.get(2).code(), year).orElseThrow().finalStars()).isEqualTo(4);

    // public notice: one objection upheld, one rejected
    String noticeNo = (String) runtime.getVariable(pid, "noticeNo");
    assertThat(repository.rating(dc.get(0).code(), year).orElseThrow().stage()).isEqualTo("IN_NOTICE");
    String upheld = object(noticeNo, dc.get(0));
    String rejected = object(noticeNo, ny.get(0));
    assertThat(repository.rating(dc.get(0).code(), year).orElseThrow().stage()).isEqualTo("OBJECTED");
    completeOk(port, "zuzhibu", task(tasks, upheld, "Task_ResolveObjection").getId(), Map.of("decision", "UPHELD",
        "resolution", "经核实，该支部上年度组织生活记录存在补记情况"));
    completeOk(port, "zuzhibu", task(tasks, rejected, "Task_ResolveObjection").getId(), Map.of("decision", "REJECTED",
        "resolution", "经核实，异议反映情况与事实不符"));
    assertThat(repository.rating(dc.get(0).code(), year).orElseThrow().stage()).isEqualTo("WITHDRAWN");
    assertThat(repository.rating(ny.get(0).code(), year).orElseThrow().stage()).isEqualTo("IN_NOTICE");

    ClockUtil.setCurrentTime(Date.from(LocalDate.now().plusDays(20).atTime(10, 0).atZone(ZoneId.systemDefault())
        .toInstant()));
    String noticePid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(noticeNo).singleResult().getId();
    runJobs(management, List.of(noticePid));
    Task rerate = task(tasks, pid, "Task_ReRateUpheld");
    RestClient.Response incomplete = complete(port, "zuzhibu", rerate.getId(), Map.of("rerateLines",
        dc.get(1).code() + " 3 不在批次"));
    assertThat(incomplete.status()).isEqualTo(400);
    completeOk(port, "zuzhibu", rerate.getId(), Map.of("rerateLines", dc.get(0).code() + " 4 异议成立，降为四星"));
    runJobs(management, List.of(pid));
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult().getEndActivityId())
        .isEqualTo("End_Rated");

    assertThat(repository.branch(dc.get(0).code()).orElseThrow().currentStars()).isEqualTo(4);
    assertThat(repository.branch(dc.get(1).code()).orElseThrow().currentStars()).isEqualTo(4);
    assertThat(repository.branch(ny.get(1).code()).orElseThrow().currentStars()).isEqualTo(2);
    assertThat(repository.branch(tp.get(0).code()).orElseThrow().currentStars()).isEqualTo(3);
    assertThat(repository.branch(tp.get(2).code()).orElseThrow().currentStars()).isEqualTo(2);
    assertThat(repository.history(dc.get(0).code())).singleElement()
        .satisfies(h -> assertThat((String) h.get("reason")).contains("重新评定"));
    assertThat(log.forCase(BranchProcesses.branchCase(year, dc.get(0).code()))).extracting(e -> e.decision())
        .containsSubsequence("SELF_ASSESSED", "REVIEWED", "STREET_RATED", "RETURNED_TO_STREET", "STREET_RATED",
            "ORG_RATED", "OBJECTED", "WITHDRAWN", "RERATED", "EFFECTIVE");
    assertThat(log.forCase(BranchProcesses.branchCase(year, tp.get(0).code()))).extracting(e -> e.decision())
        .contains("NEGATIVE_EVENT", "LOWERED");
    Map<?, ?> cycle = repository.cycle(cycleNo).orElseThrow();
    assertThat(cycle.get("status")).isEqualTo("CLOSED");

    // applying twice changes nothing
    int lines = repository.history(dc.get(1).code()).size();
    new BranchRatingsProbe(this).applyAgain(cycleNo);
    assertThat(repository.history(dc.get(1).code())).hasSize(lines);
  }

  String object(String noticeNo, PartyBranch b) {
    RestClient.Response r = RestClient.as(port, "taiping").post("/api/notices/" + noticeNo + "/objections",
        "{\"subjectKey\":\"" + b.code() + "\",\"objectorName\":\"李群众\",\"contact\":\"13800000000\","
            + "\"content\":\"该支部全年组织生活有缺失，评定结果偏高，请予核实。\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("processInstanceId").asText();
  }

  @Autowired
  BranchRatings ratings;

  /** Reaches the service directly, as a retried job would. */
  record BranchRatingsProbe(BranchStarRatingProcessTest test) {
    void applyAgain(String cycleNo) {
      test.ratings.apply(cycleNo, null);
    }
  }

  @Test
  void badStartsAreRefusedNamingTheField() {
    PartyBranch b = branch("dongcang", "REGULAR");
    RestClient.Response future = startForm(port, "zuzhibu", BranchProcesses.RATING, Map.of("ratingYear",
        LocalDate.now().getYear() + 1, "scopeKind", "BRANCHES", "branchCodes", b.code()));
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.body()).contains("ratingYear");
    RestClient.Response unknown = startForm(port, "zuzhibu", BranchProcesses.RATING, Map.of("ratingYear", year,
        "scopeKind", "BRANCHES", "branchCodes", "PB99999"));
    assertThat(unknown.body()).contains("PB99999", "不存在");
    RestClient.Response street = startForm(port, "zuzhibu", BranchProcesses.RATING, Map.of("ratingYear", year,
        "scopeKind", "STREET", "scopeCode", "nowhere"));
    assertThat(street.body()).contains("scopeCode");
    String pid = start(List.of(b));
    RestClient.Response twice = startForm(port, "zuzhibu", BranchProcesses.RATING, Map.of("ratingYear", year,
        "scopeKind", "BRANCHES", "branchCodes", b.code()));
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.body()).contains("已评定或正在评定", b.code());
    RestClient.Response notOrg = startForm(port, "dongcang", BranchProcesses.RATING, Map.of("ratingYear", year,
        "scopeKind", "BRANCHES", "branchCodes", b.code()));
    assertThat(notOrg.status()).isEqualTo(403);
    runtime.deleteProcessInstance(pid, "test");
  }

  @Test
  void theYearlyTimerStartsLastYearsCityWideRatingUnlessSwitchedOff() {
    Job timer = management.createJobQuery().timers().processDefinitionKey("branch-star-rating-timer").singleResult();
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2090, 2, 15).atTime(2, 0).atZone(ZoneId.systemDefault())
        .toInstant()));
    policy.update("branch.rating.auto-start-enabled", "0", "test");
    try {
      management.executeJob(timer.getId());
    } finally {
      policy.update("branch.rating.auto-start-enabled", "1", "test");
    }
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(BranchProcesses.RATING)
        .variableValueEquals(BranchProcesses.RATING_YEAR, 2089).count()).as("switched off").isZero();

    Job next = management.createJobQuery().timers().processDefinitionKey("branch-star-rating-timer").singleResult();
    management.executeJob(next.getId());
    var started = runtime.createProcessInstanceQuery().processDefinitionKey(BranchProcesses.RATING)
        .variableValueEquals(BranchProcesses.RATING_YEAR, 2089).singleResult();
    assertThat(started).isNotNull();
    assertThat(tasks.createTaskQuery().processInstanceId(started.getId()).taskDefinitionKey("Task_SelfAssessment")
        .count()).as("every community with branches").isEqualTo(repository.branches(null, null, null).stream()
        .map(PartyBranch::communityCode).distinct().count());
    runtime.deleteProcessInstance(started.getId(), "test");
  }

  @Test
  void aNegativeEventLowersTheCurrentStarsAtOnce() {
    PartyBranch b = BranchTestSupport.branch(repository, "dongcang", "REGULAR", 5, year);
    RestClient.Response wrongStreet = RestClient.as(port, "chengxiang").post("/api/branches/" + b.code()
        + "/negative-events", "{\"eventType\":\"SERIOUS_VIOLATION\",\"occurredOn\":\"" + LocalDate.now()
        + "\",\"description\":\"支部书记被立案审查\"}");
    assertThat(wrongStreet.status()).isEqualTo(403);
    RestClient.Response bad = RestClient.as(port, "loudong").post("/api/branches/" + b.code() + "/negative-events",
        "{\"eventType\":\"LATE\",\"occurredOn\":\"2999-01-01\",\"description\":\"x\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("eventType", "occurredOn", "description");
    assertThat(repository.events(b.code())).isEmpty();
    RestClient.Response ok = RestClient.as(port, "loudong").post("/api/branches/" + b.code() + "/negative-events",
        "{\"eventType\":\"SERIOUS_VIOLATION\",\"occurredOn\":\"" + LocalDate.now()
            + "\",\"description\":\"支部书记被立案审查并受到撤销党内职务处分\"}");
    assertThat(ok.status()).as(ok.body()).isEqualTo(201);
    assertThat(repository.branch(b.code()).orElseThrow().currentStars()).isEqualTo(1);
    assertThat(repository.history(b.code())).singleElement().satisfies(h -> {
      assertThat(h.get("kind")).isEqualTo("NEGATIVE");
      assertThat(h.get("fromStars")).isEqualTo(5);
    });
    RestClient.Response dist = RestClient.as(port, "zuzhibu").get("/api/branches/stars/distribution");
    assertThat(dist.status()).isEqualTo(200);
    assertThat(dist.json().get("city").get("1").asInt()).isGreaterThanOrEqualTo(1);
  }
}
