package cn.ronghe.admission;

import cn.ronghe.admission.catalogue.Frequency;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table adm_change_request: one row per change or revocation case (BG-...). */
@Repository
class ChangeRequests {

  enum Status { IN_REVIEW, CITY_APPROVAL, APPROVED, REJECTED }

  record Request(String caseNo, String processInstanceId, String applicantGroup, String applicantUser,
      String itemCode, int baseVersion, String changeType, String reason, ChangeRules.Proposed proposed,
      boolean addsBurden, Status status, String statusReason, Integer versionNo, LocalDateTime submittedAt) {

    boolean revocation() {
      return CatalogueChangeProcess.REVOKE.equals(changeType);
    }
  }

  private static final String COLUMNS = "case_no, process_instance_id, applicant_group, applicant_user, item_code, "
      + "base_version, change_type, reason, new_name, new_content, new_legal_basis, new_frequency, new_workload_hours, "
      + "new_funding, adds_burden, status, status_reason, version_no, submitted_at";

  private final JdbcClient jdbc;

  ChangeRequests(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Request r) {
    LocalDateTime now = ApplicationRepository.now();
    ChangeRules.Proposed p = r.proposed();
    jdbc.sql("INSERT INTO adm_change_request (" + COLUMNS + ", updated_at) VALUES (:case, :pid, :grp, :usr, :item, "
            + ":base, :type, :reason, :name, :content, :legal, :freq, :hours, :funding, :burden, 'IN_REVIEW', NULL, "
            + "NULL, :now, :now)")
        .param("case", r.caseNo()).param("pid", r.processInstanceId()).param("grp", r.applicantGroup())
        .param("usr", r.applicantUser()).param("item", r.itemCode()).param("base", r.baseVersion())
        .param("type", r.changeType()).param("reason", r.reason()).param("name", p.name())
        .param("content", p.content()).param("legal", p.legalBasis())
        .param("freq", p.frequency() == null ? null : p.frequency().name()).param("hours", p.workloadHours())
        .param("funding", p.funding()).param("burden", r.addsBurden()).param("now", now).update();
  }

  void status(String caseNo, Status status, String reason, Integer versionNo) {
    jdbc.sql("UPDATE adm_change_request SET status = :s, status_reason = :r, version_no = :v, updated_at = :now "
            + "WHERE case_no = :c")
        .param("s", status.name()).param("r", reason == null || reason.length() <= 2000 ? reason
            : reason.substring(0, 2000)).param("v", versionNo).param("now", ApplicationRepository.now())
        .param("c", caseNo).update();
  }

  Request get(String caseNo) {
    return find(caseNo).orElseThrow(() -> new IllegalStateException("No change request " + caseNo));
  }

  Optional<Request> find(String caseNo) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM adm_change_request WHERE case_no = :c").param("c", caseNo)
        .query(ChangeRequests::map).optional();
  }

  /** Open requests for the item: a second one would race the first. */
  boolean openFor(String itemCode) {
    return jdbc.sql("SELECT COUNT(*) FROM adm_change_request WHERE item_code = :i AND status IN ('IN_REVIEW', "
        + "'CITY_APPROVAL')").param("i", itemCode).query(Integer.class).single() > 0;
  }

  List<Request> list(int limit) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM adm_change_request ORDER BY submitted_at DESC, case_no DESC FETCH FIRST "
        + Math.max(1, Math.min(limit, 500)) + " ROWS ONLY").query(ChangeRequests::map).list();
  }

  private static Request map(ResultSet rs, int row) throws SQLException {
    String freq = rs.getString(12);
    ChangeRules.Proposed p = new ChangeRules.Proposed(rs.getString(9), rs.getString(10), rs.getString(11),
        freq == null ? null : Frequency.valueOf(freq), rs.getObject(13) == null ? null : rs.getInt(13),
        rs.getBigDecimal(14));
    return new Request(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getInt(6), rs.getString(7), rs.getString(8), p, rs.getBoolean(15), Status.valueOf(rs.getString(16)),
        rs.getString(17), rs.getObject(18) == null ? null : rs.getInt(18), rs.getTimestamp(19).toLocalDateTime());
  }
}
