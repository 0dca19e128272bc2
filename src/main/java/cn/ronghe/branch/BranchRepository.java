package cn.ronghe.branch;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables branch_party_branch, branch_star_history, branch_negative_event, branch_rating*. */
@Repository
public class BranchRepository {

  private static final String BRANCH = "SELECT b.code, b.name, b.community_code, c.name, c.street_code, s.name, "
      + "b.kind, b.central_task, b.secretary, b.member_count, b.founded_on, b.current_stars, b.stars_year, "
      + "b.stars_since, b.active, b.sample_data FROM branch_party_branch b "
      + "JOIN org_community c ON c.code = b.community_code JOIN org_street s ON s.code = c.street_code ";
  private static final String RATING = "SELECT r.id, r.cycle_no, r.rating_year, r.branch_code, b.name, b.kind, "
      + "b.central_task, r.community_code, c.name, r.street_code, r.stage, r.self_score, r.review_score, "
      + "r.band_stars, r.street_stars, r.proposed_stars, r.negative_note, r.final_stars, r.previous_stars, "
      + "r.stage_note, r.notice_no, r.rule_version FROM branch_rating r "
      + "JOIN branch_party_branch b ON b.code = r.branch_code JOIN org_community c ON c.code = r.community_code ";

  private final JdbcClient jdbc;

  BranchRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ---- registry ----

  public List<PartyBranch> branches(String streetCode, String communityCode, String kind) {
    StringBuilder sql = new StringBuilder(BRANCH + "WHERE b.active");
    if (streetCode != null) {
      sql.append(" AND c.street_code = :s");
    }
    if (communityCode != null) {
      sql.append(" AND b.community_code = :c");
    }
    if (kind != null) {
      sql.append(" AND b.kind = :k");
    }
    var spec = jdbc.sql(sql.append(" ORDER BY s.sort_order, c.sort_order, b.code").toString());
    spec = streetCode != null ? spec.param("s", streetCode) : spec;
    spec = communityCode != null ? spec.param("c", communityCode) : spec;
    spec = kind != null ? spec.param("k", kind) : spec;
    return spec.query(BranchRepository::branch).list();
  }

  public Optional<PartyBranch> branch(String code) {
    return jdbc.sql(BRANCH + "WHERE b.code = :c").param("c", code).query(BranchRepository::branch).optional();
  }

  public int nextBranchNumber() {
    return jdbc.sql("SELECT COUNT(*) FROM branch_party_branch").query(Integer.class).single() + 1;
  }

  public void insert(PartyBranch b) {
    jdbc.sql("INSERT INTO branch_party_branch (code, name, community_code, kind, central_task, secretary, "
            + "member_count, founded_on, current_stars, stars_year, stars_since, active, sample_data) "
            + "VALUES (:code, :name, :c, :kind, :task, :sec, :members, :founded, :stars, :year, :since, :active, :sample)")
        .param("code", b.code()).param("name", b.name()).param("c", b.communityCode()).param("kind", b.kind())
        .param("task", b.centralTask()).param("sec", b.secretary()).param("members", b.memberCount())
        .param("founded", b.foundedOn()).param("stars", b.currentStars()).param("year", b.starsYear())
        .param("since", b.starsSince()).param("active", b.active()).param("sample", b.sampleData()).update();
  }

  /** Sets the current stars if they still are {@code expected}; false when someone changed them meanwhile. */
  boolean setStars(String code, Integer expected, int stars, int year, LocalDate since) {
    String guard = expected == null ? "current_stars IS NULL" : "current_stars = :e";
    var spec = jdbc.sql("UPDATE branch_party_branch SET current_stars = :s, stars_year = :y, stars_since = :d "
        + "WHERE code = :c AND " + guard).param("s", stars).param("y", year).param("d", since).param("c", code);
    return (expected == null ? spec : spec.param("e", expected)).update() == 1;
  }

  void addHistory(String branch, int year, Integer from, int to, String kind, String reason, LocalDate effective,
      String caseNo, String by, String ruleVersion, LocalDateTime at) {
    jdbc.sql("INSERT INTO branch_star_history (branch_code, rating_year, from_stars, to_stars, change_kind, reason, "
            + "effective_on, case_no, decided_by, rule_version, recorded_at) "
            + "VALUES (:b, :y, :f, :t, :k, :r, :e, :c, :by, :v, :at)")
        .param("b", branch).param("y", year).param("f", from).param("t", to).param("k", kind)
        .param("r", cut(reason, 1000)).param("e", effective).param("c", caseNo).param("by", by)
        .param("v", cut(ruleVersion, 300)).param("at", at).update();
  }

  public List<Map<String, Object>> history(String branch) {
    return jdbc.sql("SELECT rating_year, from_stars, to_stars, change_kind, reason, effective_on, case_no, "
        + "decided_by, rule_version FROM branch_star_history WHERE branch_code = :b ORDER BY id").param("b", branch)
        .query((rs, i) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("ratingYear", rs.getInt(1));
          m.put("fromStars", rs.getObject(2));
          m.put("toStars", rs.getInt(3));
          m.put("kind", rs.getString(4));
          m.put("reason", rs.getString(5));
          m.put("effectiveOn", rs.getDate(6).toLocalDate());
          m.put("caseNo", rs.getString(7));
          m.put("decidedBy", rs.getString(8));
          m.put("ruleVersion", rs.getString(9));
          return m;
        }).list();
  }

  // ---- negative list ----

  long insertEvent(String branch, StarRules.Effect effect, LocalDate occurred, String description, String by,
      LocalDateTime at, Integer before, Integer after, String ruleVersion) {
    jdbc.sql("INSERT INTO branch_negative_event (branch_code, event_type, event_label, occurred_on, description, "
            + "recorded_by, recorded_at, stars_before, stars_after, rule_version) "
            + "VALUES (:b, :t, :l, :o, :d, :by, :at, :sb, :sa, :v)")
        .param("b", branch).param("t", effect.eventType()).param("l", effect.label()).param("o", occurred)
        .param("d", description).param("by", by).param("at", at).param("sb", before).param("sa", after)
        .param("v", ruleVersion).update();
    return jdbc.sql("SELECT MAX(id) FROM branch_negative_event WHERE branch_code = :b").param("b", branch)
        .query(Long.class).single();
  }

  /** Event types of a branch that occurred in {@code year}, recorded after {@code after} (null: all). */
  List<String> eventTypes(String branch, int year, LocalDateTime after) {
    String since = after == null ? "" : " AND recorded_at > :a";
    var spec = jdbc.sql("SELECT event_type FROM branch_negative_event WHERE branch_code = :b AND occurred_on >= :f "
        + "AND occurred_on <= :t" + since + " ORDER BY id").param("b", branch)
        .param("f", LocalDate.of(year, 1, 1)).param("t", LocalDate.of(year, 12, 31));
    return (after == null ? spec : spec.param("a", after)).query(String.class).list();
  }

  public List<Map<String, Object>> events(String branch) {
    return jdbc.sql("SELECT id, event_type, event_label, occurred_on, description, recorded_by, recorded_at, "
        + "stars_before, stars_after FROM branch_negative_event WHERE branch_code = :b ORDER BY id")
        .param("b", branch).query((rs, i) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", rs.getLong(1));
          m.put("eventType", rs.getString(2));
          m.put("label", rs.getString(3));
          m.put("occurredOn", rs.getDate(4).toLocalDate());
          m.put("description", rs.getString(5));
          m.put("recordedBy", rs.getString(6));
          m.put("recordedAt", rs.getTimestamp(7).toLocalDateTime());
          m.put("starsBefore", rs.getObject(8));
          m.put("starsAfter", rs.getObject(9));
          return m;
        }).list();
  }

  // ---- cycles and ratings ----

  void insertCycle(String cycleNo, int year, String scope, String by, LocalDateTime at, String pid) {
    jdbc.sql("INSERT INTO branch_rating_cycle (cycle_no, rating_year, scope_label, status, process_instance_id, "
            + "started_by, started_at) VALUES (:c, :y, :s, 'OPEN', :p, :by, :at)")
        .param("c", cycleNo).param("y", year).param("s", scope).param("p", pid).param("by", by).param("at", at)
        .update();
  }

  void setCycleStatus(String cycleNo, String status, String noticeNo, LocalDateTime closedAt) {
    jdbc.sql("UPDATE branch_rating_cycle SET status = :s, notice_no = COALESCE(:n, notice_no), closed_at = :t "
        + "WHERE cycle_no = :c").param("s", status).param("n", noticeNo).param("t", closedAt).param("c", cycleNo)
        .update();
  }

  public Optional<Map<String, Object>> cycle(String cycleNo) {
    return jdbc.sql("SELECT cycle_no, rating_year, scope_label, status, notice_no, process_instance_id, started_by, "
        + "started_at, closed_at FROM branch_rating_cycle WHERE cycle_no = :c").param("c", cycleNo)
        .query((rs, i) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("cycleNo", rs.getString(1));
          m.put("ratingYear", rs.getInt(2));
          m.put("scope", rs.getString(3));
          m.put("status", rs.getString(4));
          m.put("noticeNo", rs.getString(5));
          m.put("processInstanceId", rs.getString(6));
          m.put("startedBy", rs.getString(7));
          m.put("startedAt", rs.getTimestamp(8).toLocalDateTime());
          m.put("closedAt", rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toLocalDateTime());
          return m;
        }).optional();
  }

  /** Branches among {@code codes} already rated (or being rated) in {@code year}. */
  List<String> alreadyRated(Collection<String> codes, int year) {
    if (codes.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT branch_code FROM branch_rating WHERE rating_year = :y AND branch_code IN (:c) "
        + "ORDER BY branch_code").param("y", year).param("c", List.copyOf(codes)).query(String.class).list();
  }

  void insertRating(String cycleNo, int year, PartyBranch b, String by, LocalDateTime at) {
    jdbc.sql("INSERT INTO branch_rating (cycle_no, rating_year, branch_code, community_code, street_code, stage, "
            + "previous_stars, updated_at, updated_by) VALUES (:c, :y, :b, :com, :s, 'SELF_DUE', :p, :at, :by)")
        .param("c", cycleNo).param("y", year).param("b", b.code()).param("com", b.communityCode())
        .param("s", b.streetCode()).param("p", b.currentStars()).param("at", at).param("by", by).update();
  }

  public List<Rating> ratings(String cycleNo, String streetCode, String communityCode, Collection<String> stages) {
    StringBuilder sql = new StringBuilder(RATING + "WHERE r.cycle_no = :cy");
    if (streetCode != null) {
      sql.append(" AND r.street_code = :s");
    }
    if (communityCode != null) {
      sql.append(" AND r.community_code = :c");
    }
    if (stages != null) {
      sql.append(" AND r.stage IN (:st)");
    }
    var spec = jdbc.sql(sql.append(" ORDER BY r.street_code, c.sort_order, r.branch_code").toString())
        .param("cy", cycleNo);
    spec = streetCode != null ? spec.param("s", streetCode) : spec;
    spec = communityCode != null ? spec.param("c", communityCode) : spec;
    spec = stages != null ? spec.param("st", List.copyOf(stages)) : spec;
    return spec.query(BranchRepository::rating).list();
  }

  public Optional<Rating> rating(long id) {
    return jdbc.sql(RATING + "WHERE r.id = :id").param("id", id).query(BranchRepository::rating).optional();
  }

  public Optional<Rating> rating(String branchCode, int year) {
    return jdbc.sql(RATING + "WHERE r.branch_code = :b AND r.rating_year = :y").param("b", branchCode)
        .param("y", year).query(BranchRepository::rating).optional();
  }

  List<String> communities(String cycleNo) {
    return jdbc.sql("SELECT DISTINCT r.community_code, c.sort_order FROM branch_rating r JOIN org_community c "
        + "ON c.code = r.community_code WHERE r.cycle_no = :c ORDER BY c.sort_order").param("c", cycleNo)
        .query((rs, i) -> rs.getString(1)).list();
  }

  List<String> streets(String cycleNo) {
    return jdbc.sql("SELECT DISTINCT r.street_code, s.sort_order FROM branch_rating r JOIN org_street s "
        + "ON s.code = r.street_code WHERE r.cycle_no = :c ORDER BY s.sort_order").param("c", cycleNo)
        .query((rs, i) -> rs.getString(1)).list();
  }

  int count(String cycleNo, Collection<String> stages) {
    return jdbc.sql("SELECT COUNT(*) FROM branch_rating WHERE cycle_no = :c AND stage IN (:s)").param("c", cycleNo)
        .param("s", List.copyOf(stages)).query(Integer.class).single();
  }

  /** Moves one rating between stages; false when it was not at {@code from} (a repeat does nothing). */
  boolean move(long id, String from, String to, String note, String by, LocalDateTime at) {
    return jdbc.sql("UPDATE branch_rating SET stage = :to, stage_note = :n, updated_at = :at, updated_by = :by "
            + "WHERE id = :id AND stage = :from")
        .param("to", to).param("n", cut(note, 1000)).param("at", at).param("by", by).param("id", id)
        .param("from", from).update() == 1;
  }

  void saveScores(long ratingId, List<StarRules.Indicator> indicators, Map<String, BigDecimal> scores,
      BigDecimal total, String by, LocalDateTime at) {
    jdbc.sql("DELETE FROM branch_rating_score WHERE rating_id = :r").param("r", ratingId).update();
    for (StarRules.Indicator i : indicators) {
      jdbc.sql("INSERT INTO branch_rating_score (rating_id, indicator_code, indicator_name, weight, score) "
              + "VALUES (:r, :c, :n, :w, :s)").param("r", ratingId).param("c", i.code()).param("n", i.name())
          .param("w", i.weight()).param("s", scores.get(i.code())).update();
    }
    jdbc.sql("UPDATE branch_rating SET self_score = :t, updated_at = :at, updated_by = :by WHERE id = :r")
        .param("t", total).param("at", at).param("by", by).param("r", ratingId).update();
  }

  public Map<String, BigDecimal> scores(long ratingId) {
    Map<String, BigDecimal> m = new LinkedHashMap<>();
    jdbc.sql("SELECT indicator_code, score FROM branch_rating_score WHERE rating_id = :r ORDER BY indicator_code")
        .param("r", ratingId).query((rs, i) -> m.put(rs.getString(1), rs.getBigDecimal(2))).list();
    return m;
  }

  void setReview(long id, BigDecimal score, int bandStars, String ruleVersion) {
    jdbc.sql("UPDATE branch_rating SET review_score = :s, band_stars = :b, street_stars = :b, rule_version = :v "
        + "WHERE id = :id").param("s", score).param("b", bandStars).param("v", cut(ruleVersion, 300)).param("id", id)
        .update();
  }

  void setStreetStars(long id, int stars) {
    jdbc.sql("UPDATE branch_rating SET street_stars = :s WHERE id = :id").param("s", stars).param("id", id).update();
  }

  void setProposed(long id, int stars, String note, LocalDateTime checkedAt) {
    jdbc.sql("UPDATE branch_rating SET proposed_stars = :s, final_stars = :s, negative_note = :n, "
            + "negative_checked_at = :t WHERE id = :id")
        .param("s", stars).param("n", cut(note, 1000)).param("t", checkedAt).param("id", id).update();
  }

  void setFinal(long id, int stars) {
    jdbc.sql("UPDATE branch_rating SET final_stars = :s WHERE id = :id").param("s", stars).param("id", id).update();
  }

  void setNotice(String cycleNo, String noticeNo) {
    jdbc.sql("UPDATE branch_rating SET notice_no = :n WHERE cycle_no = :c AND stage = 'IN_NOTICE'")
        .param("n", noticeNo).param("c", cycleNo).update();
  }

  Optional<LocalDateTime> negativeCheckedAt(long id) {
    return jdbc.sql("SELECT negative_checked_at FROM branch_rating WHERE id = :id").param("id", id)
        .query((rs, i) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toLocalDateTime()).optional();
  }

  /**
   * Star counts per street: of the current stars (year null), or of the ratings of a year that took effect.
   */
  public List<Map<String, Object>> distribution(Integer year) {
    String sql = year == null
        ? "SELECT c.street_code, s.name, b.current_stars, COUNT(*) FROM branch_party_branch b JOIN org_community c "
            + "ON c.code = b.community_code JOIN org_street s ON s.code = c.street_code WHERE b.active AND "
            + "b.current_stars IS NOT NULL GROUP BY c.street_code, s.name, s.sort_order, b.current_stars "
            + "ORDER BY s.sort_order, b.current_stars DESC"
        : "SELECT r.street_code, s.name, r.final_stars, COUNT(*) FROM branch_rating r JOIN org_street s "
            + "ON s.code = r.street_code WHERE r.rating_year = :y AND r.stage = 'EFFECTIVE' "
            + "GROUP BY r.street_code, s.name, s.sort_order, r.final_stars ORDER BY s.sort_order, r.final_stars DESC";
    var spec = jdbc.sql(sql);
    if (year != null) {
      spec = spec.param("y", year);
    }
    return spec.query((rs, i) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("streetCode", rs.getString(1));
      m.put("streetName", rs.getString(2));
      m.put("stars", rs.getInt(3));
      m.put("count", rs.getInt(4));
      return m;
    }).list();
  }

  private static PartyBranch branch(ResultSet rs, int i) throws SQLException {
    return new PartyBranch(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10),
        rs.getDate(11).toLocalDate(), (Integer) rs.getObject(12), (Integer) rs.getObject(13),
        rs.getDate(14) == null ? null : rs.getDate(14).toLocalDate(), rs.getBoolean(15), rs.getBoolean(16));
  }

  private static Rating rating(ResultSet rs, int i) throws SQLException {
    return new Rating(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
        rs.getBigDecimal(12), rs.getBigDecimal(13), integer(rs, 14), integer(rs, 15), integer(rs, 16),
        rs.getString(17), integer(rs, 18), integer(rs, 19), rs.getString(20), rs.getString(21), rs.getString(22));
  }

  private static Integer integer(ResultSet rs, int col) throws SQLException {
    int v = rs.getInt(col);
    return rs.wasNull() ? null : v;
  }

  static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
