package cn.ronghe.reserve;

import cn.ronghe.reserve.ReserveRecords.Assessment;
import cn.ronghe.reserve.ReserveRecords.Candidate;
import cn.ronghe.reserve.ReserveRecords.Cohort;
import cn.ronghe.reserve.ReserveRecords.Session;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables reserve_cohort, reserve_candidate, reserve_session, reserve_attendance, reserve_assessment. */
@Repository
public class ReserveRepository {

  private static final String CANDIDATE = "SELECT r.id, r.case_no, r.cohort_code, r.community_code, c.name, "
      + "r.street_code, r.full_name, r.gender, r.birth_year, r.education, r.current_post, r.mentor, r.reasons, "
      + "r.replaces_id, r.status, r.status_note, r.sample_data FROM reserve_candidate r "
      + "JOIN org_community c ON c.code = r.community_code ";

  private final JdbcClient jdbc;

  ReserveRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Cohort> cohorts() {
    return jdbc.sql("SELECT code, name, start_year, end_year, active FROM reserve_cohort ORDER BY start_year DESC")
        .query((rs, i) -> new Cohort(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getBoolean(5)))
        .list();
  }

  public Optional<Cohort> cohort(String code) {
    return cohorts().stream().filter(c -> c.code().equals(code)).findFirst();
  }

  public void insertCohort(Cohort c) {
    jdbc.sql("INSERT INTO reserve_cohort (code, name, start_year, end_year, active) VALUES (:c, :n, :s, :e, :a)")
        .param("c", c.code()).param("n", c.name()).param("s", c.startYear()).param("e", c.endYear())
        .param("a", c.active()).update();
  }

  long insertCandidate(Candidate c, String by, LocalDateTime at) {
    jdbc.sql("INSERT INTO reserve_candidate (case_no, cohort_code, community_code, street_code, full_name, gender, "
            + "birth_year, education, current_post, mentor, reasons, replaces_id, status, nominated_by, nominated_at, "
            + "sample_data) VALUES (:n, :co, :c, :s, :name, :g, :b, :e, :p, :m, :r, :rep, :st, :by, :at, :sample)")
        .param("n", c.caseNo()).param("co", c.cohortCode()).param("c", c.communityCode()).param("s", c.streetCode())
        .param("name", c.fullName()).param("g", c.gender()).param("b", c.birthYear()).param("e", c.education())
        .param("p", c.currentPost()).param("m", c.mentor()).param("r", c.reasons()).param("rep", c.replacesId())
        .param("st", c.status()).param("by", by).param("at", at).param("sample", c.sampleData()).update();
    return jdbc.sql("SELECT id FROM reserve_candidate WHERE case_no = :n").param("n", c.caseNo()).query(Long.class)
        .single();
  }

  public Optional<Candidate> candidate(long id) {
    return jdbc.sql(CANDIDATE + "WHERE r.id = :id").param("id", id).query(ReserveRepository::candidate).optional();
  }

  public List<Candidate> candidates(String cohort, String street, String community) {
    StringBuilder sql = new StringBuilder(CANDIDATE + "WHERE r.cohort_code = :co");
    if (street != null) {
      sql.append(" AND r.street_code = :s");
    }
    if (community != null) {
      sql.append(" AND r.community_code = :c");
    }
    var spec = jdbc.sql(sql.append(" ORDER BY r.street_code, r.community_code, r.id").toString()).param("co", cohort);
    spec = street == null ? spec : spec.param("s", street);
    spec = community == null ? spec : spec.param("c", community);
    return spec.query(ReserveRepository::candidate).list();
  }

  /** Candidates of the community in the cohort that hold a place (nominated or active). */
  int placesTaken(String cohort, String community) {
    return jdbc.sql("SELECT COUNT(*) FROM reserve_candidate WHERE cohort_code = :co AND community_code = :c "
        + "AND status IN ('NOMINATED', 'ACTIVE')").param("co", cohort).param("c", community).query(Integer.class)
        .single();
  }

  /** Moves a candidate from one of the statuses; false when it was in none of them (a repeat does nothing). */
  boolean move(long id, Collection<String> from, String to, String note) {
    return jdbc.sql("UPDATE reserve_candidate SET status = :to, status_note = COALESCE(:n, status_note) "
        + "WHERE id = :id AND status IN (:from)").param("to", to).param("n", note).param("id", id)
        .param("from", List.copyOf(from)).update() == 1;
  }

  public long insertSession(String cohort, String kind, String title, LocalDate on, String place, String by) {
    jdbc.sql("INSERT INTO reserve_session (cohort_code, kind, title, held_on, place, recorded_by) "
            + "VALUES (:c, :k, :t, :d, :p, :by)").param("c", cohort).param("k", kind).param("t", title)
        .param("d", on).param("p", place).param("by", by).update();
    return jdbc.sql("SELECT MAX(id) FROM reserve_session WHERE cohort_code = :c AND title = :t AND held_on = :d")
        .param("c", cohort).param("t", title).param("d", on).query(Long.class).single();
  }

  public void attend(long session, long candidate) {
    if (jdbc.sql("SELECT COUNT(*) FROM reserve_attendance WHERE session_id = :s AND candidate_id = :c")
        .param("s", session).param("c", candidate).query(Integer.class).single() == 0) {
      jdbc.sql("INSERT INTO reserve_attendance (session_id, candidate_id) VALUES (:s, :c)").param("s", session)
          .param("c", candidate).update();
    }
  }

  public List<Session> sessions(String cohort) {
    return jdbc.sql("SELECT s.id, s.cohort_code, s.kind, s.title, s.held_on, s.place, (SELECT COUNT(*) FROM "
            + "reserve_attendance a WHERE a.session_id = s.id) FROM reserve_session s WHERE s.cohort_code = :c "
            + "ORDER BY s.held_on, s.id").param("c", cohort)
        .query((rs, i) -> new Session(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getDate(5).toLocalDate(), rs.getString(6), rs.getInt(7))).list();
  }

  /** Sessions of the kind the candidate attended in the year. */
  int attended(long candidate, String kind, int year) {
    return jdbc.sql("SELECT COUNT(*) FROM reserve_attendance a JOIN reserve_session s ON s.id = a.session_id "
            + "WHERE a.candidate_id = :c AND s.kind = :k AND s.held_on >= :f AND s.held_on <= :t")
        .param("c", candidate).param("k", kind).param("f", LocalDate.of(year, 1, 1))
        .param("t", LocalDate.of(year, 12, 31)).query(Integer.class).single();
  }

  /** Inserts the year's assessment unless it exists; false when it did. */
  boolean insertAssessment(long candidate, Assessment a, String version) {
    if (jdbc.sql("SELECT COUNT(*) FROM reserve_assessment WHERE candidate_id = :c AND assess_year = :y")
        .param("c", candidate).param("y", a.year()).query(Integer.class).single() > 0) {
      return false;
    }
    jdbc.sql("INSERT INTO reserve_assessment (candidate_id, assess_year, training_count, forum_count, mentor_opinion, "
            + "suggested, result, comment_text, decided_by, rule_version) VALUES (:c, :y, :t, :f, :m, :s, :r, :cm, :by, :v)")
        .param("c", candidate).param("y", a.year()).param("t", a.trainingCount()).param("f", a.forumCount())
        .param("m", a.mentorOpinion()).param("s", a.suggested()).param("r", a.result()).param("cm", a.comment())
        .param("by", a.decidedBy()).param("v", version).update();
    return true;
  }

  public List<Assessment> assessments(long candidate) {
    return jdbc.sql("SELECT assess_year, training_count, forum_count, mentor_opinion, suggested, result, comment_text, "
            + "decided_by FROM reserve_assessment WHERE candidate_id = :c ORDER BY assess_year").param("c", candidate)
        .query((rs, i) -> new Assessment(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getString(8))).list();
  }

  private static Candidate candidate(ResultSet rs, int i) throws SQLException {
    long replaces = rs.getLong(14);
    return new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getString(10), rs.getString(11),
        rs.getString(12), rs.getString(13), rs.wasNull() ? null : replaces, rs.getString(15), rs.getString(16),
        rs.getBoolean(17));
  }
}
