package cn.ronghe.bench;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.ProcessEngine;

/** Loads open tasks through the engine (not by SQL), so the rows are exactly what real cases write. */
final class OpenTasks {

  static final String KEY = "bench-open-task";

  private OpenTasks() {
  }

  static void deploy(ProcessEngine engine) {
    engine.getRepositoryService().createDeployment().name(KEY).enableDuplicateFiltering(true)
        .addClasspathResource("bench/bench-open-task.bpmn").deploy();
  }

  /** Starts {@code count} instances keyed prefix + number from {@code first}, with the group the function gives. */
  static void start(ProcessEngine engine, String prefix, int first, int count, IntFunction<String> groupOf) throws Exception {
    deploy(engine);
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t;
        futures.add(pool.submit(() -> {
          for (int i = first + offset; i < first + count; i += threads) {
            Date due = new Date(System.currentTimeMillis() + (i % 20 - 5) * 86_400_000L);
            engine.getRuntimeService().startProcessInstanceByKey(KEY, prefix + i, Map.of(
                "group", groupOf.apply(i), "caseNo", prefix + i, "caseTitle", "基准事项 " + i,
                "caseOrg", "基准单位", "dueDate", due));
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }
}
