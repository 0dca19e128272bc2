package cn.ronghe.reliability;

import static cn.ronghe.career.CareerTestSupport.completeOk;
import static cn.ronghe.career.CareerTestSupport.startForm;
import static cn.ronghe.career.CareerTestSupport.task;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.branch.BranchProcesses;
import cn.ronghe.branch.BranchRepository;
import cn.ronghe.branch.BranchTestSupport;
import cn.ronghe.branch.PartyBranch;
import cn.ronghe.career.CareerProcesses;
import cn.ronghe.career.CareerTestSupport;
import cn.ronghe.career.onboarding.OnboardingProcessTest;
import cn.ronghe.evaluation.EvaluationAuditSample;
import cn.ronghe.evaluation.EvaluationProcesses;
import cn.ronghe.notice.NoticeService;
import cn.ronghe.property.PropertyProcesses;
import cn.ronghe.property.PropertyRecords.Compound;
import cn.ronghe.property.PropertyRepository;
import cn.ronghe.property.PropertyTestSupport;
import cn.ronghe.reserve.ReservePlanProcessTest;
import cn.ronghe.reserve.ReserveProcesses;
import cn.ronghe.reserve.ReserveRecords.Cohort;
import cn.ronghe.reserve.ReserveRepository;
import cn.ronghe.support.Forms;
import cn.ronghe.support.Jobs;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One case per process that the demo seeders leave without a completed user task, driven through its first human
 * decision(s) the way the capability's own process test does it. Each sample ends its case (or leaves it where the
 * capability's own tests leave theirs), so later tests in the shared engine find no stray work of it.
 */
final class AuditSamples {

  private final int port;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;
  private final JdbcClient jdbc;
  private final ApplicationContext context;

  AuditSamples(int port, ApplicationContext context) {
    this.port = port;
    this.context = context;
    this.tasks = context.getBean(TaskService.class);
    this.management = context.getBean(ManagementService.class);
    this.identity = context.getBean(IdentityService.class);
    this.jdbc = context.getBean(JdbcClient.class);
  }

  /** The recipes by process key; a process missing here has no way to get a sample. */
  Map<String, Runnable> recipes() {
    Map<String, Runnable> r = new HashMap<>();
    r.put(CareerProcesses.ONBOARDING, this::onboarding);
    r.put(ReserveProcesses.PLAN, this::reserveNomination);
    r.put(PropertyProcesses.ENTRY, this::creditEntry);
    r.put("co-building-project", this::declinedProject);
    r.put("catalogue-change", this::refusedCatalogueChange);
    r.put("catalogue-reconfirmation", this::reconfirmation);
    r.put(BranchProcesses.RATING, this::starRatingWithObjection);
    r.put(NoticeService.OBJECTION_PROCESS, this::starRatingWithObjection);
    r.put(PropertyProcesses.RATING, this::creditRating);
    Runnable evaluation = () -> new EvaluationAuditSample(port, context).run();
    r.put(EvaluationProcesses.CYCLE, evaluation);
    r.put(EvaluationProcesses.RATING, evaluation);
    r.put(EvaluationProcesses.PAIRING, evaluation);
    return r;
  }

  /** A community proposes a worker, the street confirms the grade, civil affairs files it. */
  private void onboarding() {
    String pid = started(startForm(port, "dongcang", CareerProcesses.ONBOARDING,
        OnboardingProcessTest.proposal(CareerTestSupport.name())));
    completeOk(port, "loudong", task(tasks, pid, "Task_ConfirmGrade").getId(), Map.of("streetDecision", "CONFIRM"));
    completeOk(port, "minzheng", task(tasks, pid, "Task_FileOnboarding").getId(), Map.of("fileDecision", "FILE"));
  }

  /** A nomination to a cohort of the sample's own, refused by the street with its opinion. */
  private void reserveNomination() {
    ReserveRepository reserve = context.getBean(ReserveRepository.class);
    int year = LocalDate.now().getYear();
    Cohort cohort;
    synchronized (ReserveRepository.class) {
      int n = 9500 + (int) reserve.cohorts().stream().filter(c -> c.code().startsWith("RC95")).count();
      cohort = new Cohort("RC" + n, "审计样本届 " + n, year, year + 2, true);
      reserve.insertCohort(cohort);
    }
    String pid = started(startForm(port, "dongcang", ReserveProcesses.PLAN,
        ReservePlanProcessTest.nomination(cohort, CareerTestSupport.name())));
    completeOk(port, "loudong", task(tasks, pid, "Task_StreetReview").getId(), Map.of("streetDecision", "REJECT",
        "opinion", "审计样本：暂不推荐"));
  }

  /** A community's credit entry on a compound of the sample's own, found untrue by the street. */
  private void creditEntry() {
    Compound c = PropertyTestSupport.compound(context.getBean(PropertyRepository.class), jdbc, "dongcang");
    String pid = started(startForm(port, "dongcang", PropertyProcesses.ENTRY, Map.of("compoundCode",
        c.code().toLowerCase(), "category", "NEG_COMPLAINT", "occurredOn", LocalDate.now().minusDays(4).toString(),
        "evidence", "居民反映小区路灯损坏多日未修")));
    completeOk(port, "loudong", task(tasks, pid, "Task_VerifyEntry").getId(), Map.of("verifyDecision", "REJECT",
        "verifyReason", "经现场核实，路灯已于次日修复"));
  }

  /** A unit claims a community's demand and drafts the agreement; the community declines it. */
  private void declinedProject() {
    String pid = new CorpusCases(port, context).draftedProject("xiaofang", "审计样本：社区助餐点（拒绝）");
    submit("dongcang", task(tasks, pid, "Task_ConfirmAgreement"), Map.of("confirmDecision", "DECLINE",
        "confirmComment", "审计样本：本年度已由街道统一安排"));
  }

  /** 市卫健委 asks to revoke one of its items; the civil-affairs review refuses, so the catalogue stays as it is. */
  private void refusedCatalogueChange() {
    String pid = null;
    // an item may already have a change under way (the demo's or another test's): the next one is taken then
    for (String itemCode : jdbc.sql("SELECT code FROM adm_catalogue_item WHERE department_code = 'health' AND "
        + "version_no = (SELECT MAX(version_no) FROM adm_catalogue_version) ORDER BY code").query(String.class)
        .list()) {
      RestClient.Response r = Forms.start(RestClient.as(port, "weijian"), "catalogue-change", Map.of("itemCode",
          itemCode, "changeType", "REVOKE", "changeReason", "审计样本：拟取消"));
      pid = r.status() == 200 ? r.json().get("id").asText() : null;
      if (pid != null) {
        break;
      }
    }
    assertThat(pid).as("a 市卫健委 item without a change under way").isNotNull();
    submit("minzheng", task(tasks, pid, "Task_ReviewNecessity"), Map.of("necessityDecision", "REJECT",
        "necessityOpinion", "该事项仍有必要，社区反映良好"));
    submit("sifa", task(tasks, pid, "Task_ReviewLegality"), Map.of("legalityDecision", "APPROVE",
        "legalityOpinion", "无异议"));
  }

  /**
   * A yearly re-confirmation of a far year no other case uses, every department keeping all its items, so the
   * version it publishes changes nothing.
   */
  private void reconfirmation() {
    String pid = null;
    for (int year = 2090; pid == null && year < 2140; year++) {
      RestClient.Response r = Forms.start(RestClient.as(port, "minzheng"), "catalogue-reconfirmation",
          Map.of("confirmYear", year));
      pid = r.status() == 200 ? r.json().get("id").asText() : null;
    }
    assertThat(pid).as("a year without a re-confirmation").isNotNull();
    for (Task t : tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_ConfirmItems").list()) {
      keepAllItems(t);
    }
    Jobs.runDue(management, List.of(pid));
  }

  /**
   * A star rating of last year for one new branch (two stars: a single branch has no quota for more), rated at
   * every level; during its notice somebody objects and the organisation department rejects the objection; the
   * notice ends and the rating is final.
   */
  private void starRatingWithObjection() {
    int year = LocalDate.now().getYear() - 1;
    PartyBranch branch = BranchTestSupport.branch(context.getBean(BranchRepository.class), "dongcang", "REGULAR",
        null, null);
    String pid = started(startForm(port, "zuzhibu", BranchProcesses.RATING, Map.of("ratingYear", year,
        "scopeKind", "BRANCHES", "branchCodes", branch.code())));
    Map<String, Object> keepAll = new HashMap<>();
    keepAll.put("adjustLines", null);
    keepAll.put("sendBackLines", null);
    keepAll.put("confirmAll", true);
    completeOk(port, "dongcang", task(tasks, pid, "Task_SelfAssessment").getId(), Map.of("scoreLines",
        branch.code() + " 65 66 64 65 65"));
    completeOk(port, "dongcang", task(tasks, pid, "Task_CommunityReview").getId(), keepAll);
    completeOk(port, "loudong", task(tasks, pid, "Task_StreetRating").getId(), keepAll);
    completeOk(port, "zuzhibu", task(tasks, pid, "Task_OrgDeptRating").getId(), Map.of("orgDecision", "CONFIRM"));
    String noticeNo = (String) context.getBean(RuntimeService.class).getVariable(pid, "noticeNo");
    RestClient.Response objection = RestClient.as(port, "taiping").post("/api/notices/" + noticeNo + "/objections",
        "{\"subjectKey\":\"" + branch.code() + "\",\"objectorName\":\"审计样本\",\"contact\":\"13800000000\","
            + "\"content\":\"该支部组织生活记录不全，请予核实。\"}");
    assertThat(objection.status()).as(objection.body()).isEqualTo(201);
    completeOk(port, "zuzhibu", task(tasks, objection.json().get("processInstanceId").asText(),
        "Task_ResolveObjection").getId(), Map.of("decision", "REJECTED", "resolution", "经核实，记录齐全"));
    noticeEnds(noticeNo, pid);
  }

  /**
   * A property credit rating up to today, confirmed by the housing bureau as computed; its notice (if it lists
   * anybody red or black) runs out, so the cycle is published and the next one may start.
   */
  private void creditRating() {
    String pid = started(startForm(port, "zhujian", PropertyProcesses.RATING, Map.of("periodTo",
        LocalDate.now().toString())));
    completeOk(port, "zhujian", task(tasks, pid, "Task_ReviewRatings").getId(), Map.of("confirmRating", true));
    String noticeNo = (String) context.getBean(RuntimeService.class).getVariable(pid, "noticeNo");
    if (noticeNo != null) {
      noticeEnds(noticeNo, pid);
    }
  }

  /** Moves the clock past the notice period and runs the notice's and its case's due jobs. */
  private void noticeEnds(String noticeNo, String pid) {
    String noticePid = context.getBean(RuntimeService.class).createProcessInstanceQuery()
        .processInstanceBusinessKey(noticeNo).singleResult().getId();
    try {
      Jobs.at(Date.from(LocalDate.now().plusDays(20).atTime(10, 0).atZone(ZoneId.systemDefault()).toInstant()));
      Jobs.runDue(management, List.of(noticePid, pid));
    } finally {
      ClockUtil.reset();
    }
  }

  /**
   * Submits a department's confirmation as a member of its group, through Tasklist's REST call when the demo has a
   * user in the group; most departments have none, so then as a person of that group through the engine's form
   * service (the check and the audit see the same user and group either way).
   */
  private void keepAllItems(Task t) {
    String group = tasks.getIdentityLinksForTask(t.getId()).stream().map(IdentityLink::getGroupId)
        .filter(g -> g != null).findFirst().orElseThrow();
    var members = identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list();
    if (!members.isEmpty()) {
      submit(members.get(0).getId(), t, Map.of("giveUpReason", ""));
      return;
    }
    identity.setAuthentication("sample-" + group, List.of(group));
    try {
      context.getBean(FormService.class).submitTaskForm(t.getId(), new HashMap<>(Map.of("giveUpReason", "")));
    } finally {
      identity.clearAuthentication();
    }
  }

  private String started(RestClient.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("id").asText();
  }

  private void submit(String user, Task task, Map<String, ?> values) {
    assertThat(task).as("open task").isNotNull();
    RestClient.Response r = Forms.complete(RestClient.as(port, user), task.getId(), values);
    assertThat(r.status()).as(task.getTaskDefinitionKey() + ": " + r.body()).isEqualTo(204);
  }
}
