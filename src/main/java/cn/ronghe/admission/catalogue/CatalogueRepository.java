package cn.ronghe.admission.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables adm_catalogue_version and adm_catalogue_item. Rows are inserted, never updated or deleted. */
@Repository
class CatalogueRepository {

  private static final String VERSION_COLUMNS = "version_no, published_on, published_at, change_kind, summary, "
      + "source_case_no, published_by, item_count";
  private static final String ITEM_COLUMNS = "code, name, list_type, department_code, legal_basis, content, frequency, "
      + "workload_hours, funding, adds_signboard, adds_ledger, adds_certificate, admitted_by, effective_date, "
      + "scope_streets, sample_data";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  CatalogueRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  List<CatalogueVersion> versions() {
    return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM adm_catalogue_version ORDER BY version_no DESC")
        .query(CatalogueRepository::version).list();
  }

  Optional<CatalogueVersion> version(int versionNo) {
    return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM adm_catalogue_version WHERE version_no = :v")
        .param("v", versionNo).query(CatalogueRepository::version).optional();
  }

  Optional<CatalogueVersion> latest() {
    return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM adm_catalogue_version ORDER BY version_no DESC "
        + "FETCH FIRST 1 ROWS ONLY").query(CatalogueRepository::version).optional();
  }

  /** The version in force on a day: the last one published on or before it. */
  Optional<CatalogueVersion> inForceOn(LocalDate day) {
    return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM adm_catalogue_version WHERE published_on <= :d "
        + "ORDER BY version_no DESC FETCH FIRST 1 ROWS ONLY").param("d", day)
        .query(CatalogueRepository::version).optional();
  }

  Optional<CatalogueVersion> bySource(String sourceCaseNo) {
    return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM adm_catalogue_version WHERE source_case_no = :s")
        .param("s", sourceCaseNo).query(CatalogueRepository::version).optional();
  }

  List<CatalogueItem> items(int versionNo) {
    return jdbc.sql("SELECT " + ITEM_COLUMNS + " FROM adm_catalogue_item WHERE version_no = :v "
            + "ORDER BY list_type DESC, code")
        .param("v", versionNo).query(CatalogueRepository::item).list();
  }

  Optional<CatalogueItem> item(int versionNo, String code) {
    return jdbc.sql("SELECT " + ITEM_COLUMNS + " FROM adm_catalogue_item WHERE version_no = :v AND code = :c")
        .param("v", versionNo).param("c", code).query(CatalogueRepository::item).optional();
  }

  /** Versions that contain the item, oldest first. */
  List<Integer> versionsContaining(String code) {
    return jdbc.sql("SELECT version_no FROM adm_catalogue_item WHERE code = :c ORDER BY version_no")
        .param("c", code).query(Integer.class).list();
  }

  /** Highest number used so far by codes with this prefix in any version (codes are never reused). */
  int highestCodeNumber(String prefix) {
    List<String> codes = jdbc.sql("SELECT DISTINCT code FROM adm_catalogue_item WHERE code LIKE :p")
        .param("p", prefix + "-%").query(String.class).list();
    int max = 0;
    for (String c : codes) {
      try {
        max = Math.max(max, Integer.parseInt(c.substring(prefix.length() + 1)));
      } catch (NumberFormatException e) {
        // a code that does not follow the pattern takes no number
      }
    }
    return max;
  }

  void insert(CatalogueVersion v, List<CatalogueItem> items) {
    jdbc.sql("INSERT INTO adm_catalogue_version (" + VERSION_COLUMNS + ") VALUES (:n, :d, :t, :k, :s, :c, :u, :i)")
        .param("n", v.versionNo()).param("d", v.publishedOn()).param("t", v.publishedAt())
        .param("k", v.changeKind().name()).param("s", v.summary()).param("c", v.sourceCaseNo())
        .param("u", v.publishedBy()).param("i", v.itemCount()).update();
    template.batchUpdate("INSERT INTO adm_catalogue_item (version_no, " + ITEM_COLUMNS + ") VALUES "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        items.stream().map(i -> new Object[] {v.versionNo(), i.code(), i.name(), i.listType().name(),
            i.departmentCode(), i.legalBasis(), i.content(), i.frequency().name(), i.workloadHours(), i.funding(),
            i.addsSignboard(), i.addsLedger(), i.addsCertificate(), i.admittedBy(), i.effectiveDate(),
            i.scopeStreets().isEmpty() ? null : String.join(",", i.scopeStreets()), i.sampleData()}).toList());
  }

  private static CatalogueVersion version(ResultSet rs, int row) throws SQLException {
    return new CatalogueVersion(rs.getInt(1), rs.getDate(2).toLocalDate(), rs.getTimestamp(3).toLocalDateTime(),
        ChangeKind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8));
  }

  private static CatalogueItem item(ResultSet rs, int row) throws SQLException {
    String scope = rs.getString(15);
    return new CatalogueItem(rs.getString(1), rs.getString(2), ListType.valueOf(rs.getString(3)), rs.getString(4),
        rs.getString(5), rs.getString(6), Frequency.valueOf(rs.getString(7)), rs.getInt(8), rs.getBigDecimal(9),
        rs.getBoolean(10), rs.getBoolean(11), rs.getBoolean(12), rs.getString(13), rs.getDate(14).toLocalDate(),
        scope == null ? List.of() : Arrays.asList(scope.split(",")), rs.getBoolean(16));
  }
}
