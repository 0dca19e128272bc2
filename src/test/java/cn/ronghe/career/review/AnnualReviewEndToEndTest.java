package cn.ronghe.career.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RongheSpringTest;
import cn.ronghe.career.AssessmentResult;
import cn.ronghe.career.GradeAction;
import cn.ronghe.career.GradeChange;
import cn.ronghe.career.Worker;
import cn.ronghe.career.policy.DeployedDecisionTables;
import cn.ronghe.career.policy.GradeRules;
import cn.ronghe.career.registry.WorkerRepository;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The annual review of this year for every active worker of the city (the seeded registry of about 1,000),
 * with batch approval by every community, street and civil affairs; then the registry and the grade history
 * are checked worker by worker. Runs on H2 and on PostgreSQL; logs the wall time of each phase.
 */
@RongheSpringTest
class AnnualReviewEndToEndTest {

  private static final Logger log = LoggerFactory.getLogger(AnnualReviewEndToEndTest.class);

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  ManagementService management;
  @Autowired
  TaskService tasks;
  @Autowired
  WorkerRepository workers;
  @Autowired
  ReviewRepository reviews;
  @Autowired
  DeployedDecisionTables decisions;
  @Value("${ronghe.test.database:h2}")
  String database;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theWholeCityIsReviewedWithBatchApproval() {
    int year = LocalDate.now().getYear();
    List<Worker> before = workers.list(new cn.ronghe.career.registry.WorkerFilter(null, null, null, "ACTIVE"), 0,
        100_000);
    Map<String, Worker> byId = before.stream().collect(Collectors.toMap(Worker::workerId, w -> w));
    Map<String, AssessmentResult> results = results(before, year, workers);
    ReviewTestSupport support = new ReviewTestSupport(port, jdbc, management, tasks);
    LocalDate effective = LocalDate.of(year + 1, 3, 1);

    long start = System.nanoTime();
    ReviewTestSupport.Started cycle = support.started(support.start("minzheng", year, "CITY", null, null, null));
    Map<String, Long> phases = new ReviewRunner(support, jdbc, port).run(cycle.cycleNo(), year, results, effective);
    log.info("CAREER-TIMING annual review of all seeded workers: db={} workers={} wall={}ms ({})", database,
        before.size(), (System.nanoTime() - start) / 1_000_000, ReviewRunner.format(phases));

    ReviewCycle done = reviews.cycle(cycle.cycleNo()).orElseThrow();
    assertThat(done.status()).isEqualTo("COMPLETED");
    assertThat(done.workerCount()).isEqualTo(before.size());
    List<Review> all = reviews.reviews(cycle.cycleNo(), null, null, List.of(ReviewStage.values()), 100_000);
    assertThat(all).hasSize(before.size());
    GradeRules rules = decisions.current();
    Map<GradeAction, Integer> counts = new HashMap<>();
    for (Review r : all) {
      Worker was = byId.get(r.workerId());
      Worker now = workers.find(r.workerId()).orElseThrow();
      counts.merge(r.proposal(), 1, Integer::sum);
      assertThat(r.assessment()).isEqualTo(results.get(r.workerId()));
      List<GradeChange> lines = workers.history(r.workerId()).stream()
          .filter(h -> r.caseNo().equals(h.caseNo())).toList();
      if (r.proposal() == GradeAction.HOLD) {
        assertThat(r.stage()).as(r.caseNo()).isEqualTo(ReviewStage.NO_CHANGE);
        assertThat(now.grade()).as(r.caseNo()).isEqualTo(was.grade());
        assertThat(lines).as(r.caseNo()).isEmpty();
        continue;
      }
      assertThat(r.stage()).as(r.caseNo()).isEqualTo(ReviewStage.EFFECTIVE);
      int expected = was.grade() + (r.proposal() == GradeAction.PROMOTE ? 1 : -1);
      assertThat(now.grade()).as(r.caseNo()).isEqualTo(expected);
      assertThat(rules.band(now.post()).contains(now.grade())).isTrue();
      assertThat(now.gradeSince()).isEqualTo(effective);
      assertThat(now.payCoefficient()).isEqualByComparingTo(rules.payCoefficient(expected));
      assertThat(lines).as(r.caseNo()).singleElement().satisfies(h -> {
        assertThat(h.fromGrade()).isEqualTo(was.grade());
        assertThat(h.toGrade()).isEqualTo(expected);
        assertThat(h.effectiveDate()).isEqualTo(effective);
        assertThat(h.decidedBy()).isEqualTo("minzheng");
        assertThat(h.kind().name()).isEqualTo(r.proposal().name());
      });
      if (r.proposal() == GradeAction.PROMOTE) {
        assertThat(r.assessment().qualifies()).isTrue();
      } else {
        assertThat(r.assessment()).isEqualTo(AssessmentResult.INCOMPETENT);
        assertThat(workers.assessments(r.workerId())).containsEntry(year - 1, AssessmentResult.INCOMPETENT);
      }
    }
    assertThat(counts.get(GradeAction.PROMOTE)).isPositive();
    assertThat(counts.get(GradeAction.HOLD)).isPositive();
    assertThat(counts.get(GradeAction.DEMOTE)).isPositive();
    int notices = jdbc.sql("SELECT COUNT(*) FROM notice_item i JOIN notice n ON n.notice_no = i.notice_no WHERE "
        + "n.owner_ref = :c").param("c", cycle.cycleNo()).query(Integer.class).single();
    assertThat(notices).isEqualTo(counts.get(GradeAction.PROMOTE) + counts.get(GradeAction.DEMOTE));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_decision WHERE case_no LIKE :p AND decision = 'APPROVED'")
        .param("p", "NJ-" + year + "-%").query(Integer.class).single()).isEqualTo(before.size());
  }

  /** Results as a city would give them; a worker 不称职 last year mostly stays so (demotions happen). */
  static Map<String, AssessmentResult> results(List<Worker> workers, int year, WorkerRepository registry) {
    Random random = new Random(year);
    Map<String, Map<Integer, AssessmentResult>> past = registry.assessments(
        workers.stream().map(Worker::workerId).toList(), year - 1);
    Map<String, AssessmentResult> results = new HashMap<>();
    for (Worker w : workers) {
      int r = random.nextInt(100);
      if (past.getOrDefault(w.workerId(), Map.of()).get(year - 1) == AssessmentResult.INCOMPETENT && r < 60) {
        results.put(w.workerId(), AssessmentResult.INCOMPETENT);
        continue;
      }
      results.put(w.workerId(), r < 15 ? AssessmentResult.EXCELLENT : r < 88 ? AssessmentResult.COMPETENT
          : r < 96 ? AssessmentResult.BASIC : AssessmentResult.INCOMPETENT);
    }
    return results;
  }
}
