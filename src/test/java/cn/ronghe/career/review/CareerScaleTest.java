package cn.ronghe.career.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RongheSpringTest;
import cn.ronghe.career.demo.CareerDemoWorkers;
import cn.ronghe.career.demo.WorkerGenerator;
import cn.ronghe.career.Worker;
import cn.ronghe.organisation.Community;
import cn.ronghe.organisation.RegistryRepository;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Load test, not part of the default runs: the annual review of 10,000 generated workers spread over the 65
 * communities, driven like {@link AnnualReviewEndToEndTest}. Logs the wall time of each phase. Run it with
 * {@code mvn test -Dtest=CareerScaleTest -Dronghe.excludedGroups=none -Dronghe.skipPostgresTests=true} (H2) and
 * {@code mvn verify -Dtest=CareerScaleTest -Dronghe.excludedGroups=none -Dronghe.coverage.minimum=0
 * -Dsurefire.failIfNoSpecifiedTests=false} (H2, then PostgreSQL).
 */
@RongheSpringTest
@Tag("scale")
class CareerScaleTest {

  private static final Logger log = LoggerFactory.getLogger(CareerScaleTest.class);
  static final int WORKERS = 10_000;

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  ManagementService management;
  @Autowired
  TaskService tasks;
  @Autowired
  RegistryRepository registry;
  @Autowired
  CareerDemoWorkers generator;
  @Autowired
  ReviewRepository reviews;
  @Autowired
  TransactionTemplate tx;
  @Value("${ronghe.test.database:h2}")
  String database;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void tenThousandWorkers() {
    int year = LocalDate.now().getYear();
    List<Community> communities = registry.communities(null);
    Map<Community, Integer> sizes = new LinkedHashMap<>();
    for (int i = 0; i < communities.size(); i++) {
      sizes.put(communities.get(i), WORKERS / communities.size() + (i < WORKERS % communities.size() ? 1 : 0));
    }
    long t0 = System.nanoTime();
    WorkerGenerator.Generated g = tx.execute(s -> generator.generate(sizes, 10_000L, year - 1));
    List<String> ids = g.workers().stream().filter(w -> w.status() == cn.ronghe.career.WorkerStatus.ACTIVE)
        .map(Worker::workerId).toList();
    assertThat(ids).hasSize(WORKERS);
    if ("postgres".equals(database)) {
      jdbc.sql("ANALYZE").update();
    }
    log.info("CAREER-TIMING generated {} workers in {}ms", ids.size(), (System.nanoTime() - t0) / 1_000_000);

    ReviewTestSupport support = new ReviewTestSupport(port, jdbc, management, tasks);
    long start = System.nanoTime();
    ReviewTestSupport.Started cycle = support.started(support.start("minzheng", year, "WORKERS", null, ids, null));
    Map<String, Long> phases = new ReviewRunner(support, jdbc, port).run(cycle.cycleNo(), year,
        g.nextYearResults(), LocalDate.of(year + 1, 3, 1));
    log.info("CAREER-TIMING annual review of generated workers: db={} workers={} wall={}ms ({})", database,
        ids.size(), (System.nanoTime() - start) / 1_000_000, ReviewRunner.format(phases));

    assertThat(reviews.cycle(cycle.cycleNo()).orElseThrow().status()).isEqualTo("COMPLETED");
    Map<ReviewStage, Integer> stages = reviews.stageCounts(cycle.cycleNo());
    assertThat(stages.keySet()).allMatch(ReviewStage.FINAL::contains);
    assertThat(stages.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(WORKERS);
    assertThat(stages.get(ReviewStage.EFFECTIVE)).isPositive();
  }
}
