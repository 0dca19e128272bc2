package cn.ronghe.cobuilding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Tables cb_category, cb_demand, cb_resource, cb_history and cb_match_suggestion. */
@Repository
public class ListRepository {

  private static final String DEMAND_SELECT = "SELECT d.id, d.item_no, d.community_code, c.name, d.street_code, "
      + "s.name, d.category, k.name, d.title, d.description, d.beneficiaries, d.beneficiary_count, d.expected_from, "
      + "d.expected_to, d.contact_name, d.status, d.published_at, d.published_by FROM cb_demand d "
      + "JOIN org_community c ON c.code = d.community_code JOIN org_street s ON s.code = d.street_code "
      + "JOIN cb_category k ON k.code = d.category";
  private static final String RESOURCE_SELECT = "SELECT r.id, r.item_no, r.unit_code, u.name, r.category, k.name, "
      + "r.title, r.offering, r.capacity, r.capacity_count, r.available_from, r.available_to, r.service_scope, "
      + "r.contact_name, r.status, r.published_at, r.published_by FROM cb_resource r "
      + "JOIN org_unit u ON u.code = r.unit_code JOIN cb_category k ON k.code = r.category";

  /** Filters of a list query; null means "any". */
  public record Filter(String community, String street, String unit, String category, String status) {
    public static Filter none() {
      return new Filter(null, null, null, null, null);
    }
  }

  private final JdbcClient jdbc;

  ListRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Category> categories() {
    return jdbc.sql("SELECT code, name FROM cb_category ORDER BY sort_order")
        .query((rs, i) -> new Category(rs.getString(1), rs.getString(2))).list();
  }

  public Optional<Category> category(String code) {
    return categories().stream().filter(c -> c.code().equals(code)).findFirst();
  }

  public List<DemandItem> demands(Filter f) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    var params = new java.util.LinkedHashMap<String, Object>();
    condition(where, params, "d.community_code", "community", f.community());
    condition(where, params, "d.street_code", "street", f.street());
    condition(where, params, "d.category", "category", f.category());
    condition(where, params, "d.status", "status", f.status());
    return jdbc.sql(DEMAND_SELECT + where + " ORDER BY d.published_at DESC, d.id DESC").params(params)
        .query(ListRepository::demand).list();
  }

  public Optional<DemandItem> demand(String itemNo) {
    return jdbc.sql(DEMAND_SELECT + " WHERE d.item_no = :n").param("n", itemNo).query(ListRepository::demand)
        .optional();
  }

  public Optional<DemandItem> demand(long id) {
    return jdbc.sql(DEMAND_SELECT + " WHERE d.id = :id").param("id", id).query(ListRepository::demand).optional();
  }

  public List<ResourceItem> resources(Filter f) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    var params = new java.util.LinkedHashMap<String, Object>();
    condition(where, params, "r.unit_code", "unit", f.unit());
    condition(where, params, "r.category", "category", f.category());
    condition(where, params, "r.status", "status", f.status());
    if (f.street() != null) {
      where.append(" AND r.unit_code IN (SELECT p.unit_code FROM org_pairing p JOIN org_community c "
          + "ON c.code = p.community_code WHERE p.active AND c.street_code = :street)");
      params.put("street", f.street());
    }
    if (f.community() != null) {
      where.append(" AND r.unit_code IN (SELECT p.unit_code FROM org_pairing p WHERE p.active "
          + "AND p.community_code = :community)");
      params.put("community", f.community());
    }
    return jdbc.sql(RESOURCE_SELECT + where + " ORDER BY r.published_at DESC, r.id DESC").params(params)
        .query(ListRepository::resource).list();
  }

  public Optional<ResourceItem> resource(String itemNo) {
    return jdbc.sql(RESOURCE_SELECT + " WHERE r.item_no = :n").param("n", itemNo).query(ListRepository::resource)
        .optional();
  }

  public Optional<ResourceItem> resource(long id) {
    return jdbc.sql(RESOURCE_SELECT + " WHERE r.id = :id").param("id", id).query(ListRepository::resource)
        .optional();
  }

  long insertDemand(ListItemInput.DemandInput d, String itemNo, String streetCode, String actor) {
    LocalDateTime now = Times.now();
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO cb_demand (item_no, community_code, street_code, category, title, description, "
            + "beneficiaries, beneficiary_count, expected_from, expected_to, contact_name, status, published_at, "
            + "published_by, updated_at) VALUES (:no, :c, :s, :k, :t, :d, :b, :bc, :ef, :et, :cn, 'OPEN', :now, :by, :now)")
        .param("no", itemNo).param("c", d.communityCode()).param("s", streetCode).param("k", d.category())
        .param("t", d.title()).param("d", d.description()).param("b", d.beneficiaries())
        .param("bc", d.beneficiaryCount()).param("ef", d.expectedFrom()).param("et", d.expectedTo())
        .param("cn", d.contactName()).param("now", now).param("by", actor)
        .update(keys, "id");
    long id = keys.getKey().longValue();
    history("DEMAND", id, "PUBLISHED", "发布需求：" + d.title(), actor);
    return id;
  }

  long insertResource(ListItemInput.ResourceInput r, String itemNo, String actor) {
    LocalDateTime now = Times.now();
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO cb_resource (item_no, unit_code, category, title, offering, capacity, capacity_count, "
            + "available_from, available_to, service_scope, contact_name, status, published_at, published_by, "
            + "updated_at) VALUES (:no, :u, :k, :t, :o, :cap, :cc, :af, :at, :sc, :cn, 'OPEN', :now, :by, :now)")
        .param("no", itemNo).param("u", r.unitCode()).param("k", r.category()).param("t", r.title())
        .param("o", r.offering()).param("cap", r.capacity()).param("cc", r.capacityCount())
        .param("af", r.availableFrom()).param("at", r.availableTo()).param("sc", r.serviceScope().name())
        .param("cn", r.contactName()).param("now", now).param("by", actor)
        .update(keys, "id");
    long id = keys.getKey().longValue();
    history("RESOURCE", id, "PUBLISHED", "发布资源：" + r.title(), actor);
    return id;
  }

  /** Moves a demand from one status to another; false when it was no longer in the expected status. */
  public boolean moveDemand(long id, ItemStatus.Demand from, ItemStatus.Demand to) {
    return jdbc.sql("UPDATE cb_demand SET status = :to, updated_at = :now WHERE id = :id AND status = :from")
        .param("to", to.name()).param("now", Times.now()).param("id", id).param("from", from.name())
        .update() == 1;
  }

  boolean withdrawResource(long id) {
    return jdbc.sql("UPDATE cb_resource SET status = 'WITHDRAWN', updated_at = :now WHERE id = :id AND status = 'OPEN'")
        .param("now", Times.now()).param("id", id).update() == 1;
  }

  public void history(String itemType, long itemId, String action, String note, String actor) {
    jdbc.sql("INSERT INTO cb_history (item_type, item_id, action, note, actor, acted_at) "
            + "VALUES (:t, :i, :a, :n, :by, :at)")
        .param("t", itemType).param("i", itemId).param("a", action)
        .param("n", note == null || note.length() <= 1000 ? note : note.substring(0, 1000))
        .param("by", actor == null ? "system" : actor).param("at", Times.now()).update();
  }

  public List<HistoryEntry> history(String itemType, long itemId) {
    return jdbc.sql("SELECT action, note, actor, acted_at FROM cb_history WHERE item_type = :t AND item_id = :i "
            + "ORDER BY acted_at, id").param("t", itemType).param("i", itemId)
        .query((rs, i) -> new HistoryEntry(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4).toLocalDateTime())).list();
  }

  /** Records a suggestion once per pair; returns false when it had been made before. */
  boolean saveSuggestion(long demandId, long resourceId, int score, String explanation) {
    boolean exists = jdbc.sql("SELECT COUNT(*) FROM cb_match_suggestion WHERE demand_id = :d AND resource_id = :r")
        .param("d", demandId).param("r", resourceId).query(Integer.class).single() > 0;
    if (exists) {
      return false;
    }
    jdbc.sql("INSERT INTO cb_match_suggestion (demand_id, resource_id, score, explanation, suggested_at) "
            + "VALUES (:d, :r, :s, :e, :at)")
        .param("d", demandId).param("r", resourceId).param("s", score)
        .param("e", explanation.length() <= 500 ? explanation : explanation.substring(0, 500))
        .param("at", Times.now()).update();
    return true;
  }

  private static void condition(StringBuilder where, java.util.Map<String, Object> params, String column,
      String name, String value) {
    if (value != null && !value.isBlank()) {
      where.append(" AND ").append(column).append(" = :").append(name);
      params.put(name, value);
    }
  }

  private static DemandItem demand(ResultSet rs, int i) throws SQLException {
    return new DemandItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
        rs.getInt(12), rs.getDate(13).toLocalDate(), rs.getDate(14).toLocalDate(), rs.getString(15),
        ItemStatus.Demand.valueOf(rs.getString(16)), rs.getTimestamp(17).toLocalDateTime(), rs.getString(18));
  }

  private static ResourceItem resource(ResultSet rs, int i) throws SQLException {
    return new ResourceItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10),
        rs.getDate(11).toLocalDate(), rs.getDate(12).toLocalDate(), ServiceScope.valueOf(rs.getString(13)),
        rs.getString(14), ItemStatus.Resource.valueOf(rs.getString(15)), rs.getTimestamp(16).toLocalDateTime(),
        rs.getString(17));
  }
}
