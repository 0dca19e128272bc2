package cn.ronghe.evaluation;

import cn.ronghe.cobuilding.Times;
import cn.ronghe.organisation.Community;
import cn.ronghe.organisation.Pairing;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.organisation.Street;
import cn.ronghe.organisation.Unit;
import cn.ronghe.platform.DatabaseLock;
import cn.ronghe.platform.audit.DecisionLog;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo evaluation data: the published city-wide cycles of the last two years, imported as records (as from the
 * spreadsheets the city kept), so reports show results over cycles; then the running 娄东街道 cycle of this
 * year (see {@link EvaluationDemoLive}). Seeds once, on an empty database, after the co-building demo.
 */
@Component
@Order(110)
@ConditionalOnProperty(name = "ronghe.demo.enabled", havingValue = "true")
class EvaluationDemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(EvaluationDemoData.class);
  static final String REVIEWER = "import";

  private final JdbcTemplate jdbc;
  private final RegistryRepository registry;
  private final ScoringRules scoring;
  private final EvaluationRepository repository;
  private final DecisionLog decisions;
  private final DatabaseLock lock;
  private final TransactionTemplate tx;
  private final EvaluationDemoLive live;
  private final boolean liveProcesses;
  /** The same direction, total and report status always give the same grade: ask the rules once for each. */
  private final Map<String, ScoringRules.Result> grades = new java.util.HashMap<>();

  EvaluationDemoData(JdbcTemplate jdbc, RegistryRepository registry, ScoringRules scoring,
      EvaluationRepository repository, DecisionLog decisions, DatabaseLock lock, TransactionTemplate tx,
      EvaluationDemoLive live, @Value("${ronghe.evaluation.demo-processes:true}") boolean liveProcesses) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.scoring = scoring;
    this.repository = repository;
    this.decisions = decisions;
    this.lock = lock;
    this.tx = tx;
    this.live = live;
    this.liveProcesses = liveProcesses;
  }

  @Override
  public void run(ApplicationArguments args) {
    int year = Times.today().getYear();
    Boolean seeded = tx.execute(status -> {
      lock.acquire("startup");
      if (jdbc.queryForObject("SELECT COUNT(*) FROM ev_cycle", Integer.class) > 0) {
        return false;
      }
      importCycle(year - 2, 1);
      importCycle(year - 1, 2);
      return true;
    });
    if (Boolean.TRUE.equals(seeded) && liveProcesses) {
      live.run(year);
    }
    if (Boolean.TRUE.equals(seeded)) {
      log.info("Seeded the evaluation demo: published cycles {} and {}, the running 娄东街道 cycle of {}", year - 2,
          year - 1, year);
    }
  }

  /** Quality of a body (0–100) that makes its scores plausible and stable over the years. */
  static int quality(String code, int year) {
    Random r = new Random(code.hashCode() * 31L + year);
    return 52 + Math.floorMod(code.hashCode(), 44) + r.nextInt(7) - 3;
  }

  static int[] scores(int quality, Random rnd) {
    int[] s = new int[4];
    for (int i = 0; i < 4; i++) {
      s[i] = Math.max(0, Math.min(100, quality + rnd.nextInt(13) - 6));
    }
    return s;
  }

  private void importCycle(int year, int seed) {
    Random rnd = new Random(year * 7L + seed);
    String cycleNo = "KP-" + year + "-0001";
    LocalDateTime started = LocalDate.of(year, 12, 1).atTime(9, 0);
    LocalDateTime published = LocalDate.of(year + 1, 1, 16).atTime(10, 0);
    List<Street> streets = registry.streets();
    List<Pairing> pairings = registry.pairings(null, null);
    jdbc.update("INSERT INTO ev_cycle (cycle_no, eval_year, period_from, period_to, scope_type, scope_label, trigger_kind, "
            + "status, pairing_count, opened_count, rated_count, notified_count, rating_reminder, rating_due, rating_close, "
            + "started_by, started_at, published_by, published_at, publish_note) VALUES (?, ?, ?, ?, 'CITY', '全市', 'IMPORT', "
            + "'PUBLISHED', ?, ?, ?, ?, ?, ?, ?, 'zuzhibu', ?, 'zuzhibu', ?, ?)",
        cycleNo, year, java.sql.Date.valueOf(LocalDate.of(year, 1, 1)), java.sql.Date.valueOf(LocalDate.of(year, 12, 31)),
        pairings.size(), pairings.size(), pairings.size(), pairings.size(), Timestamp.valueOf(started.plusDays(17)),
        Timestamp.valueOf(started.plusDays(21).withHour(17)), Timestamp.valueOf(started.plusDays(28).withHour(17)),
        Timestamp.valueOf(started), Timestamp.valueOf(published), "经各镇街大工委审核，" + year + " 年度双向考评结果予以发布（由考评台账导入）");
    long cycleId = jdbc.queryForObject("SELECT id FROM ev_cycle WHERE cycle_no = ?", Long.class, cycleNo);
    jdbc.batchUpdate("INSERT INTO ev_cycle_street (cycle_id, eval_year, street_code, reviewed_by, reviewed_at, review_note) "
        + "VALUES (?, ?, ?, ?, ?, ?)", streets.stream().map(s -> new Object[] {cycleId, year, s.code(), REVIEWER,
            Timestamp.valueOf(published.minusDays(5)), s.name() + "大工委已审核"}).toList());

    Map<String, Unit> units = registry.units(null).stream().collect(Collectors.toMap(Unit::code, Function.identity()));
    Map<String, Community> communities = registry.communities(null).stream()
        .collect(Collectors.toMap(Community::code, Function.identity()));
    java.util.Set<String> reportedPairs = new java.util.HashSet<>(jdbc.queryForList("SELECT DISTINCT unit_code || '|' || "
        + "community_code FROM cb_contact WHERE contact_date BETWEEN ? AND ?", String.class, LocalDate.of(year, 1, 1),
        LocalDate.of(year, 12, 31)));
    List<Object[]> pairingRows = new ArrayList<>();
    for (Pairing p : pairings) {
      Unit u = units.get(p.unitCode());
      Community c = communities.get(p.communityCode());
      pairingRows.add(new Object[] {cycleId, u.code(), c.code(), c.streetCode(), u.name(), c.name(),
          CycleDelegates.pairingKey(year, u.code(), c.code()), reportedPairs.contains(u.code() + "|" + c.code())});
    }
    jdbc.batchUpdate("INSERT INTO ev_pairing (cycle_id, unit_code, community_code, street_code, unit_name, community_name, "
        + "business_key, state, unit_reported) VALUES (?, ?, ?, ?, ?, ?, ?, 'PUBLISHED', ?)", pairingRows);
    List<PairingResult> saved = repository.results(cycleId, null);
    List<Object[]> ratingRows = new ArrayList<>();
    List<Object[]> gradeRows = new ArrayList<>();
    Map<Long, Map<String, Integer>> scoresOf = new java.util.HashMap<>();
    int adjusted = 0;
    for (PairingResult p : saved) {
      boolean reported = Boolean.TRUE.equals(p.unitReported());
      Object[] ofUnit = rate(p, RatingDirection.C2U, quality(p.unitCode(), year), reported, rnd, started, ratingRows, scoresOf);
      Object[] ofCommunity = rate(p, RatingDirection.U2C, quality(p.communityCode(), year), reported, rnd, started,
          ratingRows, scoresOf);
      String unitFinal = (String) ofUnit[1];
      if (adjusted < 3 && "GOOD".equals(ofUnit[1]) && ((java.math.BigDecimal) ofUnit[0]).doubleValue() >= 87) {
        adjusted++;
        unitFinal = "EXCELLENT";
        jdbc.update("INSERT INTO ev_adjustment (pairing_id, rated_side, old_grade, new_grade, reason, adjusted_by, adjusted_at) "
            + "VALUES (?, 'UNIT', 'GOOD', 'EXCELLENT', ?, ?, ?)", p.id(), "该单位牵头完成" + registry.street(p.streetCode())
            .map(Street::name).orElse(p.streetCode()) + "年度重点共建项目，经大工委研究上调为优秀", REVIEWER,
            Timestamp.valueOf(published.minusDays(6)));
      }
      gradeRows.add(new Object[] {ofUnit[0], ofUnit[1], unitFinal, ofCommunity[0], ofCommunity[1], ofCommunity[1], p.id()});
      for (RatingDirection d : RatingDirection.values()) {
        String grade = (String) (d == RatingDirection.C2U ? ofUnit : ofCommunity)[1];
        if (Grade.POOR.name().equals(grade)) {
          jdbc.update("INSERT INTO ev_rectification (pairing_id, rated_side, status, rounds, due_at, measures, submitted_by, "
              + "submitted_at, checked_by, checked_at, check_opinion) VALUES (?, ?, 'ACCEPTED', 1, ?, ?, ?, ?, ?, ?, ?)",
              p.id(), d.rated().name(), Timestamp.valueOf(published.plusDays(30)), "落实专人对接，按季度报到，补办承诺的共建活动",
              d == RatingDirection.C2U ? p.unitCode() : p.communityCode(), Timestamp.valueOf(published.plusDays(25)),
              REVIEWER, Timestamp.valueOf(published.plusDays(32)), "整改到位，同意销号");
        }
      }
    }
    jdbc.batchUpdate("UPDATE ev_pairing SET unit_score = ?, unit_grade = ?, unit_final_grade = ?, community_score = ?, "
        + "community_grade = ?, community_final_grade = ? WHERE id = ?", gradeRows);
    jdbc.batchUpdate("INSERT INTO ev_rating (pairing_id, direction, status, total_score, grade, capped, rating_comment, late, "
        + "submitted_by, submitted_at, rule_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ratingRows);
    List<Object[]> scoreRows = new ArrayList<>();
    jdbc.query("SELECT r.id, r.pairing_id, r.direction FROM ev_rating r JOIN ev_pairing p ON p.id = r.pairing_id "
        + "WHERE p.cycle_id = ?", rs -> {
          Map<String, Integer> scores = scoresOf.get(rs.getLong(2) * 2 + ("C2U".equals(rs.getString(3)) ? 0 : 1));
          List<WeightedTotal.Weight> weights = scoring.weights(RatingDirection.valueOf(rs.getString(3)));
          for (WeightedTotal.Weight w : weights) {
            if (scores != null && scores.containsKey(w.dimension())) {
              scoreRows.add(new Object[] {rs.getLong(1), w.dimension(), scores.get(w.dimension()), w.weight()});
            }
          }
        }, cycleId);
    jdbc.batchUpdate("INSERT INTO ev_rating_score (rating_id, dimension, score, weight) VALUES (?, ?, ?, ?)", scoreRows);
    decisions.record(cycleNo, EvaluationProcesses.CYCLE, null, "Import", "IMPORTED", year + " 年度全市双向考评结果由考评台账导入（"
        + pairings.size() + " 个结对）", "zuzhibu", "evaluation-weights/evaluation-grade as deployed");
  }

  /** Scores one imported evaluation; returns {total, grade} and queues its row. */
  private Object[] rate(PairingResult p, RatingDirection direction, int quality, boolean reported, Random rnd,
      LocalDateTime started, List<Object[]> ratingRows, Map<Long, Map<String, Integer>> scoresOf) {
    boolean missing = rnd.nextInt(60) == 0;
    List<WeightedTotal.Weight> weights = scoring.weights(direction);
    Map<String, Integer> scores = new LinkedHashMap<>();
    ScoringRules.Result result;
    if (missing) {
      result = scoring.scoreImported(direction, Map.of(), reported);
    } else {
      int[] s = scores(quality, rnd);
      for (int i = 0; i < weights.size(); i++) {
        scores.put(weights.get(i).dimension(), s[i % 4]);
      }
      java.math.BigDecimal total = WeightedTotal.of(weights, scores);
      result = grades.computeIfAbsent(direction + "|" + total + "|" + reported,
          k -> scoring.scoreImported(direction, scores, reported));
    }
    scoresOf.put(p.id() * 2 + (direction == RatingDirection.C2U ? 0 : 1), scores);
    boolean low = scores.values().stream().anyMatch(v -> v < 60);
    ratingRows.add(new Object[] {p.id(), direction.name(), missing ? "MISSING" : "SUBMITTED", result.total(),
        result.grade().name(), result.capped(), low ? "部分共建任务未落实，日常联系不够紧密" : null, missing,
        missing ? "system" : "import", Timestamp.valueOf(started.plusDays(3 + rnd.nextInt(15))),
        EvaluationRepository.cut(result.ruleVersion(), 200)});
    return new Object[] {result.total(), result.grade().name()};
  }
}
