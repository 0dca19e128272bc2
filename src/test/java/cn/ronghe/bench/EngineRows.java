package cn.ronghe.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Row counts of the engine's runtime and history tables, and waiting for the job executor. */
public final class EngineRows {

  private EngineRows() {
  }

  /** Rows per table family: "runtime" (ACT_RU_*), "history" (ACT_HI_*). */
  public static Map<String, Long> count(DataSource dataSource) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    List<String> tables = jdbc.queryForList("SELECT UPPER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES "
        + "WHERE UPPER(TABLE_NAME) LIKE 'ACT\\_RU\\_%' ESCAPE '\\' OR UPPER(TABLE_NAME) LIKE 'ACT\\_HI\\_%' ESCAPE '\\'",
        String.class);
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("runtime", 0L);
    counts.put("history", 0L);
    for (String t : tables.stream().distinct().toList()) {
      Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class);
      counts.merge(t.startsWith("ACT_RU_") ? "runtime" : "history", n, Long::sum);
    }
    return counts;
  }

  /** Polls every 100 ms until the condition holds; fails after the timeout. */
  public static void await(String what, long timeoutMillis, BooleanSupplier condition) {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
  }
}
