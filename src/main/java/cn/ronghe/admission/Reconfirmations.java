package cn.ronghe.admission;

import cn.ronghe.admission.catalogue.CatalogueItem;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tables adm_reconfirmation and adm_reconfirmation_item; also the list of departments the yearly
 * re-confirmation asks, for the BPMN ({@code ${reconfirmations.departments(execution)}}).
 */
@Repository("reconfirmations")
public class Reconfirmations {

  record Reconfirmation(String caseNo, int year, int baseVersion, String status, Integer versionNo,
      LocalDateTime openedAt, LocalDateTime closedAt) {
  }

  record Entry(String itemCode, String itemName, String departmentCode, String decision, String reason,
      String decidedBy, LocalDateTime decidedAt) {
  }

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  Reconfirmations(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** Departments with items to confirm, in code order: one task each. */
  public List<String> departments(DelegateExecution execution) {
    return departments(execution.getProcessBusinessKey());
  }

  List<String> departments(String caseNo) {
    return jdbc.sql("SELECT DISTINCT department_code FROM adm_reconfirmation_item WHERE case_no = :c "
        + "ORDER BY department_code").param("c", caseNo).query(String.class).list();
  }

  boolean exists(int year) {
    return jdbc.sql("SELECT COUNT(*) FROM adm_reconfirmation WHERE confirm_year = :y").param("y", year)
        .query(Integer.class).single() > 0;
  }

  void open(String caseNo, int year, int baseVersion, List<CatalogueItem> items) {
    jdbc.sql("INSERT INTO adm_reconfirmation (case_no, confirm_year, base_version, status, opened_at) "
            + "VALUES (:c, :y, :v, 'OPEN', :at)")
        .param("c", caseNo).param("y", year).param("v", baseVersion).param("at", ApplicationRepository.now())
        .update();
    template.batchUpdate("INSERT INTO adm_reconfirmation_item (case_no, item_code, item_name, department_code) "
        + "VALUES (?, ?, ?, ?)", items.stream().map(i -> new Object[] {caseNo, i.code(), i.name(),
        i.departmentCode()}).toList());
  }

  List<Entry> entries(String caseNo, String department) {
    String where = department == null ? "" : " AND department_code = :d";
    var spec = jdbc.sql("SELECT item_code, item_name, department_code, decision, reason, decided_by, decided_at "
        + "FROM adm_reconfirmation_item WHERE case_no = :c" + where + " ORDER BY item_code").param("c", caseNo);
    if (department != null) {
      spec = spec.param("d", department);
    }
    return spec.query((rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toLocalDateTime()))
        .list();
  }

  void decide(String caseNo, String itemCode, String decision, String reason, String user) {
    jdbc.sql("UPDATE adm_reconfirmation_item SET decision = :d, reason = :r, decided_by = :u, decided_at = :at "
            + "WHERE case_no = :c AND item_code = :i")
        .param("d", decision).param("r", reason).param("u", user).param("at", ApplicationRepository.now())
        .param("c", caseNo).param("i", itemCode).update();
  }

  void published(String caseNo, int versionNo) {
    jdbc.sql("UPDATE adm_reconfirmation SET status = 'PUBLISHED', version_no = :v, closed_at = :at WHERE case_no = :c")
        .param("v", versionNo).param("at", ApplicationRepository.now()).param("c", caseNo).update();
  }

  Optional<Reconfirmation> find(String caseNo) {
    return jdbc.sql("SELECT case_no, confirm_year, base_version, status, version_no, opened_at, closed_at "
            + "FROM adm_reconfirmation WHERE case_no = :c").param("c", caseNo)
        .query((rs, i) -> new Reconfirmation(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
            rs.getObject(5) == null ? null : rs.getInt(5), rs.getTimestamp(6).toLocalDateTime(),
            rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toLocalDateTime())).optional();
  }

  List<Reconfirmation> all() {
    return jdbc.sql("SELECT case_no FROM adm_reconfirmation ORDER BY confirm_year DESC").query(String.class).list()
        .stream().map(c -> find(c).orElseThrow()).toList();
  }
}
