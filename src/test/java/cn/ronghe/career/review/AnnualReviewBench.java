package cn.ronghe.career.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.bench.BenchTable;
import cn.ronghe.bench.EngineRows;
import cn.ronghe.bench.RongheBenchTest;
import cn.ronghe.career.AssessmentResult;
import cn.ronghe.career.Worker;
import cn.ronghe.career.WorkerStatus;
import cn.ronghe.career.demo.CareerDemoWorkers;
import cn.ronghe.career.demo.WorkerGenerator;
import cn.ronghe.organisation.Community;
import cn.ronghe.organisation.RegistryRepository;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Section 3: the annual grade review of generated workers (default 1,000, 10,000 and 100,000; set
 * {@code -Dronghe.bench.workers=1000,10000}), run by the job executor as in production. Streets import their
 * results and every batch is decided in one call, so the figures are the system's own time: cycle start to all
 * proposals waiting for the communities, and batch approval to every change applied after the notice.
 */
@RongheBenchTest
class AnnualReviewBench {

  private static final long PHASE_TIMEOUT = 3_600_000;

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  DataSource dataSource;
  @Autowired
  ManagementService management;
  @Autowired
  TaskService tasks;
  @Autowired
  RegistryRepository registry;
  @Autowired
  CareerDemoWorkers generator;
  @Autowired
  TransactionTemplate tx;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void annualReview() {
    int[] sizes = Arrays.stream(System.getProperty("ronghe.bench.workers", "1000,10000,100000").split(","))
        .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    for (int i = 0; i < sizes.length; i++) {
      // This year for every size: a review year may not lie in the future, the generated workers are new (the
      // once-a-year rule is per worker), and their histories end last year as a real registry's would.
      review(sizes[i], LocalDate.now().getYear(), 5_000_000L * (i + 1));
    }
  }

  private void review(int size, int year, long seed) {
    ClockUtil.reset();
    List<Community> communities = registry.communities(null);
    Map<Community, Integer> perCommunity = new LinkedHashMap<>();
    for (int i = 0; i < communities.size(); i++) {
      perCommunity.put(communities.get(i), size / communities.size() + (i < size % communities.size() ? 1 : 0));
    }
    long t0 = System.nanoTime();
    WorkerGenerator.Generated g = tx.execute(s -> generator.generate(perCommunity, seed, year - 1));
    List<String> ids = g.workers().stream().filter(w -> w.status() == WorkerStatus.ACTIVE).map(Worker::workerId)
        .toList();
    analyze();
    String label = String.format("%,d workers", ids.size());
    BenchTable.add("annual review", label + ": registry generated", seconds(t0), "s", "workers, histories, 4 years of results");

    // Benchmarks share one application context: let the job executor finish what an earlier one left (the
    // evaluation's closing jobs) so neither the times nor the row counts below include it.
    long idle = System.nanoTime();
    EngineRows.await("the job executor to go idle", PHASE_TIMEOUT,
        () -> management.createJobQuery().executable().count() == 0);
    System.out.printf("[bench] annual review %s: waited %.1f s for earlier jobs%n", label, seconds(idle));
    Map<String, Long> before = EngineRows.count(dataSource);
    ReviewTestSupport support = new ReviewTestSupport(port, jdbc, management, tasks);
    long start = System.nanoTime();
    String cycleNo = support.started(support.start("minzheng", year, "WORKERS", null, ids, null)).cycleNo();
    awaitQuiet(support, cycleNo);
    List<String> streets = jdbc.sql("SELECT street_code FROM career_review_batch WHERE cycle_no = :c AND "
        + "process_instance_id IS NOT NULL").param("c", cycleNo).query(String.class).list();
    double opened = seconds(start);
    for (String street : streets) {
      importResults(year, cycleNo, street, g.nextYearResults());
      RestClient.Response r = RestClient.as(port, "admin").post("/engine-rest/task/"
          + support.task(support.streetProcess(cycleNo, street), "Task_EnterAssessments").getId() + "/complete", "{}");
      assertThat(r.status()).as(r.body()).isEqualTo(204);
    }
    double assessed = seconds(start);
    awaitQuiet(support, cycleNo);
    EngineRows.await("every community's confirmation task", PHASE_TIMEOUT, () ->
        streets.stream().allMatch(s -> !support.tasks(support.streetProcess(cycleNo, s), BatchStep.CONFIRM.taskKey)
            .isEmpty()));
    double proposed = seconds(start);
    BenchTable.add("annual review", label + ": streets opened", opened, "s", streets.size() + " street batches");
    BenchTable.add("annual review", label + ": results imported", assessed - opened, "s", "CSV per street over REST");
    BenchTable.add("annual review", label + ": start → proposals ready", proposed, "s", "target < 300 s at 100,000 on PostgreSQL");

    long approving = System.nanoTime();
    for (String street : streets) {
      String pid = support.streetProcess(cycleNo, street);
      for (Task t : support.tasks(pid, BatchStep.CONFIRM.taskKey)) {
        support.decideOk("admin", t.getId(), Map.of());
      }
      awaitTask(support, pid, BatchStep.REVIEW.taskKey);
      support.decideOk("admin", support.task(pid, BatchStep.REVIEW.taskKey).getId(), Map.of());
      awaitTask(support, pid, BatchStep.APPROVE.taskKey);
      support.decideOk("minzheng", support.task(pid, BatchStep.APPROVE.taskKey).getId(), Map.of());
    }
    awaitQuiet(support, cycleNo);
    LocalDateTime later = LocalDateTime.now().plusDays(10);
    ClockUtil.setCurrentTime(Date.from(later.atZone(ZoneId.systemDefault()).toInstant()));
    awaitQuiet(support, cycleNo);
    LocalDateTime effective = LocalDate.of(year + 1, 3, 1).atTime(2, 0);
    ClockUtil.setCurrentTime(Date.from((effective.isAfter(later) ? effective : later.plusHours(1))
        .atZone(ZoneId.systemDefault()).toInstant()));
    EngineRows.await("the cycle to complete", PHASE_TIMEOUT, () -> "COMPLETED".equals(jdbc.sql(
        "SELECT status FROM career_review_cycle WHERE cycle_no = :c").param("c", cycleNo).query(String.class).single()));
    double applied = seconds(approving);
    Map<String, Long> after = EngineRows.count(dataSource);
    int effectiveCount = jdbc.sql("SELECT COUNT(*) FROM career_review WHERE cycle_no = :c AND stage = 'EFFECTIVE'")
        .param("c", cycleNo).query(Integer.class).single();
    BenchTable.add("annual review", label + ": batch approval → notice → applied", applied, "s",
        effectiveCount + " grade changes applied");
    BenchTable.add("annual review", label + ": runtime rows per worker",
        (double) (after.get("runtime") - before.get("runtime")) / ids.size(), "rows", "ACT_RU_* left after the cycle");
    BenchTable.add("annual review", label + ": history rows per worker",
        (double) (after.get("history") - before.get("history")) / ids.size(), "rows", "ACT_HI_* written by the cycle");
    ClockUtil.reset();
  }

  private void importResults(int year, String cycleNo, String street, Map<String, AssessmentResult> results) {
    List<String> due = jdbc.sql("SELECT worker_id FROM career_review WHERE cycle_no = :c AND street_code = :s AND "
        + "stage = 'DUE'").param("c", cycleNo).param("s", street).query(String.class).list();
    StringBuilder csv = new StringBuilder("工号,考核结果\n");
    due.forEach(w -> csv.append(w).append(',').append(results.get(w).label()).append('\n'));
    RestClient.Response r = RestClient.as(port, "admin").postBytes("/api/career/assessments/" + year
        + "/import?street=" + street, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private void awaitTask(ReviewTestSupport support, String pid, String key) {
    EngineRows.await(key, PHASE_TIMEOUT, () -> !support.tasks(pid, key).isEmpty());
  }

  /** Waits until the job executor has run every due job of the cycle's processes. */
  private void awaitQuiet(ReviewTestSupport support, String cycleNo) {
    int[] quiet = {0};
    EngineRows.await("the cycle's jobs", PHASE_TIMEOUT, () -> {
      Set<String> pids = support.processes(cycleNo);
      boolean busy = management.createJobQuery().executable().list().stream()
          .anyMatch(j -> j.getProcessInstanceId() != null && pids.contains(j.getProcessInstanceId()));
      quiet[0] = busy ? 0 : quiet[0] + 1;
      return quiet[0] >= 3;
    });
  }

  private void analyze() {
    if ("postgres".equals(BenchTable.database())) {
      jdbc.sql("ANALYZE").update();
    }
  }

  private static double seconds(long from) {
    return (System.nanoTime() - from) / 1e9;
  }
}
