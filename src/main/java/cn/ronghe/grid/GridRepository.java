package cn.ronghe.grid;

import cn.ronghe.grid.GridRecords.Grid;
import cn.ronghe.grid.GridRecords.Report;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables grid_unit and grid_report. */
@Repository
public class GridRepository {

  private static final String GRID = "SELECT g.code, g.name, g.community_code, c.name, c.street_code, g.secretary, "
      + "g.households, g.party_members, g.active, g.sample_data FROM grid_unit g "
      + "JOIN org_community c ON c.code = g.community_code ";
  private static final String REPORT = "SELECT r.case_no, r.grid_code, g.name, r.community_code, r.street_code, "
      + "r.category, r.category_label, r.location_text, r.description, r.reporter, r.reported_at, r.status, "
      + "r.dept_code, r.resolved_level, r.outcome, r.escalations, r.reopens, r.overdue_count, r.closed_at, "
      + "r.closed_how FROM grid_report r JOIN grid_unit g ON g.code = r.grid_code ";

  private final JdbcClient jdbc;

  GridRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Grid> grids(String community) {
    String where = community == null ? "WHERE g.active" : "WHERE g.active AND g.community_code = :c";
    var spec = jdbc.sql(GRID + where + " ORDER BY g.code");
    return (community == null ? spec : spec.param("c", community)).query(GridRepository::grid).list();
  }

  public Optional<Grid> grid(String code) {
    return jdbc.sql(GRID + "WHERE g.code = :c").param("c", code).query(GridRepository::grid).optional();
  }

  public int gridCount() {
    return jdbc.sql("SELECT COUNT(*) FROM grid_unit").query(Integer.class).single();
  }

  public void insertGrid(Grid g) {
    jdbc.sql("INSERT INTO grid_unit (code, name, community_code, secretary, households, party_members, active, "
            + "sample_data) VALUES (:code, :name, :c, :s, :h, :m, :a, :sample)").param("code", g.code())
        .param("name", g.name()).param("c", g.communityCode()).param("s", g.secretary()).param("h", g.households())
        .param("m", g.partyMembers()).param("a", g.active()).param("sample", g.sampleData()).update();
  }

  /** Inserts the report unless it exists (a retried job). */
  void insertReport(Report r, String pid, boolean sample) {
    if (report(r.caseNo()).isPresent()) {
      return;
    }
    jdbc.sql("INSERT INTO grid_report (case_no, grid_code, community_code, street_code, category, category_label, "
            + "location_text, description, reporter, reported_at, status, dept_code, resolved_level, outcome, "
            + "escalations, reopens, overdue_count, closed_at, closed_how, process_instance_id, sample_data) VALUES "
            + "(:n, :g, :c, :s, :cat, :l, :loc, :d, :rep, :at, :st, :dept, :lvl, :out, :e, :ro, :o, :ca, :ch, :p, :sample)")
        .param("n", r.caseNo()).param("g", r.gridCode()).param("c", r.communityCode()).param("s", r.streetCode())
        .param("cat", r.category()).param("l", r.categoryLabel()).param("loc", r.location())
        .param("d", r.description()).param("rep", r.reporter()).param("at", r.reportedAt()).param("st", r.status())
        .param("dept", r.deptCode()).param("lvl", r.resolvedLevel()).param("out", r.outcome())
        .param("e", r.escalations()).param("ro", r.reopens()).param("o", r.overdueCount()).param("ca", r.closedAt())
        .param("ch", r.closedHow()).param("p", pid).param("sample", sample).update();
  }

  public Optional<Report> report(String caseNo) {
    return jdbc.sql(REPORT + "WHERE r.case_no = :n").param("n", caseNo).query(GridRepository::report).optional();
  }

  /** Reports of a street, community or grid (all when every filter is null), newest first. */
  public List<Report> reports(String street, String community, String grid) {
    StringBuilder sql = new StringBuilder(REPORT + "WHERE 1 = 1");
    if (street != null) {
      sql.append(" AND r.street_code = :s");
    }
    if (community != null) {
      sql.append(" AND r.community_code = :c");
    }
    if (grid != null) {
      sql.append(" AND r.grid_code = :g");
    }
    var spec = jdbc.sql(sql.append(" ORDER BY r.reported_at DESC, r.case_no").toString());
    spec = street == null ? spec : spec.param("s", street);
    spec = community == null ? spec : spec.param("c", community);
    spec = grid == null ? spec : spec.param("g", grid);
    return spec.query(GridRepository::report).list();
  }

  void escalated(String caseNo, String toStatus, String deptCode) {
    jdbc.sql("UPDATE grid_report SET status = :s, escalations = escalations + 1, dept_code = COALESCE(:d, dept_code) "
        + "WHERE case_no = :n").param("s", toStatus).param("d", deptCode).param("n", caseNo).update();
  }

  void resolved(String caseNo, String level, String outcome) {
    jdbc.sql("UPDATE grid_report SET status = 'CONFIRMING', resolved_level = :l, outcome = :o WHERE case_no = :n")
        .param("l", level).param("o", outcome).param("n", caseNo).update();
  }

  void reopened(String caseNo, String toStatus) {
    jdbc.sql("UPDATE grid_report SET status = :s, reopens = reopens + 1 WHERE case_no = :n").param("s", toStatus)
        .param("n", caseNo).update();
  }

  void overdue(String caseNo) {
    jdbc.sql("UPDATE grid_report SET overdue_count = overdue_count + 1 WHERE case_no = :n").param("n", caseNo)
        .update();
  }

  /** Closes the report once; false when it was closed already. */
  boolean close(String caseNo, String how, LocalDateTime at) {
    return jdbc.sql("UPDATE grid_report SET status = 'CLOSED', closed_how = :h, closed_at = :at WHERE case_no = :n "
        + "AND status <> 'CLOSED'").param("h", how).param("at", at).param("n", caseNo).update() == 1;
  }

  private static Grid grid(ResultSet rs, int i) throws SQLException {
    return new Grid(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getBoolean(9), rs.getBoolean(10));
  }

  private static Report report(ResultSet rs, int i) throws SQLException {
    return new Report(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
        rs.getTimestamp(11).toLocalDateTime(), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
        rs.getInt(16), rs.getInt(17), rs.getInt(18),
        rs.getTimestamp(19) == null ? null : rs.getTimestamp(19).toLocalDateTime(), rs.getString(20));
  }
}
