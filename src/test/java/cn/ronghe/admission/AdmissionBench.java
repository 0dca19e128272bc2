package cn.ronghe.admission;

import cn.ronghe.bench.BenchTable;
import cn.ronghe.bench.EngineRows;
import cn.ronghe.bench.RongheBenchTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Section 2: the whole {@code matter-admission} path — application, automatic checks, three reviews, two street
 * opinions, joint meeting, 市委 approval, publication of a catalogue version — with every task completed through
 * the engine API as the demo user who owns it, against the bare-engine baseline measured in the same run.
 */
@RongheBenchTest
class AdmissionBench {

  private static final int WARM_UP = 10;
  private static final int CASES = 100;

  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;
  @Autowired
  HistoryService history;
  @Autowired
  AdmissionTestSupport support;

  @Test
  void fullAdmissionPath() throws Exception {
    double baseline = cn.ronghe.bench.BaselineAccess.costPerStepMillis(engine, "admission");
    run(WARM_UP);
    long start = System.nanoTime();
    List<String> ids = run(CASES);
    EngineRows.await("the publication jobs", 600_000, () ->
        runtime.createProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(ids)).count() == 0);
    double seconds = (System.nanoTime() - start) / 1e9;
    long steps = 0;
    for (String id : ids) {
      steps += history.createHistoricActivityInstanceQuery().processInstanceId(id).count();
    }
    double perStep = seconds * 1000 / steps;
    BenchTable.add("admission", "cases/s, 1 user thread", CASES / seconds, "1/s", CASES + " approved applications");
    BenchTable.add("admission", "engine steps per case", (double) steps / CASES, "steps", "historic activity instances");
    BenchTable.add("admission", "engine steps/s", steps / seconds, "1/s", "");
    BenchTable.add("admission", "ms per engine step", perStep, "ms", "");
    BenchTable.add("admission", "cost per step vs baseline", perStep / baseline, "×", "target ≤ 1.5");
  }

  private List<String> run(int cases) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      ProcessInstance pi = support.startAs("weijian", support.application(AdmissionTestSupport.freshName("协助开展")));
      ids.add(pi.getId());
      support.complete(pi, "Task_ReviewNecessity", "minzheng", AdmissionTestSupport.decision("necessityDecision",
          "APPROVE", "necessityOpinion", "确需社区协助"));
      support.complete(pi, "Task_ReviewBurden", "zuzhibu", AdmissionTestSupport.decision("burdenDecision", "APPROVE",
          "burdenOpinion", "工作量可控"));
      support.complete(pi, "Task_ReviewLegality", "sifa", AdmissionTestSupport.decision("legalityDecision", "APPROVE",
          "legalityOpinion", "合法"));
      for (String street : List.of("loudong", "chengxiang")) {
        Map<String, Object> v = new HashMap<>();
        v.put("streetOpinion", "AGREE");
        v.put("streetComment", null);
        support.complete(pi, "Task_StreetOpinion", street, v);
      }
      support.complete(pi, "Task_JointMeeting", "minzheng", Map.of("meetingDecision", "APPROVE",
          "meetingMinutes", "同意准入，报市委审批", "meetingDate", support.today().toString()));
      support.complete(pi, "Task_CityApproval", "shiwei", Map.of("cityDecision", "APPROVE", "cityReason", "同意"));
    }
    return ids;
  }
}
