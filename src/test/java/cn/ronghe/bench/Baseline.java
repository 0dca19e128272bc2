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
  static final String TASK_KEY = "bench-baseline-task";
  /** The user and group who work the baseline's user task (authorization checks on, as for every real task). */
  static final String TASK_USER = "bench-user";
  static final String TASK_GROUP = "bench-group";
  /** Start event, service task, end event. */
  static final int STEPS = 3;

  private Baseline() {
  }

  static void deploy(ProcessEngine engine) {
    engine.getRepositoryService().createDeployment().name(KEY).enableDuplicateFiltering(true)
        .addClasspathResource("bench/bench-baseline.bpmn").addClasspathResource("bench/bench-baseline-task.bpmn")
        .deploy();
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

  /**
   * Milliseconds per engine step of the human-step baseline: start → user task → end, the task completed by a
   * candidate-group member with authorization checks on, start and completion timed, task lookup not.
   */
  static double userTaskCostPerStepMillis(ProcessEngine engine, String section, int count) {
    deploy(engine);
    userTaskNanos(engine, count / 4);
    double perInstance = userTaskNanos(engine, count) / 1e6 / count;
    BenchTable.add(section, "user-task baseline ms per instance", perInstance, "ms",
        "start → user task (completed with authorization) → end");
    BenchTable.add(section, "user-task baseline ms per engine step", perInstance / STEPS, "ms", "");
    return perInstance / STEPS;
  }

  private static long userTaskNanos(ProcessEngine engine, int count) {
    var identity = engine.getIdentityService();
    var tasks = engine.getTaskService();
    long engineNanos = 0;
    for (int i = 0; i < count; i++) {
      long t0 = System.nanoTime();
      String pid = engine.getRuntimeService().startProcessInstanceByKey(TASK_KEY).getId();
      engineNanos += System.nanoTime() - t0;
      String taskId = tasks.createTaskQuery().processInstanceId(pid).singleResult().getId();
      identity.setAuthentication(TASK_USER, List.of(TASK_GROUP));
      t0 = System.nanoTime();
      try {
        tasks.complete(taskId);
      } finally {
        engineNanos += System.nanoTime() - t0;
        identity.clearAuthentication();
      }
    }
    return engineNanos;
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
