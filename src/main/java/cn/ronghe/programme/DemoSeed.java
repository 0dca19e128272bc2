package cn.ronghe.programme;

import cn.ronghe.platform.DatabaseLock;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the demo runners of branch, property and grid have seeded (table programme_demo_seed), so that each item
 * is created once however often the application starts.
 */
@Component
public class DemoSeed {

  private final JdbcClient jdbc;
  private final DatabaseLock lock;
  private final TransactionTemplate tx;

  DemoSeed(JdbcClient jdbc, DatabaseLock lock, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.lock = lock;
    this.tx = tx;
  }

  /** Runs the work in one transaction under the start-up lock, unless the item was seeded before. */
  public void once(String item, Runnable work) {
    tx.executeWithoutResult(status -> {
      lock.acquire("startup");
      if (!seeded(item)) {
        work.run();
        mark(item);
      }
    });
  }

  public boolean seeded(String item) {
    return jdbc.sql("SELECT COUNT(*) FROM programme_demo_seed WHERE item = :i").param("i", item).query(Integer.class)
        .single() > 0;
  }

  /** Marks an item seeded (in a transaction of its own when none is active). */
  public void mark(String item) {
    tx.executeWithoutResult(s -> jdbc.sql("INSERT INTO programme_demo_seed (item, seeded_at) VALUES (:i, :t)")
        .param("i", item).param("t", LocalDateTime.now()).update());
  }
}
