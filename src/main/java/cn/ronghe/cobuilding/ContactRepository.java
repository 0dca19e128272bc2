package cn.ronghe.cobuilding;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table cb_contact: units' reports to (and contacts with) their paired communities. */
@Repository
public class ContactRepository {

  private final JdbcClient jdbc;

  ContactRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String unit, String community, LocalDate date, Contact.Kind kind, String note, String actor) {
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("INSERT INTO cb_contact (unit_code, community_code, contact_date, kind, note, recorded_by, recorded_at) "
            + "VALUES (:u, :c, :d, :k, :n, :by, :at)")
        .param("u", unit).param("c", community).param("d", date).param("k", kind.name()).param("n", note)
        .param("by", actor).param("at", Times.now()).update(keys, "id");
    return keys.getKey().longValue();
  }

  public List<Contact> contacts(String unit, String community, String street, Integer year) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    if (unit != null) {
      where.append(" AND t.unit_code = :u");
      params.put("u", unit);
    }
    if (community != null) {
      where.append(" AND t.community_code = :c");
      params.put("c", community);
    }
    if (street != null) {
      where.append(" AND t.community_code IN (SELECT code FROM org_community WHERE street_code = :s)");
      params.put("s", street);
    }
    if (year != null) {
      where.append(" AND t.contact_date BETWEEN :from AND :to");
      params.put("from", LocalDate.of(year, 1, 1));
      params.put("to", LocalDate.of(year, 12, 31));
    }
    return jdbc.sql("SELECT t.id, t.unit_code, t.community_code, t.contact_date, t.kind, t.note, t.recorded_by, "
            + "t.recorded_at FROM cb_contact t" + where + " ORDER BY t.contact_date DESC, t.id DESC")
        .params(params)
        .query((rs, i) -> new Contact(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toLocalDateTime()))
        .list();
  }

  /** Whether the unit reported to (or had any recorded contact with) the community in the period. */
  public boolean reported(String unit, String community, LocalDate from, LocalDate to) {
    return count(unit, community, from, to) > 0;
  }

  public int count(String unit, String community, LocalDate from, LocalDate to) {
    return jdbc.sql("SELECT COUNT(*) FROM cb_contact WHERE unit_code = :u AND community_code = :c "
            + "AND contact_date BETWEEN :f AND :t")
        .param("u", unit).param("c", community).param("f", from).param("t", to).query(Integer.class).single();
  }

  /** Projects of the pair closed in the period: shown to the rater as context. */
  public int closedProjects(String unit, String community, LocalDate from, LocalDate to) {
    return jdbc.sql("SELECT COUNT(*) FROM cb_project WHERE unit_code = :u AND community_code = :c "
            + "AND status = 'CLOSED' AND closed_at BETWEEN :f AND :t")
        .param("u", unit).param("c", community).param("f", from.atStartOfDay())
        .param("t", to.plusDays(1).atStartOfDay()).query(Integer.class).single();
  }
}
