package cn.ronghe.career.review;

import cn.ronghe.career.AssessmentResult;
import cn.ronghe.career.GradeAction;
import cn.ronghe.career.Post;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables career_review_cycle, career_cycle_worker, career_review_batch and career_review. */
@Repository
public class ReviewRepository {

  private static final String CYCLE = "SELECT cycle_no, review_year, scope_kind, scope_code, scope_label, "
      + "effective_date, status, worker_count, street_count, started_by, started_at, completed_at, process_instance_id "
      + "FROM career_review_cycle";
  private static final String REVIEW = "SELECT r.id, r.cycle_no, r.review_year, r.worker_id, w.name, r.case_no, "
      + "r.street_code, r.community_code, c.name, r.post, r.grade_before, r.assessment, r.proposal, r.proposed_grade, "
      + "r.proposal_reason, r.rule_version, r.stage, r.stage_note, r.stage_by, r.approved_by, r.notice_no, "
      + "r.effective_date FROM career_review r JOIN career_worker w ON w.worker_id = r.worker_id "
      + "JOIN org_community c ON c.code = r.community_code";
  /** Active workers of a cycle's scope; parameters :kind, :code, :cycle. */
  private static final String SCOPE = " FROM career_worker w JOIN org_community c ON c.code = w.community_code "
      + "WHERE w.status = 'ACTIVE' AND (:kind = 'CITY' OR (:kind = 'STREET' AND c.street_code = :code) "
      + "OR (:kind = 'COMMUNITY' AND w.community_code = :code) OR (:kind = 'WORKERS' AND EXISTS (SELECT 1 FROM "
      + "career_cycle_worker s WHERE s.cycle_no = :cycle AND s.worker_id = w.worker_id)))";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  ReviewRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  // ---- cycles ----

  void insertCycle(ReviewCycle c) {
    jdbc.sql("INSERT INTO career_review_cycle (cycle_no, review_year, scope_kind, scope_code, scope_label, "
            + "effective_date, status, worker_count, street_count, started_by, started_at) VALUES (:n, :y, :k, :c, :l, "
            + ":e, :s, :w, :sc, :by, :at)")
        .param("n", c.cycleNo()).param("y", c.reviewYear()).param("k", c.scopeKind()).param("c", c.scopeCode())
        .param("l", c.scopeLabel()).param("e", c.effectiveDate()).param("s", c.status()).param("w", c.workerCount())
        .param("sc", c.streetCount()).param("by", c.startedBy()).param("at", c.startedAt()).update();
  }

  void insertScopeWorkers(String cycleNo, Collection<String> workerIds) {
    template.batchUpdate("INSERT INTO career_cycle_worker (cycle_no, worker_id) VALUES (?, ?)",
        workerIds.stream().map(w -> new Object[] {cycleNo, w}).toList());
  }

  void setCycleProcess(String cycleNo, String processInstanceId) {
    jdbc.sql("UPDATE career_review_cycle SET process_instance_id = :p WHERE cycle_no = :n")
        .param("p", processInstanceId).param("n", cycleNo).update();
  }

  void setCycleStatus(String cycleNo, String status, LocalDateTime completedAt) {
    jdbc.sql("UPDATE career_review_cycle SET status = :s, completed_at = :t WHERE cycle_no = :n").param("s", status)
        .param("t", completedAt).param("n", cycleNo).update();
  }

  public Optional<ReviewCycle> cycle(String cycleNo) {
    return jdbc.sql(CYCLE + " WHERE cycle_no = :n").param("n", cycleNo).query(ReviewRepository::cycle).optional();
  }

  public List<ReviewCycle> cycles(Integer year) {
    var spec = jdbc.sql(CYCLE + (year == null ? "" : " WHERE review_year = :y") + " ORDER BY started_at DESC, cycle_no DESC");
    if (year != null) {
      spec = spec.param("y", year);
    }
    return spec.query(ReviewRepository::cycle).list();
  }

  /** Active workers in a scope; for a scope not yet stored, {@code cycleNo} may be anything. */
  Set<String> scopeWorkers(String kind, String code, String cycleNo) {
    return new HashSet<>(jdbc.sql("SELECT w.worker_id" + SCOPE).param("kind", kind).param("code", code)
        .param("cycle", cycleNo).query(String.class).list());
  }

  /** Streets with active workers in the cycle's scope, in registry order. */
  List<String> streetsInScope(ReviewCycle c) {
    return new ArrayList<>(new LinkedHashSet<>(jdbc.sql("SELECT DISTINCT c.street_code, s.sort_order" + SCOPE.replace(
            " FROM career_worker w JOIN org_community c ON c.code = w.community_code",
            " FROM career_worker w JOIN org_community c ON c.code = w.community_code JOIN org_street s ON "
                + "s.code = c.street_code") + " ORDER BY s.sort_order, c.street_code")
        .param("kind", c.scopeKind()).param("code", c.scopeCode()).param("cycle", c.cycleNo())
        .query((rs, i) -> rs.getString(1)).list()));
  }

  /** Workers of the given ones who already have a review of the year, with the cycle: "W000123 → NJ-2026-0001". */
  List<String> alreadyReviewed(Collection<String> workerIds, int year) {
    List<String> found = new ArrayList<>();
    List<String> ids = List.copyOf(workerIds);
    for (int i = 0; i < ids.size(); i += 500) {
      found.addAll(jdbc.sql("SELECT r.worker_id, w.name, r.cycle_no FROM career_review r JOIN career_worker w ON "
              + "w.worker_id = r.worker_id WHERE r.review_year = :y AND r.worker_id IN (:ids) ORDER BY r.worker_id")
          .param("y", year).param("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
          .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + "（" + rs.getString(3) + "）").list());
    }
    return found;
  }

  // ---- street batches ----

  Set<String> openedStreets(String cycleNo) {
    return new HashSet<>(jdbc.sql("SELECT street_code FROM career_review_batch WHERE cycle_no = :c")
        .param("c", cycleNo).query(String.class).list());
  }

  /**
   * Opens the reviews of one street: one row per active worker in scope without a review of the year yet, with
   * the result already entered when there is one. Returns how many were opened.
   */
  int openStreet(ReviewCycle c, String street, LocalDateTime now) {
    String prefix = "NJ-" + c.reviewYear() + "-";
    return jdbc.sql("INSERT INTO career_review (cycle_no, review_year, worker_id, case_no, street_code, community_code, "
            + "post, grade_before, assessment, stage, stage_at) SELECT :cycle, :year, w.worker_id, "
            + ":prefix || w.worker_id, c.street_code, w.community_code, w.post, w.grade, a.result, "
            + "CASE WHEN a.result IS NULL THEN 'DUE' ELSE 'ASSESSED' END, :now" + SCOPE.replace(
                "WHERE w.status", "LEFT JOIN career_assessment a ON a.worker_id = w.worker_id AND "
                    + "a.assess_year = :year WHERE w.status")
            + " AND c.street_code = :street AND NOT EXISTS (SELECT 1 FROM career_review x WHERE "
            + "x.worker_id = w.worker_id AND x.review_year = :year)")
        .param("cycle", c.cycleNo()).param("year", c.reviewYear()).param("prefix", prefix).param("now", now)
        .param("kind", c.scopeKind()).param("code", c.scopeCode()).param("street", street).update();
  }

  void insertBatch(String cycleNo, String street, int workers, LocalDateTime now) {
    jdbc.sql("INSERT INTO career_review_batch (cycle_no, street_code, worker_count, opened_at) VALUES (:c, :s, :w, :t)")
        .param("c", cycleNo).param("s", street).param("w", workers).param("t", now).update();
  }

  void setBatchProcess(String cycleNo, String street, String processInstanceId) {
    jdbc.sql("UPDATE career_review_batch SET process_instance_id = :p WHERE cycle_no = :c AND street_code = :s")
        .param("p", processInstanceId).param("c", cycleNo).param("s", street).update();
  }

  Optional<String> batchProcess(String cycleNo, String street) {
    return jdbc.sql("SELECT process_instance_id FROM career_review_batch WHERE cycle_no = :c AND street_code = :s")
        .param("c", cycleNo).param("s", street).query(String.class).optional();
  }

  // ---- reviews ----

  Map<ReviewStage, Integer> stageCounts(String cycleNo, String street) {
    Map<ReviewStage, Integer> counts = new EnumMap<>(ReviewStage.class);
    jdbc.sql("SELECT stage, COUNT(*) FROM career_review WHERE cycle_no = :c AND street_code = :s GROUP BY stage")
        .param("c", cycleNo).param("s", street)
        .query((rs, i) -> counts.put(ReviewStage.valueOf(rs.getString(1)), rs.getInt(2))).list();
    return counts;
  }

  public Map<ReviewStage, Integer> stageCounts(String cycleNo) {
    Map<ReviewStage, Integer> counts = new EnumMap<>(ReviewStage.class);
    jdbc.sql("SELECT stage, COUNT(*) FROM career_review WHERE cycle_no = :c GROUP BY stage").param("c", cycleNo)
        .query((rs, i) -> counts.put(ReviewStage.valueOf(rs.getString(1)), rs.getInt(2))).list();
    return counts;
  }

  List<String> communitiesAt(String cycleNo, String street, ReviewStage stage) {
    return jdbc.sql("SELECT DISTINCT r.community_code, c.sort_order FROM career_review r JOIN org_community c ON "
            + "c.code = r.community_code WHERE r.cycle_no = :c AND r.street_code = :s AND r.stage = :st "
            + "ORDER BY c.sort_order, r.community_code")
        .param("c", cycleNo).param("s", street).param("st", stage.name()).query((rs, i) -> rs.getString(1)).list();
  }

  /** Reviews of a cycle at some stages, in a street and optionally one community, at most {@code limit}. */
  public List<Review> reviews(String cycleNo, String street, String community, Collection<ReviewStage> stages,
      int limit) {
    StringBuilder where = new StringBuilder(" WHERE r.cycle_no = :c AND r.stage IN (:st)");
    if (street != null) {
      where.append(" AND r.street_code = :s");
    }
    if (community != null) {
      where.append(" AND r.community_code = :x");
    }
    var spec = jdbc.sql(REVIEW + where + " ORDER BY c.sort_order, r.community_code, r.post, r.worker_id FETCH FIRST "
            + limit + " ROWS ONLY")
        .param("c", cycleNo).param("st", stages.stream().map(Enum::name).toList());
    if (street != null) {
      spec = spec.param("s", street);
    }
    if (community != null) {
      spec = spec.param("x", community);
    }
    return spec.query(ReviewRepository::review).list();
  }

  Optional<Review> review(long id) {
    return jdbc.sql(REVIEW + " WHERE r.id = :id").param("id", id).query(ReviewRepository::review).optional();
  }

  public Optional<Review> reviewOf(String workerId, int year) {
    return jdbc.sql(REVIEW + " WHERE r.worker_id = :w AND r.review_year = :y").param("w", workerId).param("y", year)
        .query(ReviewRepository::review).optional();
  }

  /** The reviews of {@code year} of the given workers, by worker id (one query per 500 workers). */
  public Map<String, Review> reviewsOf(Collection<String> workerIds, int year) {
    Map<String, Review> found = new java.util.HashMap<>();
    List<String> ids = List.copyOf(workerIds);
    for (int i = 0; i < ids.size(); i += 500) {
      jdbc.sql(REVIEW + " WHERE r.review_year = :y AND r.worker_id IN (:w)").param("y", year)
          .param("w", ids.subList(i, Math.min(ids.size(), i + 500))).query(ReviewRepository::review).list()
          .forEach(r -> found.put(r.workerId(), r));
    }
    return found;
  }

  /** Rows of one stage in a street, oldest first, at most {@code limit}: a chunk for a background job. */
  List<Review> chunk(String cycleNo, String street, ReviewStage stage, int limit) {
    return jdbc.sql(REVIEW + " WHERE r.cycle_no = :c AND r.street_code = :s AND r.stage = :st ORDER BY r.id "
            + "FETCH FIRST " + limit + " ROWS ONLY")
        .param("c", cycleNo).param("s", street).param("st", stage.name()).query(ReviewRepository::review).list();
  }

  record ProposalRow(long id, Post post, int gradeBefore, GradeAction proposal, int proposedGrade, String reason,
      String ruleVersion) {
  }

  void saveProposals(List<ProposalRow> rows, LocalDateTime now) {
    template.batchUpdate("UPDATE career_review SET post = ?, grade_before = ?, proposal = ?, proposed_grade = ?, "
        + "proposal_reason = ?, rule_version = ?, stage = 'PROPOSED', stage_by = 'system', stage_at = ? "
        + "WHERE id = ? AND stage = 'ASSESSED'", rows.stream().map(r -> new Object[] {r.post().name(), r.gradeBefore(),
            r.proposal().name(), r.proposedGrade(), cut(r.reason(), 1000), cut(r.ruleVersion(), 300), now, r.id()})
        .toList());
  }

  /** Moves one review if it is at {@code from}; returns false otherwise. */
  boolean move(long id, ReviewStage from, ReviewStage to, String note, String by, LocalDateTime now) {
    return jdbc.sql("UPDATE career_review SET stage = :to, stage_note = :note, stage_by = :by, stage_at = :at "
            + "WHERE id = :id AND stage = :from")
        .param("to", to.name()).param("note", cut(note, 1000)).param("by", by).param("at", now).param("id", id)
        .param("from", from.name()).update() == 1;
  }

  /** Moves every review at {@code from} in a community (or a whole street when community is null). */
  int moveAll(String cycleNo, String street, String community, ReviewStage from, ReviewStage to, GradeAction only,
      String by, String noticeNo, LocalDateTime now) {
    StringBuilder sql = new StringBuilder("UPDATE career_review SET stage = :to, stage_note = NULL, stage_by = :by, "
        + "stage_at = :at" + (to == ReviewStage.IN_NOTICE || to == ReviewStage.NO_CHANGE ? ", approved_by = :by" : "")
        + (noticeNo != null ? ", notice_no = :n" : "")
        + " WHERE cycle_no = :c AND street_code = :s AND stage = :from");
    if (community != null) {
      sql.append(" AND community_code = :x");
    }
    if (only != null) {
      sql.append(" AND proposal = :p");
    }
    var spec = jdbc.sql(sql.toString()).param("to", to.name()).param("by", by).param("at", now).param("c", cycleNo)
        .param("s", street).param("from", from.name());
    if (noticeNo != null) {
      spec = spec.param("n", noticeNo);
    }
    if (community != null) {
      spec = spec.param("x", community);
    }
    if (only != null) {
      spec = spec.param("p", only.name());
    }
    return spec.update();
  }

  void setAssessment(long id, AssessmentResult result, ReviewStage stage, String note, String by, LocalDateTime now) {
    jdbc.sql("UPDATE career_review SET assessment = :a, stage = :s, stage_note = :n, stage_by = :by, stage_at = :t "
            + "WHERE id = :id")
        .param("a", result.name()).param("s", stage.name()).param("n", cut(note, 1000)).param("by", by)
        .param("t", now).param("id", id).update();
  }

  /** The results of many reviews at once; each moves to ASSESSED. */
  void setAssessments(Map<Long, AssessmentResult> results, String by, LocalDateTime now) {
    template.batchUpdate("UPDATE career_review SET assessment = ?, stage = 'ASSESSED', stage_note = NULL, stage_by = ?, "
        + "stage_at = ? WHERE id = ?", results.entrySet().stream()
        .map(e -> new Object[] {e.getValue().name(), by, now, e.getKey()}).toList());
  }

  /** Claims a released review for application; false when another path applied or skipped it already. */
  boolean claimEffective(long id, LocalDate effective, LocalDateTime now) {
    return jdbc.sql("UPDATE career_review SET stage = 'EFFECTIVE', effective_date = :d, stage_by = 'system', "
            + "stage_at = :t WHERE id = :id AND stage = 'RELEASED'")
        .param("d", effective).param("t", now).param("id", id).update() == 1;
  }

  void markSkipped(long id, String note, LocalDateTime now) {
    jdbc.sql("UPDATE career_review SET stage = 'SKIPPED', stage_note = :n, effective_date = NULL, stage_at = :t "
            + "WHERE id = :id").param("n", cut(note, 1000)).param("t", now).param("id", id).update();
  }

  int notFinal(String cycleNo) {
    return jdbc.sql("SELECT COUNT(*) FROM career_review WHERE cycle_no = :c AND stage NOT IN (:f)")
        .param("c", cycleNo).param("f", ReviewStage.FINAL.stream().map(Enum::name).toList()).query(Integer.class)
        .single();
  }

  static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static ReviewCycle cycle(ResultSet rs, int i) throws SQLException {
    return new ReviewCycle(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getDate(6).toLocalDate(), rs.getString(7), rs.getInt(8), rs.getInt(9), rs.getString(10),
        rs.getTimestamp(11).toLocalDateTime(), rs.getTimestamp(12) == null ? null
            : rs.getTimestamp(12).toLocalDateTime(), rs.getString(13));
  }

  private static Review review(ResultSet rs, int i) throws SQLException {
    return new Review(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), Post.valueOf(rs.getString(10)),
        rs.getInt(11), rs.getString(12) == null ? null : AssessmentResult.valueOf(rs.getString(12)),
        rs.getString(13) == null ? null : GradeAction.valueOf(rs.getString(13)),
        (Integer) rs.getObject(14, Integer.class), rs.getString(15), rs.getString(16),
        ReviewStage.valueOf(rs.getString(17)), rs.getString(18), rs.getString(19), rs.getString(20), rs.getString(21),
        rs.getDate(22) == null ? null : rs.getDate(22).toLocalDate());
  }
}
