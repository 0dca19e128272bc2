package cn.ronghe.admission;

import cn.ronghe.platform.error.FieldProblem;
import cn.ronghe.platform.error.RongheException;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Table adm_banned_category: matters the city took away from communities. Entries are deactivated, not deleted. */
@Repository
class BannedCategories {

  record Entry(long id, String keyword, String category, String reason, boolean active, LocalDateTime changedAt,
      String changedBy) {
  }

  private final JdbcClient jdbc;

  BannedCategories(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<ApplicationChecks.Banned> active() {
    return jdbc.sql("SELECT keyword, category, reason FROM adm_banned_category WHERE active ORDER BY id")
        .query((rs, i) -> new ApplicationChecks.Banned(rs.getString(1), rs.getString(2), rs.getString(3))).list();
  }

  List<Entry> all() {
    return jdbc.sql("SELECT id, keyword, category, reason, active, changed_at, changed_by FROM adm_banned_category "
            + "ORDER BY id")
        .query((rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getBoolean(5), rs.getTimestamp(6).toLocalDateTime(), rs.getString(7))).list();
  }

  /** Adds a keyword, or reactivates it with the new category and reason. */
  @Transactional
  Entry put(String keyword, String category, String reason, String user) {
    String k = clean(keyword, 50, "keyword", "关键词");
    String c = clean(category, 100, "category", "类别");
    String r = clean(reason, 500, "reason", "理由");
    LocalDateTime now = LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), java.time.ZoneId.systemDefault());
    boolean exists = jdbc.sql("SELECT COUNT(*) FROM adm_banned_category WHERE keyword = :k").param("k", k)
        .query(Integer.class).single() > 0;
    if (exists) {
      jdbc.sql("UPDATE adm_banned_category SET category = :c, reason = :r, active = TRUE, changed_at = :t, "
          + "changed_by = :u WHERE keyword = :k").param("c", c).param("r", r).param("t", now).param("u", user)
          .param("k", k).update();
    } else {
      jdbc.sql("INSERT INTO adm_banned_category (keyword, category, reason, active, changed_at, changed_by) "
          + "VALUES (:k, :c, :r, TRUE, :t, :u)").param("k", k).param("c", c).param("r", r).param("t", now)
          .param("u", user).update();
    }
    return all().stream().filter(e -> e.keyword().equals(k)).findFirst().orElseThrow();
  }

  @Transactional
  Entry deactivate(long id, String user) {
    int changed = jdbc.sql("UPDATE adm_banned_category SET active = FALSE, changed_at = :t, changed_by = :u "
            + "WHERE id = :id")
        .param("t", LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), java.time.ZoneId.systemDefault()))
        .param("u", user).param("id", id).update();
    if (changed == 0) {
      throw RongheException.notFound("禁止下派类别", String.valueOf(id));
    }
    return all().stream().filter(e -> e.id() == id).findFirst().orElseThrow();
  }

  private static String clean(String v, int max, String field, String label) {
    if (v == null || v.isBlank() || v.strip().length() > max) {
      throw RongheException.invalid(List.of(new FieldProblem(field, label + "须为 1–" + max + " 字",
          field + " must be 1-" + max + " characters")));
    }
    return v.strip();
  }
}
