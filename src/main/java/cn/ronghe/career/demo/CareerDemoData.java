package cn.ronghe.career.demo;

import cn.ronghe.platform.DatabaseLock;
import cn.ronghe.platform.calendar.Deadlines;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data of the career ladder, created once (table career_demo_seed remembers what exists): the worker
 * registry with histories; then the demo cases.
 */
@Component
@Order(110)
@ConditionalOnProperty(name = "ronghe.demo.enabled", havingValue = "true")
class CareerDemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(CareerDemoData.class);

  private final CareerDemoWorkers workers;
  private final DatabaseLock lock;
  private final TransactionTemplate tx;
  private final JdbcClient jdbc;
  private final Deadlines clock;

  CareerDemoData(CareerDemoWorkers workers, DatabaseLock lock, TransactionTemplate tx, JdbcClient jdbc,
      Deadlines clock) {
    this.workers = workers;
    this.lock = lock;
    this.tx = tx;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    int reviewYear = clock.today().getYear() - 1;
    once("workers", () -> {
      var g = workers.seedAll(reviewYear);
      log.info("Seeded {} demo community workers with {} grade history lines", g.workers().size(), g.history().size());
    });
  }

  private void once(String item, Runnable work) {
    tx.executeWithoutResult(status -> {
      lock.acquire("startup");
      if (jdbc.sql("SELECT COUNT(*) FROM career_demo_seed WHERE item = :i").param("i", item).query(Integer.class)
          .single() > 0) {
        return;
      }
      work.run();
      jdbc.sql("INSERT INTO career_demo_seed (item, seeded_at) VALUES (:i, :t)").param("i", item)
          .param("t", LocalDateTime.now()).update();
    });
  }
}
