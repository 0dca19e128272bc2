package cn.ronghe.evaluation;

import static cn.ronghe.evaluation.EvaluationFixtures.scores;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.cobuilding.Times;
import cn.ronghe.support.Forms;
import cn.ronghe.support.Jobs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A whole evaluation case for the reliability tests: a cycle of 太仓港经济技术开发区 (the smallest street, 8 pairings)
 * in a past year no other test or the demo evaluates there. A community rates two of its units 较差 through
 * Tasklist's form and one unit rates its community; the rest run out and count as missing; the street reviews, the
 * organisation department publishes, and the 较差 units rectify. Every evaluation process then has a case with
 * completed user tasks: the cycle, the rating and the pairing. The bad-input corpus stops before the street's
 * check of the rectification, to probe that task's form.
 */
public final class EvaluationAuditSample {

  private static final String STREET = "gangqu";

  private final int port;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final EvaluationRepository repository;
  private final JdbcClient jdbc;

  public EvaluationAuditSample(int port, ApplicationContext context) {
    this.port = port;
    this.tasks = context.getBean(TaskService.class);
    this.runtime = context.getBean(RuntimeService.class);
    this.management = context.getBean(ManagementService.class);
    this.repository = context.getBean(EvaluationRepository.class);
    this.jdbc = context.getBean(JdbcClient.class);
    IdentityService identity = context.getBean(IdentityService.class);
    EvaluationFixtures.user(identity, "gq-gangcheng", "community-gangcheng");
    EvaluationFixtures.user(identity, "gq-u029", "unit-u029");
    EvaluationFixtures.user(identity, "gq-u079", "unit-u079");
    EvaluationFixtures.user(identity, "gq-u208", "unit-u208");
    EvaluationFixtures.user(identity, "gq-street", "street-" + STREET);
  }

  /** Runs the case to its end and returns the cycle's number. */
  public String run() {
    Started c = toRectificationCheck();
    for (String pid : List.of(c.checkPid(), c.rectifyPid())) {
      if (task(pid, "Task_Rectify") != null) {
        rectify(pid);
      }
      submit("gq-street", task(pid, "Task_CheckRectification"), Map.of("checkDecision", "ACCEPT",
          "checkOpinion", "审计样本：整改到位，同意销号"));
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(c.prefix() + "%").count())
        .as("the sample's cases have ended").isZero();
    return c.cycleNo();
  }

  /**
   * Runs the case until two units rated 较差 are to rectify, and the first has done so: the street's check of its
   * rectification is open, the second unit's rectification still is.
   */
  public Started toRectificationCheck() {
    int year = freeYear();
    String prefix = "KP-" + year + "-";
    RestClient.Response started = RestClient.as(port, "zuzhibu").post("/api/evaluation/cycles",
        "{\"evalYear\":" + year + ",\"scopeType\":\"STREET\",\"streetCode\":\"" + STREET + "\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String cycleNo = started.json().get("cycle").get("cycleNo").asText();
    String cyclePid = started.json().get("cycle").get("processInstanceId").asText();
    try {
      Jobs.runDue(management, runtime, cyclePid, prefix);
      submit("gq-gangcheng", EvaluationFixtures.ratingTask(tasks, year, "u079", "gangcheng", RatingDirection.C2U),
          withComment(scores(RatingDirection.C2U, 40, 50, 30, 45), "全年未参加社区活动，承诺的助老资源没有兑现"));
      submit("gq-gangcheng", EvaluationFixtures.ratingTask(tasks, year, "u208", "gangcheng", RatingDirection.C2U),
          withComment(scores(RatingDirection.C2U, 50, 40, 45, 40), "联系人多次更换，全年未落实共建项目"));
      submit("gq-u029", EvaluationFixtures.ratingTask(tasks, year, "u029", "gangcheng", RatingDirection.U2C),
          withComment(scores(RatingDirection.U2C, 88), null));
      Cycle cycle = repository.cycle(cycleNo).orElseThrow();
      Jobs.at(Times.toDate(cycle.ratingClose().plusHours(1)));
      Jobs.runDue(management, runtime, cyclePid, prefix);

      List<Map<String, String>> noAdjustment = List.of(Map.of("pairing", "", "ratedSide", "", "newGrade", "",
          "reason", ""));
      submit("gq-street", task(cyclePid, "Task_StreetReview"), Map.of("adjustments", Forms.Json.of(noAdjustment),
          "reviewConfirmed", true, "reviewNote", "审计样本：互评结果经逐一核实，不作调整"));
      Jobs.runDue(management, runtime, cyclePid, prefix);
      submit("zuzhibu", task(cyclePid, "Task_Publish"), Map.of("publishConfirmed", true,
          "publishNote", "审计样本：经大工委审核，予以发布"));
      Jobs.runDue(management, runtime, cyclePid, prefix);

      String first = pairingPid(year, "u079");
      rectify(first);
      return new Started(cycleNo, prefix, first, pairingPid(year, "u208"));
    } finally {
      ClockUtil.reset();
    }
  }

  /**
   * A sample cycle under way: its number, the business-key prefix of its cases, and the pairing instances waiting
   * for the street's check and for the unit's rectification.
   */
  public record Started(String cycleNo, String prefix, String checkPid, String rectifyPid) {
  }

  private String pairingPid(int year, String unit) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(CycleDelegates.pairingKey(year, unit,
        "gangcheng")).processDefinitionKey(EvaluationProcesses.PAIRING).singleResult().getId();
  }

  private void rectify(String pairingPid) {
    String unit = (String) runtime.getVariable(pairingPid, EvaluationProcesses.UNIT_CODE);
    submit("gq-" + unit, task(pairingPid, "Task_Rectify"), Map.of("rectificationMeasures",
        "明确一名分管领导联系港城社区，每月到社区报到一次，落实承诺的共建资源"));
  }

  /** A past year (within the ten an evaluation may cover) in which the street has no cycle yet. */
  private int freeYear() {
    int thisYear = Times.today().getYear();
    for (int year = thisYear - 6; year > thisYear - 10; year--) {
      if (jdbc.sql("SELECT COUNT(*) FROM ev_cycle_street WHERE eval_year = :y AND street_code = :s").param("y", year)
          .param("s", STREET).query(Integer.class).single() == 0) {
        return year;
      }
    }
    throw new AssertionError("no free past year for a " + STREET + " cycle");
  }

  private Task task(String pid, String activity) {
    return tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(activity).singleResult();
  }

  private static Map<String, Object> withComment(Map<String, Object> scores, String comment) {
    Map<String, Object> vars = new HashMap<>(scores);
    vars.put(EvaluationProcesses.RATING_COMMENT, comment == null ? "" : comment);
    return vars;
  }

  private void submit(String user, Task task, Map<String, ?> values) {
    assertThat(task).as("open task").isNotNull();
    RestClient.Response r = Forms.complete(RestClient.as(port, user), task.getId(), values);
    assertThat(r.status()).as(task.getTaskDefinitionKey() + ": " + r.body()).isEqualTo(204);
  }
}
