package cn.ronghe.platform;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A row lock in table {@code ronghe_lock}, held until the current transaction ends. Several nodes of a
 * cluster that start at once against one database take it before seeding, so seed data is written once.
 */
@Component
public class DatabaseLock {

  private final JdbcClient jdbc;

  public DatabaseLock(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void acquire(String name) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("DatabaseLock.acquire needs a transaction");
    }
    jdbc.sql("SELECT lock_name FROM ronghe_lock WHERE lock_name = :n FOR UPDATE").param("n", name)
        .query(String.class).optional()
        .orElseThrow(() -> new IllegalStateException("No lock row named " + name));
  }
}
