package cn.ronghe.admission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table adm_unadmitted_report: one row per report (FY-...), written in the engine's transaction. */
@Repository
class UnadmittedReports {

  record Report(String caseNo, String processInstanceId, String communityCode, String departmentCode, String matter,
      LocalDate demandedOn, String evidence, String reporter, Integer catalogueVersion, String verdict,
      String matchedItemCode, String verificationNote, String verifiedBy, LocalDateTime verifiedAt,
      String withdrawalNote, String withdrawnBy, LocalDateTime withdrawnAt, String status, boolean sampleData,
      LocalDateTime reportedAt, LocalDateTime closedAt) {
  }

  private static final String COLUMNS = "case_no, process_instance_id, community_code, department_code, matter, "
      + "demanded_on, evidence, reporter, catalogue_version, verdict, matched_item_code, verification_note, "
      + "verified_by, verified_at, withdrawal_note, withdrawn_by, withdrawn_at, status, sample_data, reported_at, "
      + "closed_at";

  private final JdbcClient jdbc;

  UnadmittedReports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(String caseNo, String pid, String community, String department, String matter, LocalDate demandedOn,
      String evidence, String reporter, boolean sample) {
    jdbc.sql("INSERT INTO adm_unadmitted_report (case_no, process_instance_id, community_code, department_code, "
            + "matter, demanded_on, evidence, reporter, status, sample_data, reported_at) VALUES (:c, :p, :com, :d, "
            + ":m, :on, :e, :r, 'VERIFYING', :s, :at)")
        .param("c", caseNo).param("p", pid).param("com", community).param("d", department).param("m", matter)
        .param("on", demandedOn).param("e", evidence).param("r", reporter).param("s", sample)
        .param("at", ApplicationRepository.now()).update();
  }

  void markSample(String caseNo) {
    jdbc.sql("UPDATE adm_unadmitted_report SET sample_data = TRUE WHERE case_no = :c").param("c", caseNo).update();
  }

  void catalogueVersion(String caseNo, Integer version) {
    jdbc.sql("UPDATE adm_unadmitted_report SET catalogue_version = :v WHERE case_no = :c").param("v", version)
        .param("c", caseNo).update();
  }

  void verified(String caseNo, String verdict, String itemCode, String note, String user) {
    jdbc.sql("UPDATE adm_unadmitted_report SET verdict = :v, matched_item_code = :i, verification_note = :n, "
            + "verified_by = :u, verified_at = :at, status = :s WHERE case_no = :c")
        .param("v", verdict).param("i", itemCode).param("n", note).param("u", user)
        .param("at", ApplicationRepository.now())
        .param("s", UnadmittedReportProcess.UNADMITTED.equals(verdict) ? "AWAITING_WITHDRAWAL" : "VERIFYING")
        .param("c", caseNo).update();
  }

  void withdrawn(String caseNo, String note, String user) {
    jdbc.sql("UPDATE adm_unadmitted_report SET withdrawal_note = :n, withdrawn_by = :u, withdrawn_at = :at "
            + "WHERE case_no = :c")
        .param("n", note).param("u", user).param("at", ApplicationRepository.now()).param("c", caseNo).update();
  }

  void closed(String caseNo) {
    jdbc.sql("UPDATE adm_unadmitted_report SET status = 'CLOSED', closed_at = :at WHERE case_no = :c")
        .param("at", ApplicationRepository.now()).param("c", caseNo).update();
  }

  Report get(String caseNo) {
    return find(caseNo).orElseThrow(() -> new IllegalStateException("No report " + caseNo));
  }

  Optional<Report> find(String caseNo) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM adm_unadmitted_report WHERE case_no = :c").param("c", caseNo)
        .query(UnadmittedReports::map).optional();
  }

  /** Reports, newest first, optionally of one community or one department. */
  List<Report> list(String community, String department, int limit) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (community != null) {
      where.append(" AND community_code = :com");
    }
    if (department != null) {
      where.append(" AND department_code = :d");
    }
    var spec = jdbc.sql("SELECT " + COLUMNS + " FROM adm_unadmitted_report" + where
        + " ORDER BY reported_at DESC, case_no DESC FETCH FIRST " + Math.max(1, Math.min(limit, 500)) + " ROWS ONLY");
    if (community != null) {
      spec = spec.param("com", community);
    }
    if (department != null) {
      spec = spec.param("d", department);
    }
    return spec.query(UnadmittedReports::map).list();
  }

  /** Verified pushes of unadmitted matters demanded on or after the day. */
  List<RepeatOffenders.Offence> offencesSince(LocalDate from) {
    return jdbc.sql("SELECT department_code, case_no, demanded_on, community_code FROM adm_unadmitted_report "
            + "WHERE verdict = 'UNADMITTED' AND demanded_on >= :f ORDER BY demanded_on")
        .param("f", from)
        .query((rs, i) -> new RepeatOffenders.Offence(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
            rs.getString(4))).list();
  }

  private static Report map(ResultSet rs, int row) throws SQLException {
    return new Report(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getDate(6).toLocalDate(), rs.getString(7), rs.getString(8),
        rs.getObject(9) == null ? null : rs.getInt(9), rs.getString(10), rs.getString(11), rs.getString(12),
        rs.getString(13), time(rs, 14), rs.getString(15), rs.getString(16), time(rs, 17), rs.getString(18),
        rs.getBoolean(19), time(rs, 20), time(rs, 21));
  }

  private static LocalDateTime time(ResultSet rs, int column) throws SQLException {
    var t = rs.getTimestamp(column);
    return t == null ? null : t.toLocalDateTime();
  }
}
