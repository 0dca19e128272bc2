package cn.ronghe.reliability.database;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 8, point 2: PostgreSQL is stopped (fast shutdown) and started again while the background jobs of an annual
 * grade review run. The health endpoint says DOWN while the database is away and UP after, and the project API
 * answers 503 (not 500) meanwhile; the connection pool and the job executor recover by themselves; the cycle
 * completes with every worker reviewed once, every applied change in the history once, and no incident.
 */
class DatabaseRestartIT {

  /** Long enough for every pooled connection to break and for health checks to fail, as in a real restart. */
  private static final long OUTAGE_MILLIS = 20_000;
  /** The job lock time of this test (production: 5 minutes). */
  private static final long LOCK_MILLIS = 30_000;

  @Test
  void anAnnualReviewSurvivesADatabaseRestart() {
    Figures figures = new Figures("database-restart");
    PostgresServer server = PostgresServer.startNew("restart");
    RunningApp app = null;
    try {
      // A job whose failure could not be written (the database was gone) waits for its lock to expire before it
      // runs again; 5 minutes in production, 30 s here so the test does not sit idle.
      app = RunningApp.start(server.jdbcUrl("postgres"),
          Map.of("camunda.bpm.job-execution.lock-time-in-millis", LOCK_MILLIS));
      int year = LocalDate.now().getYear();
      GradeReviewCycle cycle = new GradeReviewCycle(app, year);
      cycle.generateWorkers(30, 40, 8_020_000L);
      // Many small proposal jobs, so the database goes away while some are running and others wait.
      cycle.chunkSize(20);
      cycle.start();
      int workers = cycle.workerIds().size();
      figures.add("workers reviewed", workers);

      cycle.importResults();
      cycle.completeAssessments();
      Polling.until("the first proposals", 300, () -> cycle.proposed() > 0);
      int proposedAtStop = cycle.proposed();
      long stopped = System.nanoTime();
      Instant stoppedAt = Instant.now();
      server.stop();
      figures.add("proposals made when PostgreSQL stopped", proposedAtStop + " of " + workers);
      assertThat(proposedAtStop).as("the outage must fall inside the proposal jobs").isLessThan(workers);

      RunningApp running = app;
      figures.seconds("health DOWN after stop", Polling.until("health DOWN (503)", 180,
          () -> running.health() == 503));
      RestClient.Response during = app.as("dongcang").get("/api/career/workers?community=dongcang");
      figures.add("project API during the outage", during.status() + " " + during.json().path("code").asText());
      // Not an internal error: the client is told the database is away and to retry, in Chinese and English.
      assertThat(during.status()).as(during.body()).isEqualTo(503);
      assertThat(during.json().path("code").asText()).isEqualTo("DATABASE_UNAVAILABLE");
      assertThat(during.json().path("messageZh").asText()).isNotEmpty();
      assertThat(during.json().path("messageEn").asText()).isNotEmpty();
      Polling.sleep(Math.max(0, OUTAGE_MILLIS - (long) (Polling.secondsSince(stopped) * 1000)));
      figures.seconds("outage (stop to start)", Polling.secondsSince(stopped));
      long restarted = System.nanoTime();
      server.start();
      figures.seconds("health UP after start", Polling.until("health UP (200)", 300, () -> running.health() == 200));
      // Locked before the stop: running or queued then, their failure not written, waiting for the lock to expire.
      figures.add("jobs caught in flight (locked before the stop)", app.bean(JdbcClient.class).sql("SELECT COUNT(*) "
          + "FROM ACT_RU_JOB WHERE LOCK_EXP_TIME_ <= :t").param("t", Timestamp.from(stoppedAt.plusMillis(LOCK_MILLIS)))
          .query(Integer.class).single());

      cycle.awaitProposals();
      figures.seconds("start to every proposal made", Polling.secondsSince(restarted));
      cycle.approveEverything();
      // Past the notice period and the effective date (1 March next year): the timers fall due.
      ClockUtil.setCurrentTime(Date.from(LocalDate.of(year + 1, 3, 2).atTime(9, 0)
          .atZone(ZoneId.systemDefault()).toInstant()));
      cycle.awaitCompleted();
      figures.seconds("start to cycle completed", Polling.secondsSince(restarted));

      HistoryService history = app.bean(HistoryService.class);
      List<HistoricJobLog> failures = history.createHistoricJobLogQuery().failureLog().list();
      figures.add("job failures recorded (ACT_HI_JOB_LOG)", failures.size());
      figures.add("jobs that failed and ran again", failures.stream().map(HistoricJobLog::getJobId).distinct().count());
      long incidents = app.bean(RuntimeService.class).createIncidentQuery().count()
          + history.createHistoricIncidentQuery().count();
      figures.add("incidents", incidents);

      assertThat(incidents).as("incidents after the restart").isZero();
      assertExactlyOnce(app.bean(JdbcClient.class), cycle);
    } finally {
      ClockUtil.reset();
      figures.write();
      try {
        if (app != null) {
          app.close();
        }
      } finally {
        server.close();
      }
    }
  }

  /** One review per worker, each final; a history line for each applied change and none for the others. */
  private static void assertExactlyOnce(JdbcClient jdbc, GradeReviewCycle cycle) {
    String c = cycle.cycleNo();
    List<String> reviewed = jdbc.sql("SELECT worker_id FROM career_review WHERE cycle_no = :c").param("c", c)
        .query(String.class).list();
    assertThat(reviewed).as("one review per worker").containsExactlyInAnyOrderElementsOf(cycle.workerIds());
    assertThat(cycle.count("stage NOT IN ('EFFECTIVE', 'NO_CHANGE')")).as("reviews not final").isZero();
    assertThat(cycle.count("stage = 'EFFECTIVE'")).as("changes applied").isPositive();

    List<String> wrong = jdbc.sql("SELECT r.case_no || ' ' || r.stage || ' history=' || COUNT(h.id) "
        + "|| ' grade=' || w.grade || ' proposed=' || r.proposed_grade FROM career_review r "
        + "JOIN career_worker w ON w.worker_id = r.worker_id "
        + "LEFT JOIN career_grade_history h ON h.worker_id = r.worker_id AND h.case_no = r.case_no "
        + "WHERE r.cycle_no = :c GROUP BY r.case_no, r.stage, w.grade, r.proposed_grade "
        + "HAVING (r.stage = 'EFFECTIVE' AND (COUNT(h.id) <> 1 OR w.grade <> r.proposed_grade)) "
        + "OR (r.stage <> 'EFFECTIVE' AND COUNT(h.id) <> 0)").param("c", c).query(String.class).list();
    assertThat(wrong).as("reviews whose history or grade is not exactly the one change").isEmpty();
  }
}
