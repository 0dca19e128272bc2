package cn.ronghe.platform.calendar;

import cn.ronghe.platform.error.FieldProblem;
import cn.ronghe.platform.error.RongheException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city's working-day calendar, kept in table {@code cal_special_day}. Read often (every deadline) and
 * changed a few times a year, so the table is cached for a minute; a change on this node clears the cache at
 * once, other cluster nodes see it within the minute.
 */
@Service
public class WorkCalendar {

  private static final Duration CACHE_TTL = Duration.ofMinutes(1);

  private final JdbcClient jdbc;
  private volatile WorkingDays cached;
  private volatile Instant cachedAt = Instant.EPOCH;

  public WorkCalendar(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public WorkingDays workingDays() {
    WorkingDays current = cached;
    if (current == null || Instant.now().isAfter(cachedAt.plus(CACHE_TTL))) {
      Map<LocalDate, WorkingDays.Kind> days = new HashMap<>();
      for (SpecialDay d : specialDays(null)) {
        days.put(d.date(), d.kind());
      }
      current = new WorkingDays(days);
      cached = current;
      cachedAt = Instant.now();
    }
    return current;
  }

  public List<SpecialDay> specialDays(Integer year) {
    String where = year == null ? "" : " WHERE cal_date BETWEEN :from AND :to";
    var spec = jdbc.sql("SELECT cal_date, kind, name FROM cal_special_day" + where + " ORDER BY cal_date");
    if (year != null) {
      spec = spec.param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31));
    }
    return spec.query((rs, i) -> new SpecialDay(rs.getDate(1).toLocalDate(),
        WorkingDays.Kind.valueOf(rs.getString(2)), rs.getString(3))).list();
  }

  @Transactional
  public SpecialDay put(LocalDate date, String kind, String name) {
    if (date == null || kind == null || name == null || name.isBlank() || name.length() > 50) {
      throw RongheException.invalid(List.of(new FieldProblem("date/kind/name",
          "日期、类型（HOLIDAY 或 WORKDAY）和名称（1–50 字）均为必填",
          "date, kind (HOLIDAY or WORKDAY) and name (1-50 characters) are required")));
    }
    WorkingDays.Kind k;
    try {
      k = WorkingDays.Kind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      throw RongheException.invalid(List.of(new FieldProblem("kind", "类型只能是 HOLIDAY 或 WORKDAY",
          "kind must be HOLIDAY or WORKDAY")));
    }
    jdbc.sql("DELETE FROM cal_special_day WHERE cal_date = :d").param("d", date).update();
    jdbc.sql("INSERT INTO cal_special_day (cal_date, kind, name) VALUES (:d, :k, :n)")
        .param("d", date).param("k", k.name()).param("n", name.strip()).update();
    cached = null;
    return new SpecialDay(date, k, name.strip());
  }

  @Transactional
  public void remove(LocalDate date) {
    int removed = jdbc.sql("DELETE FROM cal_special_day WHERE cal_date = :d").param("d", date).update();
    if (removed == 0) {
      throw RongheException.notFound("日历特殊日期", date.toString());
    }
    cached = null;
  }
}
