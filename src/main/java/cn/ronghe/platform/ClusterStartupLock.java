package cn.ronghe.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lets nodes of a cluster that start at the same time on one PostgreSQL database start one after the other.
 * Camunda creates its schema on the first start without any lock between nodes: two nodes starting together on
 * an empty database both run the create script and one of them fails; the administrator and Camunda's own
 * start-up writes race the same way. The node takes a PostgreSQL session advisory lock before the engine is built
 * and keeps it until the application is ready (or has failed), so the second node finds the schema, the seed data
 * and the deployment in place. If a node dies while starting, its connection closes and the lock goes with it.
 * Nothing to do on H2, which serves one process only.
 */
@Component
class ClusterStartupLock extends AbstractProcessEnginePlugin implements DisposableBean {

  /** "Ronghe" in ASCII: the advisory lock key, the same on every node. */
  static final long KEY = 0x526f6e676865L;

  private static final Logger log = LoggerFactory.getLogger(ClusterStartupLock.class);

  private final DataSource dataSource;
  private Connection held;

  ClusterStartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    acquire();
  }

  synchronized void acquire() {
    if (held != null) {
      return;
    }
    try {
      Connection c = dataSource.getConnection();
      if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
        c.close();
        return;
      }
      try (Statement s = c.createStatement()) {
        if (!queryBoolean(s, "SELECT pg_try_advisory_lock(" + KEY + ")")) {
          log.info("Another node is starting on this database; waiting for it to finish before starting this one");
          s.execute("SELECT pg_advisory_lock(" + KEY + ")");
        }
      }
      held = c;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not take the start-up lock on the database", e);
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  public synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection c = held; Statement s = c.createStatement()) {
      s.execute("SELECT pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException e) {
      log.warn("Could not release the start-up lock; it goes when the connection closes", e);
    } finally {
      held = null;
    }
  }

  /** A start that fails closes the context: the lock must not outlive it. */
  @Override
  public void destroy() {
    release();
  }

  private static boolean queryBoolean(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      return rs.next() && rs.getBoolean(1);
    }
  }
}
