package cn.ronghe.career.demo;

import cn.ronghe.career.policy.DeployedDecisionTables;
import cn.ronghe.career.registry.WorkerRepository;
import cn.ronghe.organisation.Community;
import cn.ronghe.organisation.RegistryRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.stereotype.Component;

/** Generates and stores the demo registry: 10 to 20 workers for every active community. */
@Component
public class CareerDemoWorkers {

  private final WorkerRepository workers;
  private final RegistryRepository registry;
  private final DeployedDecisionTables decisions;

  CareerDemoWorkers(WorkerRepository workers, RegistryRepository registry, DeployedDecisionTables decisions) {
    this.workers = workers;
    this.registry = registry;
    this.decisions = decisions;
  }

  /**
   * Workers for the given communities, {@code min} to {@code max} each, with results stored up to
   * {@code storedToYear}; returns the results of the year after it (not stored) per worker.
   */
  public WorkerGenerator.Generated generate(List<Community> communities, int min, int max, long seed,
      int storedToYear) {
    Random counts = new Random(seed + 1);
    Map<Community, Integer> sizes = new LinkedHashMap<>();
    communities.forEach(c -> sizes.put(c, min + counts.nextInt(max - min + 1)));
    return generate(sizes, seed, storedToYear);
  }

  /** Exactly the given number of active workers per community (and now and then one who left). */
  public WorkerGenerator.Generated generate(Map<Community, Integer> sizes, long seed, int storedToYear) {
    Random random = new Random(seed);
    WorkerGenerator generator = new WorkerGenerator(decisions.current(), random, storedToYear - 1, storedToYear - 4,
        storedToYear);
    WorkerGenerator.Generated all = new WorkerGenerator.Generated(new java.util.ArrayList<>(),
        new java.util.ArrayList<>(), new java.util.ArrayList<>(), new java.util.HashMap<>());
    for (Map.Entry<Community, Integer> e : sizes.entrySet()) {
      Community c = e.getKey();
      int count = e.getValue();
      long first = workers.reserveIds(count + 1);
      WorkerGenerator.Generated g = generator.community(c, count, WorkerRepository::workerId, first);
      all.workers().addAll(g.workers());
      all.assessments().addAll(g.assessments());
      all.history().addAll(g.history());
      all.nextYearResults().putAll(g.nextYearResults());
    }
    workers.insert(all.workers());
    workers.insertAssessments(all.assessments(), "SEED", "demo-seed");
    workers.addHistory(all.history());
    return all;
  }

  /** The demo registry: every active community of the organisation registry. */
  WorkerGenerator.Generated seedAll(int storedToYear) {
    return generate(registry.communities(null), 10, 20, 20260520L, storedToYear);
  }
}
