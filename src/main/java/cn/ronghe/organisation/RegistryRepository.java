package cn.ronghe.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables org_street, org_community, org_unit, org_pairing, org_department and org_registry_version. */
@Repository
public class RegistryRepository {

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  RegistryRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  public List<Street> streets() {
    return jdbc.sql("SELECT code, name, kind, sample_data, active FROM org_street WHERE active ORDER BY sort_order")
        .query((rs, i) -> new Street(rs.getString(1), rs.getString(2), StreetKind.valueOf(rs.getString(3)),
            rs.getBoolean(4), rs.getBoolean(5))).list();
  }

  public Optional<Street> street(String code) {
    return jdbc.sql("SELECT code, name, kind, sample_data, active FROM org_street WHERE code = :c").param("c", code)
        .query((rs, i) -> new Street(rs.getString(1), rs.getString(2), StreetKind.valueOf(rs.getString(3)),
            rs.getBoolean(4), rs.getBoolean(5))).optional();
  }

  public List<Community> communities(String streetCode) {
    String where = streetCode == null ? "" : " AND street_code = :s";
    var spec = jdbc.sql("SELECT code, name, street_code, sample_data, active FROM org_community WHERE active"
        + where + " ORDER BY sort_order");
    if (streetCode != null) {
      spec = spec.param("s", streetCode);
    }
    return spec.query(RegistryRepository::community).list();
  }

  public Optional<Community> community(String code) {
    return jdbc.sql("SELECT code, name, street_code, sample_data, active FROM org_community WHERE code = :c")
        .param("c", code).query(RegistryRepository::community).optional();
  }

  public List<Unit> units(UnitKind kind) {
    String where = kind == null ? "" : " AND kind = :k";
    var spec = jdbc.sql("SELECT code, name, kind, sample_data, active FROM org_unit WHERE active" + where
        + " ORDER BY sort_order");
    if (kind != null) {
      spec = spec.param("k", kind.name());
    }
    return spec.query(RegistryRepository::unit).list();
  }

  public Optional<Unit> unit(String code) {
    return jdbc.sql("SELECT code, name, kind, sample_data, active FROM org_unit WHERE code = :c").param("c", code)
        .query(RegistryRepository::unit).optional();
  }

  /** Active pairings, optionally of one community or one unit. */
  public List<Pairing> pairings(String communityCode, String unitCode) {
    StringBuilder sql = new StringBuilder("SELECT unit_code, community_code, active FROM org_pairing WHERE active");
    if (communityCode != null) {
      sql.append(" AND community_code = :c");
    }
    if (unitCode != null) {
      sql.append(" AND unit_code = :u");
    }
    var spec = jdbc.sql(sql.append(" ORDER BY community_code, unit_code").toString());
    if (communityCode != null) {
      spec = spec.param("c", communityCode);
    }
    if (unitCode != null) {
      spec = spec.param("u", unitCode);
    }
    return spec.query((rs, i) -> new Pairing(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list();
  }

  public boolean isPaired(String unitCode, String communityCode) {
    return jdbc.sql("SELECT COUNT(*) FROM org_pairing WHERE active AND unit_code = :u AND community_code = :c")
        .param("u", unitCode).param("c", communityCode).query(Integer.class).single() > 0;
  }

  public List<Department> departments() {
    return jdbc.sql("SELECT code, name, short_name FROM org_department WHERE active ORDER BY code")
        .query((rs, i) -> new Department(rs.getString(1), rs.getString(2), rs.getString(3))).list();
  }

  public Optional<Department> department(String code) {
    return jdbc.sql("SELECT code, name, short_name FROM org_department WHERE code = :c").param("c", code)
        .query((rs, i) -> new Department(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
  }

  public Optional<RegistryVersion> currentVersion() {
    return jdbc.sql("SELECT version_no, label, source, loaded_at, loaded_by, street_count, community_count, "
        + "unit_count, pairing_count FROM org_registry_version ORDER BY version_no DESC FETCH FIRST 1 ROWS ONLY")
        .query((rs, i) -> new RegistryVersion(rs.getInt(1), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4).toLocalDateTime(), rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
            rs.getInt(9))).optional();
  }

  /**
   * Replaces the registry with the snapshot: records in the file are inserted or updated and active; records
   * absent from it stay in the tables as inactive, so older cases can still name them.
   */
  RegistryVersion replace(RegistrySnapshot s, String source, String user) {
    Set<String> streets = existing("org_street");
    upsert("org_street", streets, s.streets().size(), i -> {
      Street x = s.streets().get(i);
      return new Object[] {x.name(), x.kind().name(), x.sampleData(), i, x.code()};
    }, "name = ?, kind = ?, sample_data = ?, sort_order = ?", "name, kind, sample_data, sort_order");
    Set<String> communities = existing("org_community");
    upsert("org_community", communities, s.communities().size(), i -> {
      Community x = s.communities().get(i);
      return new Object[] {x.name(), x.streetCode(), x.sampleData(), i, x.code()};
    }, "name = ?, street_code = ?, sample_data = ?, sort_order = ?", "name, street_code, sample_data, sort_order");
    Set<String> units = existing("org_unit");
    upsert("org_unit", units, s.units().size(), i -> {
      Unit x = s.units().get(i);
      return new Object[] {x.name(), x.kind().name(), x.sampleData(), i, x.code()};
    }, "name = ?, kind = ?, sample_data = ?, sort_order = ?", "name, kind, sample_data, sort_order");
    deactivateMissing("org_street", s.streets().stream().map(Street::code).toList());
    deactivateMissing("org_community", s.communities().stream().map(Community::code).toList());
    deactivateMissing("org_unit", s.units().stream().map(Unit::code).toList());

    template.update("UPDATE org_pairing SET active = FALSE");
    Set<String> pairs = new HashSet<>(template.queryForList(
        "SELECT unit_code || '->' || community_code FROM org_pairing", String.class));
    List<Object[]> update = s.pairings().stream().filter(p -> pairs.contains(p.unitCode() + "->" + p.communityCode()))
        .map(p -> new Object[] {p.unitCode(), p.communityCode()}).toList();
    List<Object[]> insert = s.pairings().stream().filter(p -> !pairs.contains(p.unitCode() + "->" + p.communityCode()))
        .map(p -> new Object[] {p.unitCode(), p.communityCode()}).toList();
    template.batchUpdate("UPDATE org_pairing SET active = TRUE WHERE unit_code = ? AND community_code = ?", update);
    template.batchUpdate("INSERT INTO org_pairing (unit_code, community_code, active) VALUES (?, ?, TRUE)", insert);

    int next = jdbc.sql("SELECT COALESCE(MAX(version_no), 0) + 1 FROM org_registry_version").query(Integer.class).single();
    RegistryVersion v = new RegistryVersion(next, s.label(), source, LocalDateTime.now(), user, s.streets().size(),
        s.communities().size(), s.units().size(), s.pairings().size());
    jdbc.sql("INSERT INTO org_registry_version (version_no, label, source, loaded_at, loaded_by, street_count, "
            + "community_count, unit_count, pairing_count) VALUES (:n, :l, :s, :t, :u, :sc, :cc, :uc, :pc)")
        .param("n", v.versionNo()).param("l", v.label()).param("s", v.source()).param("t", v.loadedAt())
        .param("u", v.loadedBy()).param("sc", v.streets()).param("cc", v.communities()).param("uc", v.units())
        .param("pc", v.pairings()).update();
    return v;
  }

  private interface Row {
    Object[] values(int index);
  }

  /** Rows given as [non-key values..., code]; existing codes are updated, new ones inserted, all active. */
  private void upsert(String table, Set<String> existing, int count, Row row, String setClause, String columns) {
    List<Object[]> updates = new java.util.ArrayList<>();
    List<Object[]> inserts = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      Object[] values = row.values(i);
      String code = (String) values[values.length - 1];
      (existing.contains(code) ? updates : inserts).add(values);
    }
    template.batchUpdate("UPDATE " + table + " SET " + setClause + ", active = TRUE WHERE code = ?", updates);
    String marks = "?, ".repeat(columns.split(",").length);
    template.batchUpdate("INSERT INTO " + table + " (" + columns + ", code, active) VALUES (" + marks + "?, TRUE)",
        inserts);
  }

  private Set<String> existing(String table) {
    return new HashSet<>(template.queryForList("SELECT code FROM " + table, String.class));
  }

  private void deactivateMissing(String table, List<String> keep) {
    Set<String> keepSet = new HashSet<>(keep);
    List<Object[]> gone = existing(table).stream().filter(c -> !keepSet.contains(c)).map(c -> new Object[] {c}).toList();
    template.batchUpdate("UPDATE " + table + " SET active = FALSE WHERE code = ?", gone);
  }

  private static Community community(ResultSet rs, int i) throws SQLException {
    return new Community(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5));
  }

  private static Unit unit(ResultSet rs, int i) throws SQLException {
    return new Unit(rs.getString(1), rs.getString(2), UnitKind.valueOf(rs.getString(3)), rs.getBoolean(4),
        rs.getBoolean(5));
  }
}
