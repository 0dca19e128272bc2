package cn.ronghe.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * The bare-engine baseline: start → Java-delegate service task → end, measured in the same JVM and database as
 * the process under test, so our cost per engine step can be given as a ratio to the engine's own.
 */
public final class Baseline {

  static final String KEY = "bench-baseline";
  /** Start event, service task, end event. */
  static final int STEPS = 3;

  private Baseline() {
  }

  static void deploy(ProcessEngine engine) {
    engine.getRepositoryService().createDeployment().name(KEY).enableDuplicateFiltering(true)
        .addClasspathResource("bench/bench-baseline.bpmn").deploy();
  }

  /** Instances per second over {@code count} instances started by {@code threads} threads. */
  static double instancesPerSecond(ProcessEngine engine, int threads, int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int share = count / threads;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < share; i++) {
            engine.getRuntimeService().startProcessInstanceByKey(KEY);
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return (count / threads * threads) / seconds;
    } finally {
      pool.shutdown();
    }
  }

  /** Milliseconds per engine step on one thread, after a warm-up; recorded in the table. */
  static double costPerStepMillis(ProcessEngine engine, String section) throws Exception {
    deploy(engine);
    instancesPerSecond(engine, 1, 500);
    double rate = instancesPerSecond(engine, 1, 2000);
    double cost = 1000.0 / (rate * STEPS);
    BenchTable.add(section, "baseline instances/s (1 thread)", rate, "1/s", "start → delegate → end, same run");
    BenchTable.add(section, "baseline ms per engine step", cost, "ms", "");
    return cost;
  }
}
