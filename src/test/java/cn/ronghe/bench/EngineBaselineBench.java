package cn.ronghe.bench;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Section 1: the bare engine on this machine and database, one and four threads. */
@RongheBenchTest
class EngineBaselineBench {

  @Autowired
  ProcessEngine engine;
  @Autowired
  HistoryService history;

  @Test
  void bareEngine() throws Exception {
    Baseline.deploy(engine);
    Baseline.instancesPerSecond(engine, 1, 1000);
    double one = Baseline.instancesPerSecond(engine, 1, 3000);
    double four = Baseline.instancesPerSecond(engine, 4, 4000);
    String pid = engine.getRuntimeService().startProcessInstanceByKey(Baseline.KEY).getId();
    long steps = history.createHistoricActivityInstanceQuery().processInstanceId(pid).count();
    BenchTable.add("baseline", "instances/s, 1 thread", one, "1/s", "start → Java delegate → end, history full");
    BenchTable.add("baseline", "instances/s, 4 threads", four, "1/s", "");
    BenchTable.add("baseline", "engine steps per instance", steps, "steps", "historic activity instances");
    BenchTable.add("baseline", "ms per engine step, 1 thread", 1000.0 / (one * steps), "ms", "");
    Baseline.userTaskCostPerStepMillis(engine, "baseline", 1000);
  }
}
