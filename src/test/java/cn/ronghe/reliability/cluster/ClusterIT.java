package cn.ronghe.reliability.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Two nodes of the packaged application — separate JVMs, separate ports, job executors on both — on one
 * PostgreSQL 15 database (docs/operations.md, "Several nodes"). First both start at the same moment on an empty
 * database: one schema, one deployment, the seed data once. Then an annual grade review of 5,005 imported
 * workers runs over both nodes, whichever of them holds jobs is killed with SIGKILL while the grade changes are
 * being applied, and the other finishes the cycle once the dead node's job locks expire: every review final, every change
 * applied once. The figures go to {@code target/cluster/results.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Every wait inside has its own limit and message; this only stops a test that hangs in a call to a stalled node.
@Timeout(value = 30, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  static final Duration START = Duration.ofMinutes(8);
  static final Duration LOCK_TIME = Duration.ofSeconds(15);
  static final int PER_COMMUNITY = 77;
  /**
   * The demo's users and data, but not its running cases (as in the Spring tests): their jobs and timers would
   * only add noise to what the nodes do here.
   */
  static final List<String> QUIET_DEMO = List.of("--ronghe.admission.demo-cases=false",
      "--ronghe.career.demo-cases=false", "--ronghe.cobuilding.demo-processes=false",
      "--ronghe.evaluation.demo-processes=false", "--ronghe.property.demo-cases=false",
      "--ronghe.grid.demo-cases=false", "--ronghe.reserve.demo-cases=false");

  private final String adminPassword = "Cl-" + UUID.randomUUID();
  private final ClusterResults results = new ClusterResults();
  private ClusterDatabase db;
  private AppNode a;
  private AppNode b;

  @BeforeAll
  void database() {
    assumeTrue(Files.exists(AppNode.JAR), "no " + AppNode.JAR + ": run through mvn verify (after package)");
    db = new ClusterDatabase();
    a = new AppNode("node-a", env(), QUIET_DEMO);
    b = new AppNode("node-b", env(), QUIET_DEMO);
  }

  /** The production profile plus the demo users; the lock time shortened so a dead node's jobs return soon. */
  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>(db.env());
    env.put("SPRING_PROFILES_ACTIVE", "postgres");
    env.put("RONGHE_ADMIN_PASSWORD", adminPassword);
    env.put("RONGHE_DEMO_ENABLED", "true");
    // The production profile refuses the demo users unless a test rig says so (ProductionPasswordGuard).
    env.put("RONGHE_DEMO_INSECURE", "true");
    env.put("CAMUNDA_BPM_JOB_EXECUTION_LOCK_TIME_IN_MILLIS", String.valueOf(LOCK_TIME.toMillis()));
    // An idle job executor polls at most every 5 s (Camunda's default backs off to 60 s).
    env.put("CAMUNDA_BPM_JOB_EXECUTION_MAX_WAIT", "5000");
    return env;
  }

  @AfterAll
  void stopEverything() throws IOException {
    for (AppNode n : new AppNode[] {a, b}) {
      if (n != null) {
        n.stop();
      }
    }
    if (db != null) {
      db.close();
    }
    results.write(AppNode.DIR.resolve("results.md"));
  }

  @Test
  @Order(1)
  void twoNodesStartingTogetherOnAnEmptyDatabaseSetItUpOnce() throws IOException {
    assertThat(db.count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")).isZero();
    a.start();
    b.start();
    double upA = a.awaitUp(START);
    double upB = b.awaitUp(START);
    results.add("start", "node-a UP after", upA, "s");
    results.add("start", "node-b UP after", upB, "s");
    results.add("start", "waited for the other node's start-up lock", String.join(", ", java.util.stream.Stream.of(a, b)
        .filter(n -> n.tail(100_000).contains("Another node is starting on this database")).map(AppNode::name)
        .toList()));

    assertThat(db.duplicates("act_re_procdef", "key_", null)).as("process definitions deployed twice")
        .isEmpty();
    assertThat(db.duplicates("act_re_decision_def", "key_", null)).as("decision tables deployed twice").isEmpty();
    assertThat(db.duplicates("act_re_deployment", "name_", null)).as("deployments").isEmpty();
    assertThat(db.count("SELECT COUNT(*) FROM act_re_procdef")).isEqualTo(resources("bpmn/**/*.bpmn"));
    assertThat(db.duplicates("ronghe_schema_history", "version", null)).as("Flyway migrations run twice").isEmpty();
    assertThat(db.count("SELECT COUNT(*) FROM ronghe_schema_history WHERE success AND script LIKE 'V%'"))
        .isEqualTo(resources("db/migration/common/V*.sql"));

    Map<String, Long> registry = registryRecords();
    assertThat(db.count("SELECT COUNT(*) FROM org_street")).isEqualTo(registry.get("street"));
    assertThat(db.count("SELECT COUNT(*) FROM org_community")).isEqualTo(registry.get("community"));
    assertThat(db.count("SELECT COUNT(*) FROM org_unit")).isEqualTo(registry.get("unit"));
    assertThat(db.count("SELECT COUNT(*) FROM org_pairing")).isEqualTo(registry.get("pairing"));
    assertThat(db.count("SELECT COUNT(*) FROM org_registry_version")).isOne();
    assertThat(db.count("SELECT COUNT(*) FROM act_id_group WHERE id_ LIKE 'community-%'"))
        .isEqualTo(registry.get("community"));

    assertThat(db.count("SELECT COUNT(*) FROM act_id_user WHERE id_ IN ('admin', 'minzheng', 'dongcang')")).isEqualTo(3);
    assertThat(db.duplicates("act_ru_filter", "name_, COALESCE(owner_, '')", null)).as("Tasklist filters").isEmpty();
    assertThat(db.duplicates("act_ru_authorization", "type_, COALESCE(group_id_, ''), COALESCE(user_id_, ''), "
        + "resource_type_, resource_id_", null)).as("authorizations").isEmpty();
    assertThat(db.count("SELECT COUNT(*) FROM adm_catalogue_version WHERE change_kind = 'INITIAL'")).isOne();
    assertThat(db.count("SELECT COUNT(*) FROM career_worker")).as("demo workers").isPositive();
    assertThat(db.duplicates("career_worker", "name, community_code, birth_date", null)).as("demo workers twice")
        .isEmpty();
    assertNothingDuplicated();
  }

  @Test
  @Order(2)
  void aNodeKilledWhileGradesAreAppliedLeavesItsJobsToTheOther() {
    assertThat(a.alive() && b.alive()).as("both nodes run (see the start test)").isTrue();
    ClusterReview review = new ClusterReview(db, List.of(a, b), adminPassword);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    int year = today.getYear() - 1;
    Map<String, String> communities = new LinkedHashMap<>();
    db.jdbc().sql("SELECT code, street_code FROM org_community WHERE active ORDER BY code")
        .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list()
        .forEach(e -> communities.put(e.getKey(), e.getValue()));
    GeneratedWorkers workers = GeneratedWorkers.of(communities, PER_COMMUNITY);

    // Nothing but this test starts a review: the daily timer would start a city-wide one from 20 January.
    review.setPolicy("career.review.auto-start-enabled", "0");
    review.importWorkers(workers.workerFile(year));
    review.importAssessments(year - 1, workers.assessmentFiles(false));
    db.jdbc().sql("ANALYZE").update();

    long started = System.nanoTime();
    String cycleNo;
    long beforeApply;
    Failover failover;
    // Watched until the kill, and stopped whatever fails on the way there.
    try (Failover.LockWatch watch = new Failover.LockWatch(db)) {
      // In the future even if the date changes during the test: the changes wait for the timer the test moves.
      cycleNo = review.start(year, workers.ids(), today.plusDays(2).toString());
      Map<String, String> streets = review.awaitStreetsOpen(cycleNo, a, b);
      review.enterResults(year, streets, workers.assessmentFiles(true));
      review.approveAll(cycleNo, streets, a, b);
      review.endNotices(cycleNo, a, b);
      beforeApply = db.count(jobsDoneBy("node-a")) + db.count(jobsDoneBy("node-b"));
      // Small chunks from here on: some 1,300 short jobs instead of 25 long ones, so the kill lands among them.
      review.setPolicy("career.review.chunk-size", "3");
      review.effectiveNow(cycleNo, a, b);

      failover = Failover.killDuring(db, List.of(a, b), cycleNo, workers.changes(), watch);
    }
    String survivor = a.name().equals(failover.victim()) ? b.name() : a.name();
    ClusterDatabase.await("the cycle to complete on " + survivor + " alone", ClusterReview.PHASE, 250,
        () -> "COMPLETED".equals(db.jdbc().sql("SELECT status FROM career_review_cycle WHERE cycle_no = :c")
            .param("c", cycleNo).query(String.class).single()), () -> review.stages(cycleNo), a, b);
    double total = (System.nanoTime() - started) / 1e9;
    failover.completed();

    results.add("failover", "workers processed", workers.workers().size(), "");
    results.add("failover", "grade changes applied", workers.changes(), "");
    results.add("failover", "node killed", failover.victim());
    results.add("failover", "jobs run by " + failover.victim() + " before the kill",
        db.count(jobsDoneBy(failover.victim())), "");
    results.add("failover", "jobs run by " + survivor, db.count(jobsDoneBy(survivor)), "");
    results.add("failover", "jobs run before the apply phase (open, propose, notices)", beforeApply, "");
    failover.report(results, survivor);
    results.add("failover", "cycle start → completed", total, "s");

    assertCycleAppliedOnce(cycleNo, year, workers);
    assertThat(db.count("SELECT COUNT(*) FROM act_ru_incident")).as(review.stages(cycleNo)).isZero();
    assertThat(failover.jobsHeldByKilledNode()).as(failover.victim() + " died holding jobs").isPositive();
    assertThat(db.duplicates("act_hi_job_log", "job_id_", "job_state_ = 2")).as("a job that succeeded twice").isEmpty();
    assertNothingDuplicated();
  }

  private void assertCycleAppliedOnce(String cycleNo, int year, GeneratedWorkers workers) {
    Map<String, String> stages = new HashMap<>();
    Map<String, Long> history = new HashMap<>();
    Map<String, Integer> grades = new HashMap<>();
    db.jdbc().sql("SELECT r.worker_id, r.stage, w.grade, (SELECT COUNT(*) FROM career_grade_history h WHERE "
        + "h.worker_id = r.worker_id AND h.case_no = r.case_no) FROM career_review r JOIN career_worker w ON "
        + "w.worker_id = r.worker_id WHERE r.cycle_no = :c").param("c", cycleNo).query(rs -> {
          stages.put(rs.getString(1), rs.getString(2));
          grades.put(rs.getString(1), rs.getInt(3));
          history.put(rs.getString(1), rs.getLong(4));
        });
    Map<String, String> expectedStages = new HashMap<>();
    Map<String, Long> expectedHistory = new HashMap<>();
    Map<String, Integer> expectedGrades = new HashMap<>();
    for (GeneratedWorkers.Worker w : workers.workers()) {
      expectedStages.put(w.id(), w.changes() ? "EFFECTIVE" : "NO_CHANGE");
      expectedHistory.put(w.id(), w.changes() ? 1L : 0L);
      expectedGrades.put(w.id(), w.grade() + ("优秀".equals(w.thisYear()) ? 1 : "不称职".equals(w.thisYear()) ? -1 : 0));
    }
    assertThat(stages).as("every worker's review of the cycle, final").isEqualTo(expectedStages);
    assertThat(history).as("grade history lines of the cycle per worker").isEqualTo(expectedHistory);
    assertThat(grades).as("grades after the cycle").isEqualTo(expectedGrades);
    assertThat(db.duplicates("audit_decision", "case_no, step, decision", "case_no LIKE 'NJ-" + year + "-"
        + GeneratedWorkers.ID_PREFIX + "%'")).as("a decision on a review recorded twice").isEmpty();
    assertThat(db.count("SELECT COUNT(*) FROM audit_decision WHERE decision = 'EFFECTIVE' AND case_no LIKE 'NJ-"
        + year + "-" + GeneratedWorkers.ID_PREFIX + "%'")).isEqualTo(workers.changes());
    assertThat(db.duplicates("notice_item i JOIN notice n ON n.notice_no = i.notice_no", "i.subject_key",
        "n.owner_ref = '" + cycleNo + "'")).as("a worker in two notices").isEmpty();
  }

  /** The official records a retried or doubled job could write twice. */
  private void assertNothingDuplicated() {
    assertThat(db.duplicates("adm_catalogue_version", "change_kind, summary, item_count", null)).isEmpty();
    assertThat(db.duplicates("adm_catalogue_item", "version_no, code", null)).isEmpty();
    assertThat(db.duplicates("adm_catalogue_item", "version_no, name, department_code", null)).isEmpty();
    assertThat(db.duplicates("ev_cycle", "eval_year, scope_type, COALESCE(scope_code, ''), period_from", null))
        .isEmpty();
    assertThat(db.duplicates("ev_rating", "pairing_id, direction", null)).isEmpty();
    assertThat(db.duplicates("ev_rating_score", "rating_id, dimension", null)).isEmpty();
    assertThat(db.duplicates("career_grade_history", "worker_id, change_kind, COALESCE(case_no, ''), effective_date",
        null)).isEmpty();
    assertThat(db.duplicates("career_assessment", "worker_id, assess_year", null)).isEmpty();
  }

  static String jobsDoneBy(String host) {
    return "SELECT COUNT(*) FROM act_hi_job_log WHERE job_state_ = 2 AND hostname_ = '" + host + "'";
  }

  private static long resources(String pattern) throws IOException {
    return new PathMatchingResourcePatternResolver().getResources("classpath*:" + pattern).length;
  }

  /** Records per type in the registry file the app seeds from. */
  private static Map<String, Long> registryRecords() throws IOException {
    Map<String, Long> counts = new HashMap<>();
    try (InputStream in = ClusterIT.class.getResourceAsStream("/data/registry.csv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String type = line.split(",", 2)[0].strip();
        if (!type.isEmpty() && !type.startsWith("#") && !"record_type".equals(type)) {
          counts.merge(type, 1L, Long::sum);
        }
      }
    }
    return counts;
  }
}
