package cn.ronghe.admission;

import cn.ronghe.admission.catalogue.Frequency;
import cn.ronghe.admission.catalogue.ListType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table adm_application: one row per admission case, written in the engine's transaction. */
@Repository
class ApplicationRepository {

  enum Status { CHECKING, RETURNED, IN_REVIEW, CITY_APPROVAL, APPROVED, REJECTED, LAPSED, WITHDRAWN }

  record Record(String caseNo, String processInstanceId, String applicantDept, String applicantUser,
      Application application, Status status, String statusReason, int returnCount, String itemCode,
      Integer versionNo, boolean sampleData, LocalDateTime submittedAt, LocalDateTime updatedAt) {
  }

  private static final String COLUMNS = "case_no, process_instance_id, applicant_dept, applicant_user, matter_name, "
      + "list_type, legal_basis, content, scope_streets, expected_start, frequency, workload_hours, funding, "
      + "adds_signboard, adds_ledger, adds_certificate, distinction_note, contact_name, contact_phone, status, "
      + "status_reason, return_count, item_code, version_no, sample_data, submitted_at, updated_at";

  private final JdbcClient jdbc;

  ApplicationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(String caseNo, String processInstanceId, String dept, String user, Application a, boolean sample) {
    LocalDateTime now = now();
    jdbc.sql("INSERT INTO adm_application (" + COLUMNS + ") VALUES (:case, :pid, :dept, :user, :name, :type, :legal, "
            + ":content, :scope, :start, :freq, :hours, :funding, :sign, :ledger, :cert, :note, :contact, :phone, "
            + "'CHECKING', NULL, 0, NULL, NULL, :sample, :now, :now)")
        .param("case", caseNo).param("pid", processInstanceId).param("dept", dept).param("user", user)
        .param("name", a.matterName()).param("type", a.listType().name()).param("legal", a.legalBasis())
        .param("content", a.content()).param("scope", scope(a)).param("start", a.expectedStart())
        .param("freq", a.frequency().name()).param("hours", a.workloadHours()).param("funding", a.funding())
        .param("sign", a.addsSignboard()).param("ledger", a.addsLedger()).param("cert", a.addsCertificate())
        .param("note", a.distinctionNote()).param("contact", a.contactName()).param("phone", a.contactPhone())
        .param("sample", sample).param("now", now).update();
  }

  /** A corrected application replaces the submitted one and goes back to the checks. */
  void resubmit(String caseNo, Application a) {
    jdbc.sql("UPDATE adm_application SET matter_name = :name, list_type = :type, legal_basis = :legal, "
            + "content = :content, scope_streets = :scope, expected_start = :start, frequency = :freq, "
            + "workload_hours = :hours, funding = :funding, adds_signboard = :sign, adds_ledger = :ledger, "
            + "adds_certificate = :cert, distinction_note = :note, contact_name = :contact, contact_phone = :phone, "
            + "status = 'CHECKING', status_reason = NULL, updated_at = :now WHERE case_no = :case")
        .param("name", a.matterName()).param("type", a.listType().name()).param("legal", a.legalBasis())
        .param("content", a.content()).param("scope", scope(a)).param("start", a.expectedStart())
        .param("freq", a.frequency().name()).param("hours", a.workloadHours()).param("funding", a.funding())
        .param("sign", a.addsSignboard()).param("ledger", a.addsLedger()).param("cert", a.addsCertificate())
        .param("note", a.distinctionNote()).param("contact", a.contactName()).param("phone", a.contactPhone())
        .param("now", now()).param("case", caseNo).update();
  }

  /** Demo data: the application, and the item it may become, are made up. */
  void markSample(String caseNo) {
    jdbc.sql("UPDATE adm_application SET sample_data = TRUE WHERE case_no = :c").param("c", caseNo).update();
  }

  boolean anySample() {
    return jdbc.sql("SELECT COUNT(*) FROM adm_application WHERE sample_data").query(Integer.class).single() > 0;
  }

  void status(String caseNo, Status status, String reason) {
    jdbc.sql("UPDATE adm_application SET status = :s, status_reason = :r, updated_at = :now WHERE case_no = :c")
        .param("s", status.name()).param("r", cut(reason)).param("now", now()).param("c", caseNo).update();
  }

  void returned(String caseNo, int returnCount, String problems) {
    jdbc.sql("UPDATE adm_application SET status = 'RETURNED', status_reason = :r, return_count = :n, updated_at = :now "
            + "WHERE case_no = :c")
        .param("r", cut(problems)).param("n", returnCount).param("now", now()).param("c", caseNo).update();
  }

  void approved(String caseNo, String itemCode, int versionNo) {
    jdbc.sql("UPDATE adm_application SET status = 'APPROVED', status_reason = NULL, item_code = :i, version_no = :v, "
            + "updated_at = :now WHERE case_no = :c")
        .param("i", itemCode).param("v", versionNo).param("now", now()).param("c", caseNo).update();
  }

  Optional<Record> find(String caseNo) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM adm_application WHERE case_no = :c").param("c", caseNo)
        .query(ApplicationRepository::map).optional();
  }

  Record get(String caseNo) {
    return find(caseNo).orElseThrow(() -> new IllegalStateException("No admission application " + caseNo));
  }

  /** Applications of one department, or of all when {@code dept} is null; newest first. */
  List<Record> list(String dept, int limit) {
    String where = dept == null ? "" : " WHERE applicant_dept = :d";
    var spec = jdbc.sql("SELECT " + COLUMNS + " FROM adm_application" + where
        + " ORDER BY submitted_at DESC, case_no DESC FETCH FIRST " + Math.max(1, Math.min(limit, 500)) + " ROWS ONLY");
    if (dept != null) {
      spec = spec.param("d", dept);
    }
    return spec.query(ApplicationRepository::map).list();
  }

  private static Record map(ResultSet rs, int row) throws SQLException {
    String scope = rs.getString(9);
    Application a = new Application(rs.getString(5), ListType.valueOf(rs.getString(6)), rs.getString(7),
        rs.getString(8), scope == null ? List.of() : Arrays.asList(scope.split(",")), rs.getDate(10).toLocalDate(),
        Frequency.valueOf(rs.getString(11)), rs.getInt(12), rs.getBigDecimal(13), rs.getBoolean(14),
        rs.getBoolean(15), rs.getBoolean(16), rs.getString(17), rs.getString(18), rs.getString(19));
    Integer version = rs.getObject(24) == null ? null : rs.getInt(24);
    return new Record(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), a,
        Status.valueOf(rs.getString(20)), rs.getString(21), rs.getInt(22), rs.getString(23), version,
        rs.getBoolean(25), rs.getTimestamp(26).toLocalDateTime(), rs.getTimestamp(27).toLocalDateTime());
  }

  private static String scope(Application a) {
    return a.scopeStreets().isEmpty() ? null : String.join(",", a.scopeStreets());
  }

  private static String cut(String s) {
    return s == null || s.length() <= 2000 ? s : s.substring(0, 1997) + "……";
  }

  static LocalDateTime now() {
    return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
  }
}
