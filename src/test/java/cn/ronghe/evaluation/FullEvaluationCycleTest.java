package cn.ronghe.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import cn.ronghe.cobuilding.Times;
import cn.ronghe.support.Jobs;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The acceptance test: the yearly timer opens a city-wide cycle for every seeded pairing (281), every
 * evaluation (562) is submitted with scripted scores, the streets confirm, the organisation department publishes;
 * every pairing ends with both grades and the exported reports agree with the scripted ratings. The wall time is
 * printed (not asserted: the machine is shared).
 */
@RongheSpringTest
class FullEvaluationCycleTest {

  static final int YEAR = 2031;
  static final String PREFIX = "KP-" + YEAR + "-";

  @LocalServerPort
  int port;
  @Value("${ronghe.test.database:h2}")
  String database;
  @Autowired
  ManagementService management;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  EvaluationRepository repository;
  @Autowired
  JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** What the script gives pairing i: scores per direction, and whether the unit reported in the year. */
  record Script(int[] c2u, int[] u2c, boolean reported) {
    static Script of(int i) {
      int a = 40 + (i * 37) % 61;
      int b = 45 + (i * 53) % 56;
      return new Script(new int[] {a, Math.max(0, a - 6), Math.min(100, a + 4), a},
          new int[] {b, Math.min(100, b + 3), Math.max(0, b - 8), b}, i % 3 != 0);
    }

    String expectedGrade(RatingDirection direction) {
      double total = EvaluationFixtures.expectedTotal(direction, direction == RatingDirection.C2U ? c2u : u2c);
      if (direction == RatingDirection.C2U && !reported && total >= 80) {
        return "FAIR";
      }
      return total >= 90 ? "EXCELLENT" : total >= 80 ? "GOOD" : total >= 60 ? "FAIR" : "POOR";
    }
  }

  @Test
  void aCityCycleForAllSeededPairingsEndsWithBothGradesAndReportsThatAgree() throws Exception {
    LocalDateTime start = LocalDateTime.of(YEAR, 12, 1, 9, 0, 30);
    ClockUtil.setCurrentTime(Times.toDate(start));
    List<String[]> pairs = jdbc.sql("SELECT unit_code, community_code FROM org_pairing WHERE active "
        + "ORDER BY community_code, unit_code").query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    assertThat(pairs).hasSize(281);
    Map<String, Script> script = new HashMap<>();
    for (int i = 0; i < pairs.size(); i++) {
      Script s = Script.of(i);
      script.put(pairs.get(i)[0] + "|" + pairs.get(i)[1], s);
      if (s.reported()) {
        jdbc.sql("INSERT INTO cb_contact (unit_code, community_code, contact_date, kind, note, recorded_by, recorded_at) "
                + "VALUES (:u, :c, DATE '2031-03-12', 'REPORT', '到社区报到', 'test', CURRENT_TIMESTAMP)")
            .param("u", pairs.get(i)[0]).param("c", pairs.get(i)[1]).update();
      }
    }

    long began = System.nanoTime();
    String timer = management.createJobQuery().processDefinitionKey(EvaluationProcesses.SCHEDULER)
        .activityId(EvaluationSchedule.START_EVENT).timers().singleResult().getId();
    management.executeJob(timer);
    Cycle cycle = repository.cycles().stream().filter(c -> c.evalYear() == YEAR).findFirst().orElseThrow();
    assertThat(cycle.triggerKind()).isEqualTo("TIMER");
    assertThat(cycle.pairingCount()).isEqualTo(281);
    int jobs = Jobs.runDue(management, runtime, cycle.processInstanceId(), PREFIX);
    long opened = System.nanoTime();

    List<Task> ratingTasks = tasks.createTaskQuery().processDefinitionKey(EvaluationProcesses.RATING)
        .processInstanceBusinessKeyLike(PREFIX + "%").list();
    assertThat(ratingTasks).hasSize(562);
    for (Task t : ratingTasks) {
      Map<String, Object> vars = runtime.getVariables(t.getExecutionId(), List.of(EvaluationProcesses.UNIT_CODE,
          EvaluationProcesses.COMMUNITY_CODE, EvaluationProcesses.DIRECTION));
      Script s = script.get(vars.get("unitCode") + "|" + vars.get("communityCode"));
      RatingDirection d = RatingDirection.valueOf((String) vars.get("direction"));
      int[] values = d == RatingDirection.C2U ? s.c2u() : s.u2c();
      Map<String, Object> submitted = new HashMap<>(EvaluationFixtures.scores(d, values));
      if (java.util.Arrays.stream(values).anyMatch(v -> v < 60)) {
        submitted.put(EvaluationProcesses.RATING_COMMENT, "多项工作未达到年初约定，需要加强对接");
      }
      tasks.complete(t.getId(), submitted);
    }
    jobs += Jobs.runDue(management, runtime, cycle.processInstanceId(), PREFIX);
    long rated = System.nanoTime();

    List<Task> reviews = tasks.createTaskQuery().processInstanceId(cycle.processInstanceId())
        .taskDefinitionKey("Task_StreetReview").list();
    assertThat(reviews).hasSize(11);
    for (Task review : reviews) {
      tasks.complete(review.getId(), Map.of("reviewConfirmed", true));
    }
    jobs += Jobs.runDue(management, runtime, cycle.processInstanceId(), PREFIX);
    Task publish = tasks.createTaskQuery().processInstanceId(cycle.processInstanceId()).taskDefinitionKey("Task_Publish")
        .singleResult();
    tasks.complete(publish.getId(), Map.of("publishConfirmed", true));
    jobs += Jobs.runDue(management, runtime, cycle.processInstanceId(), PREFIX);
    long published = System.nanoTime();

    System.out.printf("%nFull two-way evaluation cycle on %s: 281 pairings, 562 evaluations, %d jobs; wall time %.1f s "
            + "(open %.1f s, rate %.1f s, review and publish %.1f s)%n%n", database, jobs, seconds(began, published),
        seconds(began, opened), seconds(opened, rated), seconds(rated, published));

    Cycle done = repository.cycle(cycle.id()).orElseThrow();
    assertThat(done.status()).isEqualTo("PUBLISHED");
    assertThat(done.ratedCount()).isEqualTo(281);
    List<PairingResult> results = repository.results(cycle.id(), null);
    assertThat(results).hasSize(281).allSatisfy(p -> {
      assertThat(p.state()).isEqualTo("PUBLISHED");
      Script s = script.get(p.unitCode() + "|" + p.communityCode());
      assertThat(p.unitFinalGrade()).as(p.businessKey()).isEqualTo(s.expectedGrade(RatingDirection.C2U));
      assertThat(p.communityFinalGrade()).as(p.businessKey()).isEqualTo(s.expectedGrade(RatingDirection.U2C));
      assertThat(p.unitScore().doubleValue()).isEqualTo(EvaluationFixtures.expectedTotal(RatingDirection.C2U, s.c2u()));
      assertThat(p.communityScore().doubleValue()).isEqualTo(EvaluationFixtures.expectedTotal(RatingDirection.U2C, s.u2c()));
    });

    Map<String, CSVRecord> units = csv("/api/evaluation/reports/units.csv?fromYear=" + YEAR + "&toYear=" + YEAR);
    Map<String, CSVRecord> communities = csv("/api/evaluation/reports/communities.csv?fromYear=" + YEAR + "&toYear=" + YEAR);
    assertThat(units).hasSize(281);
    assertThat(communities).hasSize(281);
    for (PairingResult p : results) {
      Script s = script.get(p.unitCode() + "|" + p.communityCode());
      CSVRecord u = units.get(p.unitName() + "|" + p.communityName());
      assertThat(Double.parseDouble(u.get("得分"))).isEqualTo(EvaluationFixtures.expectedTotal(RatingDirection.C2U, s.c2u()));
      assertThat(u.get("最终等级")).isEqualTo(Grade.valueOf(s.expectedGrade(RatingDirection.C2U)).label());
      assertThat(u.get("本年度到社区报到")).isEqualTo(s.reported() ? "是" : "否");
      CSVRecord c = communities.get(p.unitName() + "|" + p.communityName());
      assertThat(c.get("最终等级")).isEqualTo(Grade.valueOf(s.expectedGrade(RatingDirection.U2C)).label());
    }
    long poor = results.stream().mapToLong(p -> ("POOR".equals(p.unitFinalGrade()) ? 1 : 0)
        + ("POOR".equals(p.communityFinalGrade()) ? 1 : 0)).sum();
    assertThat(tasks.createTaskQuery().processInstanceBusinessKeyLike(PREFIX + "%").taskDefinitionKey("Task_Rectify")
        .count()).isEqualTo(poor).isPositive();
  }

  private Map<String, CSVRecord> csv(String path) throws java.io.IOException {
    RestClient.Response r = RestClient.as(port, "zuzhibu").get(path);
    assertThat(r.status()).isEqualTo(200);
    String body = r.body().startsWith("\uFEFF") ? r.body().substring(1) : r.body();
    try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new java.io.StringReader(body))) {
      return parser.getRecords().stream().collect(Collectors.toMap(
          rec -> rec.isMapped("共建单位") ? rec.get("共建单位") + "|" + rec.get("评价社区") : rec.get("评价单位") + "|" + rec.get("社区"),
          rec -> rec));
    }
  }

  private static double seconds(long from, long to) {
    return Duration.ofNanos(to - from).toMillis() / 1000.0;
  }
}
