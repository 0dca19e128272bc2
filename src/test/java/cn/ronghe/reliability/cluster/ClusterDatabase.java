package cn.ronghe.reliability.cluster;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The PostgreSQL 15 server the nodes share (zonky's embedded binaries, in the test JVM), an empty database
 * {@code ronghe} on it, and a small pool for the test's own queries.
 */
final class ClusterDatabase implements AutoCloseable {

  static final String NAME = "ronghe";

  private final EmbeddedPostgres server;
  private final HikariDataSource pool;
  private final JdbcClient jdbc;

  ClusterDatabase() {
    try {
      server = EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + NAME);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    pool = new HikariDataSource();
    pool.setJdbcUrl(url());
    pool.setUsername("postgres");
    pool.setPassword("postgres");
    pool.setMaximumPoolSize(3);
    jdbc = JdbcClient.create(pool);
  }

  String url() {
    return "jdbc:postgresql://localhost:" + server.getPort() + "/" + NAME;
  }

  /** What a node needs to reach the database, as the postgres profile reads it. */
  Map<String, String> env() {
    return Map.of("RONGHE_DB_URL", url(), "RONGHE_DB_USER", "postgres", "RONGHE_DB_PASSWORD", "postgres");
  }

  JdbcClient jdbc() {
    return jdbc;
  }

  long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  /** The key values that occur more than once in {@code table}, e.g. {@code [[dongcang, 2]]}: empty is right. */
  List<List<Object>> duplicates(String table, String key, String where) {
    return jdbc.sql("SELECT " + key + ", COUNT(*) FROM " + table + (where == null ? "" : " WHERE " + where)
        + " GROUP BY " + key + " HAVING COUNT(*) > 1").query((rs, i) -> {
          int n = rs.getMetaData().getColumnCount();
          List<Object> row = new java.util.ArrayList<>();
          for (int c = 1; c <= n; c++) {
            row.add(rs.getObject(c));
          }
          return row;
        }).list();
  }

  /**
   * Polls {@code condition} every {@code pollMillis} until it holds; on timeout fails with what was awaited,
   * the state it was in, and the end of every node's log.
   */
  static void await(String what, Duration timeout, long pollMillis, BooleanSupplier condition,
      Supplier<String> state, AppNode... nodes) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      boolean noneLeft = nodes.length > 0 && java.util.Arrays.stream(nodes).noneMatch(AppNode::alive);
      if (noneLeft || System.nanoTime() > deadline) {
        StringBuilder m = new StringBuilder((noneLeft ? "No node left running" : "Timed out after "
            + timeout.toSeconds() + " s") + " waiting for " + what + "; state: " + state.get());
        for (AppNode n : nodes) {
          m.append("\n--- ").append(n.name()).append(n.alive() ? " (running)" : " (not running)")
              .append(", end of its log:\n").append(n.tail(40));
        }
        throw new AssertionError(m.toString());
      }
      AppNode.sleep(pollMillis);
    }
  }

  @Override
  public void close() throws IOException {
    pool.close();
    server.close();
  }
}
