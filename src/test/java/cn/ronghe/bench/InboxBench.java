package cn.ronghe.bench;

import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Section 5: a street reviewer's inbox — first page (50 tasks) and count of their filter 本街道待办, run as that
 * user with authorization checks on — with 10,000 and then 100,000 open tasks spread over every street and
 * community group of Taicang.
 */
@RongheBenchTest
class InboxBench {

  private static final int SAMPLES = 200;
  /** A slow plan takes seconds per query; then fewer samples are taken, at least {@link #MIN_SAMPLES}. */
  private static final long BUDGET_NANOS = 60_000_000_000L;
  private static final int MIN_SAMPLES = 20;

  @Autowired
  ProcessEngine engine;
  @Autowired
  FilterService filters;
  @Autowired
  IdentityService identity;
  @Autowired
  DataSource dataSource;

  @Test
  void streetReviewerInbox() throws Exception {
    List<String> all = new java.util.ArrayList<>();
    identity.createGroupQuery().groupType("street").list().forEach(g -> all.add(g.getId()));
    identity.createGroupQuery().groupType("community").list().forEach(g -> all.add(g.getId()));
    Filter street = filters.createFilterQuery().filterName("本街道待办").singleResult();
    int loaded = 0;
    for (int target : new int[] {10_000, 100_000}) {
      long start = System.nanoTime();
      OpenTasks.start(engine, "INBOX-", loaded, target - loaded, i -> all.get(i % all.size()));
      double seconds = (System.nanoTime() - start) / 1e9;
      BenchTable.add("inbox", "open tasks loaded: " + target, target, "tasks",
          String.format("%d started in %.0f s (%.0f/s)", target - loaded, seconds, (target - loaded) / seconds));
      loaded = target;
      analyze();
      measure(street, target, "");
    }
    if ("postgres".equals(BenchTable.database())) {
      customPlansOnly();
      measure(street, loaded, " with custom plans");
      withExpressionStatistics();
      measure(street, loaded, " with custom plans and expression statistics");
      setPlanCacheMode("DEFAULT");
    }
  }

  /**
   * The engine's queries are prepared statements: after five runs the driver prepares them on the server, and
   * PostgreSQL may then keep one generic plan for all parameter values. For the authorization check it estimates
   * one matching row (a bit test on a parameter) and joins every open task before filtering by group. Forcing a
   * plan per execution is a database setting an operator can make; the pool reconnects so that it takes effect.
   */
  private void customPlansOnly() {
    setPlanCacheMode("force_custom_plan");
  }

  /** Sets the mode for the database (DEFAULT: back to the server's), so that later sections see the default. */
  private void setPlanCacheMode(String mode) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    String db = jdbc.queryForObject("SELECT current_database()", String.class);
    jdbc.execute("ALTER DATABASE \"" + db + "\" SET plan_cache_mode = " + mode);
    try {
      dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("the pool must reconnect for the setting to apply", e);
    }
  }

  /**
   * The engine checks authorizations with bit tests ({@code (PERMS_ & 2) = 2} for READ, 64 for READ_TASK), for
   * which PostgreSQL keeps no statistics: it guesses a handful of matching rows where a street has thousands and
   * joins them quadratically. Statistics on those expressions give it the real count; measured here side by side
   * with the plain figures before an operator is told to create them.
   */
  private void withExpressionStatistics() {
    new JdbcTemplate(dataSource).execute("CREATE STATISTICS IF NOT EXISTS bench_authorization_perms "
        + "ON ((perms_ & 2)), ((perms_ & 64)) FROM act_ru_authorization");
    analyze();
  }

  private void measure(Filter filter, int open, String variant) {
    identity.setAuthentication("loudong", List.of("street-loudong", "role-street"));
    try {
      long visible = filters.count(filter.getId());
      long warm = System.nanoTime();
      for (int i = 0; i < 20 && System.nanoTime() - warm < BUDGET_NANOS; i++) {
        filters.listPage(filter.getId(), 0, 50);
        filters.count(filter.getId());
      }
      long[] page = new long[SAMPLES];
      long[] count = new long[SAMPLES];
      long start = System.nanoTime();
      int n = 0;
      while (n < SAMPLES && (n < MIN_SAMPLES || System.nanoTime() - start < BUDGET_NANOS)) {
        long t0 = System.nanoTime();
        filters.listPage(filter.getId(), 0, 50);
        long t1 = System.nanoTime();
        filters.count(filter.getId());
        count[n] = System.nanoTime() - t1;
        page[n] = t1 - t0;
        n++;
      }
      Percentiles p = new Percentiles(java.util.Arrays.copyOf(page, n));
      Percentiles c = new Percentiles(java.util.Arrays.copyOf(count, n));
      String note = open + " open, " + visible + " in loudong's filter, " + n + " samples" + variant;
      BenchTable.add("inbox", "first page p50 @" + open + variant, p.millis(50), "ms", note);
      BenchTable.add("inbox", "first page p95 @" + open + variant, p.millis(95), "ms", note);
      BenchTable.add("inbox", "first page p99 @" + open + variant, p.millis(99), "ms", note);
      BenchTable.add("inbox", "count p50 @" + open + variant, c.millis(50), "ms", note);
      BenchTable.add("inbox", "count p95 @" + open + variant, c.millis(95), "ms", note);
      BenchTable.add("inbox", "count p99 @" + open + variant, c.millis(99), "ms", note);
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * Both databases plan badly on stale statistics after a bulk load: PostgreSQL picks a nested loop for the task
   * query; H2, which keeps no statistics until told, looks up each new task's authorization through the
   * candidate-group index (thousands of rows per group) instead of the resource-id index, so the load itself
   * slows down as it grows.
   */
  private void analyze() {
    new JdbcTemplate(dataSource).execute("ANALYZE");
  }
}
