package cn.ronghe.evaluation;

import cn.ronghe.cobuilding.Times;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Tables ev_cycle, ev_cycle_street, ev_pairing, ev_rating, ev_rating_score and ev_adjustment. */
@Repository
public class EvaluationRepository {

  private static final String CYCLE_SELECT = "SELECT id, cycle_no, eval_year, period_from, period_to, scope_type, "
      + "scope_code, scope_label, trigger_kind, status, pairing_count, opened_count, rated_count, rating_reminder, "
      + "rating_due, rating_close, process_instance_id, started_by, started_at, published_by, published_at, "
      + "publish_note FROM ev_cycle";
  private static final String PAIRING_SELECT = "SELECT p.id, p.cycle_id, c.cycle_no, c.eval_year, p.unit_code, "
      + "p.unit_name, p.community_code, p.community_name, p.street_code, p.state, p.business_key, "
      + "p.process_instance_id, p.unit_reported, p.unit_score, p.unit_grade, p.unit_final_grade, p.community_score, "
      + "p.community_grade, p.community_final_grade FROM ev_pairing p JOIN ev_cycle c ON c.id = p.cycle_id";

  /** What a new cycle is registered with. */
  record NewCycle(String cycleNo, int year, LocalDate from, LocalDate to, String scopeType, String scopeCode,
      String scopeLabel, String trigger, LocalDateTime reminder, LocalDateTime due, LocalDateTime close,
      String processInstanceId, String startedBy) {
  }

  /** A pairing to evaluate, as copied from the registry when the cycle opens. */
  record NewPairing(String unitCode, String unitName, String communityCode, String communityName,
      String streetCode, String businessKey) {
  }

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  EvaluationRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  // --- cycles -------------------------------------------------------------------------------------------

  /** Street code → number of the cycle that covers it in the year. */
  Map<String, String> coveredStreets(int year) {
    Map<String, String> covered = new LinkedHashMap<>();
    jdbc.sql("SELECT s.street_code, c.cycle_no FROM ev_cycle_street s JOIN ev_cycle c ON c.id = s.cycle_id "
            + "WHERE s.eval_year = :y ORDER BY s.street_code").param("y", year)
        .query((rs, i) -> covered.put(rs.getString(1), rs.getString(2))).list();
    return covered;
  }

  long insertCycle(NewCycle c, List<String> streets, List<NewPairing> pairings) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO ev_cycle (cycle_no, eval_year, period_from, period_to, scope_type, scope_code, scope_label, "
            + "trigger_kind, status, pairing_count, rating_reminder, rating_due, rating_close, process_instance_id, "
            + "started_by, started_at) VALUES (:no, :y, :f, :t, :st, :sc, :sl, :tr, 'OPENING', :n, :rr, :rd, :rc, :pid, :by, :at)")
        .param("no", c.cycleNo()).param("y", c.year()).param("f", c.from()).param("t", c.to())
        .param("st", c.scopeType()).param("sc", c.scopeCode()).param("sl", c.scopeLabel()).param("tr", c.trigger())
        .param("n", pairings.size()).param("rr", c.reminder()).param("rd", c.due()).param("rc", c.close())
        .param("pid", c.processInstanceId()).param("by", c.startedBy()).param("at", Times.now())
        .update(keys, "id");
    long id = keys.getKey().longValue();
    template.batchUpdate("INSERT INTO ev_cycle_street (cycle_id, eval_year, street_code) VALUES (?, ?, ?)",
        streets.stream().map(s -> new Object[] {id, c.year(), s}).toList());
    template.batchUpdate("INSERT INTO ev_pairing (cycle_id, unit_code, unit_name, community_code, community_name, "
            + "street_code, business_key, state) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING')",
        pairings.stream().map(p -> new Object[] {id, p.unitCode(), p.unitName(), p.communityCode(),
            p.communityName(), p.streetCode(), p.businessKey()}).toList());
    return id;
  }

  public Optional<Cycle> cycle(long id) {
    return jdbc.sql(CYCLE_SELECT + " WHERE id = :id").param("id", id).query(EvaluationRepository::cycle).optional();
  }

  public Optional<Cycle> cycle(String cycleNo) {
    return jdbc.sql(CYCLE_SELECT + " WHERE cycle_no = :n").param("n", cycleNo).query(EvaluationRepository::cycle)
        .optional();
  }

  public List<Cycle> cycles() {
    return jdbc.sql(CYCLE_SELECT + " ORDER BY eval_year DESC, id DESC").query(EvaluationRepository::cycle).list();
  }

  public List<String> cycleStreets(long cycleId) {
    return jdbc.sql("SELECT s.street_code FROM ev_cycle_street s JOIN org_street o ON o.code = s.street_code "
            + "WHERE s.cycle_id = :c ORDER BY o.sort_order").param("c", cycleId).query(String.class).list();
  }

  void status(long cycleId, String status) {
    jdbc.sql("UPDATE ev_cycle SET status = :s WHERE id = :id").param("s", status).param("id", cycleId).update();
  }

  void streetReviewed(long cycleId, String street, String actor, String note) {
    jdbc.sql("UPDATE ev_cycle_street SET reviewed_by = :by, reviewed_at = :at, review_note = :n "
            + "WHERE cycle_id = :c AND street_code = :s")
        .param("by", actor).param("at", Times.now()).param("n", note).param("c", cycleId).param("s", street).update();
  }

  void published(long cycleId, String actor, String note) {
    jdbc.sql("UPDATE ev_cycle SET status = 'PUBLISHED', published_by = :by, published_at = :at, publish_note = :n "
            + "WHERE id = :id").param("by", actor).param("at", Times.now()).param("n", note).param("id", cycleId).update();
  }

  // --- pairings -----------------------------------------------------------------------------------------

  List<PairingResult> pairingsInState(long cycleId, String state, int limit) {
    return jdbc.sql(PAIRING_SELECT + " WHERE p.cycle_id = :c AND p.state = :s ORDER BY p.id FETCH FIRST "
            + limit + " ROWS ONLY").param("c", cycleId).param("s", state).query(EvaluationRepository::pairing).list();
  }

  int countInState(long cycleId, String state) {
    return jdbc.sql("SELECT COUNT(*) FROM ev_pairing WHERE cycle_id = :c AND state = :s")
        .param("c", cycleId).param("s", state).query(Integer.class).single();
  }

  /** @return false when the pairing had left the expected state (a retried job) */
  boolean moveState(long pairingId, String from, String to) {
    return jdbc.sql("UPDATE ev_pairing SET state = :to WHERE id = :id AND state = :from")
        .param("to", to).param("id", pairingId).param("from", from).update() == 1;
  }

  void opened(long pairingId, String processInstanceId) {
    jdbc.sql("UPDATE ev_pairing SET state = 'OPEN', process_instance_id = :pid WHERE id = :id AND state = 'PENDING'")
        .param("pid", processInstanceId).param("id", pairingId).update();
  }

  void addOpened(long cycleId, int n) {
    jdbc.sql("UPDATE ev_cycle SET opened_count = opened_count + :n WHERE id = :id").param("n", n)
        .param("id", cycleId).update();
  }

  void addNotified(long cycleId, int n) {
    jdbc.sql("UPDATE ev_cycle SET notified_count = notified_count + :n WHERE id = :id").param("n", n)
        .param("id", cycleId).update();
  }

  /**
   * Counts one more pairing as done. The UPDATE takes the cycle row's lock until the transaction ends, so of
   * two pairings finishing at once the second reads the first one's count: exactly one sees the last.
   *
   * @return true when this was the last pairing of the cycle
   */
  boolean countRated(long cycleId) {
    jdbc.sql("UPDATE ev_cycle SET rated_count = rated_count + 1 WHERE id = :id").param("id", cycleId).update();
    return jdbc.sql("SELECT rated_count - pairing_count FROM ev_cycle WHERE id = :id").param("id", cycleId)
        .query(Integer.class).single() == 0;
  }

  public Optional<PairingResult> pairing(long id) {
    return jdbc.sql(PAIRING_SELECT + " WHERE p.id = :id").param("id", id).query(EvaluationRepository::pairing)
        .optional();
  }

  public Optional<PairingResult> pairing(long cycleId, String unitCode, String communityCode) {
    return jdbc.sql(PAIRING_SELECT + " WHERE p.cycle_id = :c AND p.unit_code = :u AND p.community_code = :m")
        .param("c", cycleId).param("u", unitCode).param("m", communityCode).query(EvaluationRepository::pairing)
        .optional();
  }

  /** Both evaluations are in: their results become the pairing's grades (final until a street adjusts them). */
  void rated(long pairingId, boolean unitReported, RatingRecord ofUnit, RatingRecord ofCommunity) {
    jdbc.sql("UPDATE ev_pairing SET state = 'RATED', unit_reported = :r, unit_score = :us, unit_grade = :ug, "
            + "unit_final_grade = :ug, community_score = :cs, community_grade = :cg, community_final_grade = :cg "
            + "WHERE id = :id AND state = 'OPEN'")
        .param("r", unitReported).param("us", ofUnit.totalScore()).param("ug", ofUnit.grade())
        .param("cs", ofCommunity.totalScore()).param("cg", ofCommunity.grade()).param("id", pairingId).update();
  }

  List<PairingResult> results(long cycleId, String street) {
    String where = street == null ? "" : " AND p.street_code = :s";
    var spec = jdbc.sql(PAIRING_SELECT + " WHERE p.cycle_id = :c" + where + " ORDER BY p.street_code, "
        + "p.community_code, p.unit_code").param("c", cycleId);
    if (street != null) {
      spec = spec.param("s", street);
    }
    return spec.query(EvaluationRepository::pairing).list();
  }

  /** Published results of one unit or one community over all cycles, newest first. */
  public List<PairingResult> history(String unitCode, String communityCode) {
    String where = unitCode != null ? "p.unit_code = :code" : "p.community_code = :code";
    return jdbc.sql(PAIRING_SELECT + " WHERE " + where + " AND c.status = 'PUBLISHED' AND p.state = 'PUBLISHED' "
            + "ORDER BY c.eval_year DESC, p.community_code, p.unit_code")
        .param("code", unitCode != null ? unitCode : communityCode).query(EvaluationRepository::pairing).list();
  }

  /** Published results of every pairing between two years, for the organisation department's export. */
  public List<PairingResult> publishedBetween(int fromYear, int toYear, String street) {
    String where = street == null ? "" : " AND p.street_code = :s";
    var spec = jdbc.sql(PAIRING_SELECT + " WHERE c.status = 'PUBLISHED' AND p.state = 'PUBLISHED' AND c.eval_year "
        + "BETWEEN :f AND :t" + where + " ORDER BY c.eval_year, p.street_code, p.community_code, p.unit_code")
        .param("f", fromYear).param("t", toYear);
    if (street != null) {
      spec = spec.param("s", street);
    }
    return spec.query(EvaluationRepository::pairing).list();
  }

  // --- ratings ------------------------------------------------------------------------------------------

  public Optional<RatingRecord> rating(long pairingId, RatingDirection direction) {
    return jdbc.sql("SELECT id, pairing_id, direction, status, total_score, grade, capped, rating_comment, late, "
            + "submitted_by, submitted_at, rule_version FROM ev_rating WHERE pairing_id = :p AND direction = :d")
        .param("p", pairingId).param("d", direction.name())
        .query((rs, i) -> new RatingRecord(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
            rs.getBigDecimal(5), rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getBoolean(9),
            rs.getString(10), local(rs.getTimestamp(11)), rs.getString(12), scores(rs.getLong(1))))
        .optional();
  }

  /** Records an evaluation once: a retried job finds it there and leaves it. */
  boolean saveRating(long pairingId, RatingDirection direction, String status, ScoringRules.Result result,
      String comment, boolean late, String actor, String processInstanceId, Map<String, Integer> scores,
      List<WeightedTotal.Weight> weights) {
    if (rating(pairingId, direction).isPresent()) {
      return false;
    }
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO ev_rating (pairing_id, direction, status, total_score, grade, capped, rating_comment, late, "
            + "submitted_by, submitted_at, rule_version, process_instance_id) "
            + "VALUES (:p, :d, :s, :t, :g, :cap, :c, :late, :by, :at, :v, :pid)")
        .param("p", pairingId).param("d", direction.name()).param("s", status)
        .param("t", result == null ? null : result.total()).param("g", result == null ? null : result.grade().name())
        .param("cap", result != null && result.capped()).param("c", comment).param("late", late).param("by", actor)
        .param("at", Times.now()).param("v", result == null ? null : cut(result.ruleVersion(), 200))
        .param("pid", processInstanceId).update(keys, "id");
    long id = keys.getKey().longValue();
    List<Object[]> rows = new ArrayList<>();
    for (WeightedTotal.Weight w : weights) {
      if (scores.containsKey(w.dimension())) {
        rows.add(new Object[] {id, w.dimension(), scores.get(w.dimension()), w.weight()});
      }
    }
    template.batchUpdate("INSERT INTO ev_rating_score (rating_id, dimension, score, weight) VALUES (?, ?, ?, ?)", rows);
    return true;
  }

  private Map<String, Integer> scores(long ratingId) {
    Map<String, Integer> scores = new LinkedHashMap<>();
    jdbc.sql("SELECT dimension, score FROM ev_rating_score WHERE rating_id = :r ORDER BY dimension")
        .param("r", ratingId).query((rs, i) -> scores.put(rs.getString(1), rs.getInt(2))).list();
    return scores;
  }

  /** Pairing id → notes on its evaluations (missing, late, capped) in one street of a cycle. */
  Map<Long, List<String>> ratingNotes(long cycleId, String street) {
    Map<Long, List<String>> notes = new LinkedHashMap<>();
    jdbc.sql("SELECT r.pairing_id, r.direction, r.status, r.late, r.capped FROM ev_rating r "
            + "JOIN ev_pairing p ON p.id = r.pairing_id WHERE p.cycle_id = :c AND p.street_code = :s "
            + "ORDER BY r.pairing_id, r.direction")
        .param("c", cycleId).param("s", street)
        .query((rs, i) -> {
          String who = "C2U".equals(rs.getString(2)) ? "社区" : "单位";
          List<String> list = notes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
          if ("MISSING".equals(rs.getString(3))) {
            list.add(who + "缺评");
          } else if (rs.getBoolean(4)) {
            list.add(who + "逾期评价");
          }
          if (rs.getBoolean(5)) {
            list.add("单位未到社区报到，最高一般");
          }
          return null;
        }).list();
    return notes;
  }

  // --- adjustments --------------------------------------------------------------------------------------

  void adjust(long pairingId, RatingDirection.RatedSide side, String oldGrade, String newGrade, String reason,
      String actor) {
    jdbc.sql("INSERT INTO ev_adjustment (pairing_id, rated_side, old_grade, new_grade, reason, adjusted_by, adjusted_at) "
            + "VALUES (:p, :s, :o, :n, :r, :by, :at)")
        .param("p", pairingId).param("s", side.name()).param("o", oldGrade).param("n", newGrade).param("r", reason)
        .param("by", actor).param("at", Times.now()).update();
    String column = side == RatingDirection.RatedSide.UNIT ? "unit_final_grade" : "community_final_grade";
    jdbc.sql("UPDATE ev_pairing SET " + column + " = :g WHERE id = :id").param("g", newGrade).param("id", pairingId)
        .update();
  }

  public List<Map<String, Object>> adjustments(long pairingId) {
    return jdbc.sql("SELECT rated_side, old_grade, new_grade, reason, adjusted_by, adjusted_at FROM ev_adjustment "
            + "WHERE pairing_id = :p ORDER BY id").param("p", pairingId)
        .query((rs, i) -> Map.<String, Object>of("ratedSide", rs.getString(1), "oldGrade", rs.getString(2),
            "newGrade", rs.getString(3), "reason", rs.getString(4), "adjustedBy", rs.getString(5),
            "adjustedAt", rs.getTimestamp(6).toLocalDateTime()))
        .list();
  }

  // --- mapping ------------------------------------------------------------------------------------------

  static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static LocalDateTime local(Timestamp t) {
    return t == null ? null : t.toLocalDateTime();
  }

  private static Cycle cycle(ResultSet rs, int i) throws SQLException {
    return new Cycle(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getDate(4).toLocalDate(),
        rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
        rs.getString(10), rs.getInt(11), rs.getInt(12), rs.getInt(13), local(rs.getTimestamp(14)),
        local(rs.getTimestamp(15)), local(rs.getTimestamp(16)), rs.getString(17), rs.getString(18),
        local(rs.getTimestamp(19)), rs.getString(20), local(rs.getTimestamp(21)), rs.getString(22));
  }

  private static PairingResult pairing(ResultSet rs, int i) throws SQLException {
    Object reported = rs.getObject(13);
    return new PairingResult(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
        rs.getString(12), reported == null ? null : rs.getBoolean(13), rs.getBigDecimal(14), rs.getString(15),
        rs.getString(16), rs.getBigDecimal(17), rs.getString(18), rs.getString(19));
  }
}
