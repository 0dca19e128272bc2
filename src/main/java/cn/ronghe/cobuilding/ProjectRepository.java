package cn.ronghe.cobuilding;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Tables cb_project and cb_progress_report. */
@Repository
public class ProjectRepository {

  private static final String SELECT = "SELECT p.id, p.project_no, p.direction, d.item_no, r.item_no, "
      + "p.community_code, c.name, p.unit_code, u.name, p.street_code, s.name, p.category, k.name, p.title, "
      + "p.claim_note, p.goal, p.measures, p.budget, p.start_date, p.end_date, p.community_lead, p.unit_lead, "
      + "p.status, p.claimed_by, p.claimed_at, p.community_confirmed_by, p.community_confirmed_at, "
      + "p.unit_confirmed_by, p.unit_confirmed_at, p.agreed_at, p.closed_at, p.cancelled_at, p.cancelled_by, "
      + "p.cancel_reason, p.process_instance_id FROM cb_project p "
      + "JOIN org_community c ON c.code = p.community_code JOIN org_unit u ON u.code = p.unit_code "
      + "JOIN org_street s ON s.code = p.street_code JOIN cb_category k ON k.code = p.category "
      + "LEFT JOIN cb_demand d ON d.id = p.demand_id LEFT JOIN cb_resource r ON r.id = p.resource_id";

  /** What a claim starts a project with. */
  record NewProject(String projectNo, ClaimDirection direction, Long demandId, Long resourceId, String communityCode,
      String unitCode, String streetCode, String category, String title, String claimNote, String claimedBy,
      String processInstanceId) {
  }

  /** The agreement as drafted (项目协议). */
  record Draft(String title, String goal, String measures, BigDecimal budget, LocalDate startDate, LocalDate endDate,
      String communityLead, String unitLead) {
  }

  private final JdbcClient jdbc;

  ProjectRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(NewProject p) {
    LocalDateTime now = Times.now();
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO cb_project (project_no, direction, demand_id, resource_id, community_code, unit_code, "
            + "street_code, category, title, claim_note, status, claimed_by, claimed_at, process_instance_id, updated_at) "
            + "VALUES (:no, :dir, :d, :r, :c, :u, :s, :k, :t, :n, 'NEGOTIATING', :by, :now, :pid, :now)")
        .param("no", p.projectNo()).param("dir", p.direction().name()).param("d", p.demandId())
        .param("r", p.resourceId()).param("c", p.communityCode()).param("u", p.unitCode())
        .param("s", p.streetCode()).param("k", p.category()).param("t", p.title()).param("n", p.claimNote())
        .param("by", p.claimedBy()).param("now", now).param("pid", p.processInstanceId())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public Optional<Project> project(String projectNo) {
    return jdbc.sql(SELECT + " WHERE p.project_no = :n").param("n", projectNo).query(ProjectRepository::map).optional();
  }

  public Optional<Project> project(long id) {
    return jdbc.sql(SELECT + " WHERE p.id = :id").param("id", id).query(ProjectRepository::map).optional();
  }

  public List<Project> projects(ListRepository.Filter f) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    add(where, params, "p.community_code", "community", f.community());
    add(where, params, "p.street_code", "street", f.street());
    add(where, params, "p.unit_code", "unit", f.unit());
    add(where, params, "p.category", "category", f.category());
    add(where, params, "p.status", "status", f.status());
    return jdbc.sql(SELECT + where + " ORDER BY p.claimed_at DESC, p.id DESC").params(params)
        .query(ProjectRepository::map).list();
  }

  /** Whether a community already has a project under way from this resource. */
  boolean hasOpenProject(long resourceId, String communityCode) {
    return jdbc.sql("SELECT COUNT(*) FROM cb_project WHERE resource_id = :r AND community_code = :c "
            + "AND status IN ('NEGOTIATING', 'IN_PROGRESS', 'ACCEPTANCE')")
        .param("r", resourceId).param("c", communityCode).query(Integer.class).single() > 0;
  }

  /** Saves the draft and the drafting side's confirmation; a new draft needs the other side to confirm again. */
  void saveDraft(long id, Draft d, ClaimDirection direction, String actor) {
    boolean unitDrafts = direction == ClaimDirection.UNIT_CLAIMS_DEMAND;
    String mine = unitDrafts ? "unit" : "community";
    String theirs = unitDrafts ? "community" : "unit";
    jdbc.sql("UPDATE cb_project SET title = :t, goal = :g, measures = :m, budget = :b, start_date = :sd, "
            + "end_date = :ed, community_lead = :cl, unit_lead = :ul, " + mine + "_confirmed_by = :by, " + mine
            + "_confirmed_at = :now, " + theirs + "_confirmed_by = NULL, " + theirs + "_confirmed_at = NULL, "
            + "updated_at = :now WHERE id = :id")
        .param("t", d.title()).param("g", d.goal()).param("m", d.measures()).param("b", d.budget())
        .param("sd", d.startDate()).param("ed", d.endDate()).param("cl", d.communityLead())
        .param("ul", d.unitLead()).param("by", actor).param("now", Times.now()).param("id", id).update();
  }

  void confirmByOwner(long id, ClaimDirection direction, String actor) {
    String owner = direction == ClaimDirection.UNIT_CLAIMS_DEMAND ? "community" : "unit";
    jdbc.sql("UPDATE cb_project SET " + owner + "_confirmed_by = :by, " + owner + "_confirmed_at = :now, "
            + "agreed_at = :now, status = 'IN_PROGRESS', updated_at = :now WHERE id = :id")
        .param("by", actor).param("now", Times.now()).param("id", id).update();
  }

  void status(long id, ItemStatus.Project status) {
    String stamp = status == ItemStatus.Project.CLOSED ? ", closed_at = :now" : "";
    jdbc.sql("UPDATE cb_project SET status = :s, updated_at = :now" + stamp + " WHERE id = :id")
        .param("s", status.name()).param("now", Times.now()).param("id", id).update();
  }

  /** @return false when the project had already ended */
  boolean cancel(long id, String reason, String actor) {
    return jdbc.sql("UPDATE cb_project SET status = 'CANCELLED', cancelled_at = :now, cancelled_by = :by, "
            + "cancel_reason = :r, updated_at = :now WHERE id = :id AND status NOT IN ('CLOSED', 'CANCELLED')")
        .param("now", Times.now()).param("by", actor).param("r", reason).param("id", id).update() == 1;
  }

  /** One report per project and month: a later submission for the same month replaces the earlier one. */
  void saveReport(long projectId, ProgressReport r) {
    jdbc.sql("DELETE FROM cb_progress_report WHERE project_id = :p AND report_month = :m")
        .param("p", projectId).param("m", r.reportMonth()).update();
    jdbc.sql("INSERT INTO cb_progress_report (project_id, report_month, progress_pct, work_done, next_steps, issues, "
            + "finished, due_at, submitted_at, submitted_by, late) VALUES (:p, :m, :pct, :w, :n, :i, :f, :due, :at, :by, :late)")
        .param("p", projectId).param("m", r.reportMonth()).param("pct", r.progressPct()).param("w", r.workDone())
        .param("n", r.nextSteps()).param("i", r.issues()).param("f", r.finished()).param("due", r.dueAt())
        .param("at", r.submittedAt()).param("by", r.submittedBy()).param("late", r.late()).update();
  }

  public List<ProgressReport> reports(long projectId) {
    return jdbc.sql("SELECT report_month, progress_pct, work_done, next_steps, issues, finished, due_at, submitted_at, "
            + "submitted_by, late FROM cb_progress_report WHERE project_id = :p ORDER BY report_month")
        .param("p", projectId)
        .query((rs, i) -> new ProgressReport(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getBoolean(6), local(rs.getTimestamp(7)), local(rs.getTimestamp(8)), rs.getString(9),
            rs.getBoolean(10)))
        .list();
  }

  private static void add(StringBuilder where, Map<String, Object> params, String column, String name, String value) {
    if (value != null && !value.isBlank()) {
      where.append(" AND ").append(column).append(" = :").append(name);
      params.put(name, value);
    }
  }

  private static LocalDateTime local(Timestamp t) {
    return t == null ? null : t.toLocalDateTime();
  }

  private static LocalDate day(java.sql.Date d) {
    return d == null ? null : d.toLocalDate();
  }

  private static Project map(ResultSet rs, int i) throws SQLException {
    return new Project(rs.getLong(1), rs.getString(2), ClaimDirection.valueOf(rs.getString(3)), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
        rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16),
        rs.getString(17), rs.getBigDecimal(18), day(rs.getDate(19)), day(rs.getDate(20)), rs.getString(21),
        rs.getString(22), ItemStatus.Project.valueOf(rs.getString(23)), rs.getString(24), local(rs.getTimestamp(25)),
        rs.getString(26), local(rs.getTimestamp(27)), rs.getString(28), local(rs.getTimestamp(29)),
        local(rs.getTimestamp(30)), local(rs.getTimestamp(31)), local(rs.getTimestamp(32)), rs.getString(33),
        rs.getString(34), rs.getString(35));
  }
}
