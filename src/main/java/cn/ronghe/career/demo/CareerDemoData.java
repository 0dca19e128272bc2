package cn.ronghe.career.demo;

import cn.ronghe.platform.DatabaseLock;
import cn.ronghe.platform.calendar.Deadlines;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data of the career ladder, created once (table career_demo_seed remembers what exists): the worker
 * registry with histories, then the demo cases. Demo only: the cases are made outside the start-up lock, so a
 * cluster must not run the demo profile.
 */
@Component
@Order(110)
@ConditionalOnProperty(name = "ronghe.demo.enabled", havingValue = "true")
public class CareerDemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(CareerDemoData.class);

  private final CareerDemoWorkers workers;
  private final CareerDemoCases cases;
  private final DatabaseLock lock;
  private final TransactionTemplate tx;
  private final JdbcClient jdbc;
  private final Deadlines clock;
  private final boolean casesOnStartup;

  CareerDemoData(CareerDemoWorkers workers, CareerDemoCases cases, DatabaseLock lock, TransactionTemplate tx,
      JdbcClient jdbc, Deadlines clock, @Value("${ronghe.career.demo-cases:true}") boolean casesOnStartup) {
    this.casesOnStartup = casesOnStartup;
    this.workers = workers;
    this.cases = cases;
    this.lock = lock;
    this.tx = tx;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The registry always; the cases unless {@code ronghe.career.demo-cases=false} (tests: process-test coverage
   * refuses process runs before a test starts, so a test seeds them with {@link #seedCases()}).
   */
  @Override
  public void run(ApplicationArguments args) {
    once("workers", () -> {
      var g = workers.seedAll(clock.today().getYear() - 1);
      log.info("Seeded {} demo community workers with {} grade history lines", g.workers().size(), g.history().size());
    });
    if (casesOnStartup) {
      seedCases();
    }
  }

  /** The demo cases, unless they exist. They run processes step by step, with jobs in between: not one transaction. */
  public synchronized void seedCases() {
    int reviewYear = clock.today().getYear() - 1;
    if (!seeded("cases")) {
      String cycle = cases.reviewCycle(reviewYear);
      String onboarding = cases.onboarding();
      String postChange = cases.postChange();
      mark("cases");
      log.info("Seeded demo cases: annual review {}, onboarding {}, post change {}", cycle, onboarding, postChange);
    }
  }

  private boolean seeded(String item) {
    return jdbc.sql("SELECT COUNT(*) FROM career_demo_seed WHERE item = :i").param("i", item).query(Integer.class)
        .single() > 0;
  }

  private void mark(String item) {
    jdbc.sql("INSERT INTO career_demo_seed (item, seeded_at) VALUES (:i, :t)").param("i", item)
        .param("t", LocalDateTime.now()).update();
  }

  private void once(String item, Runnable work) {
    tx.executeWithoutResult(status -> {
      lock.acquire("startup");
      if (seeded(item)) {
        return;
      }
      work.run();
      mark(item);
    });
  }
}
