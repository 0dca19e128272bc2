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
    double humanBaseline = cn.ronghe.bench.BaselineAccess.userTaskCostPerStepMillis(engine, "admission");
    run(WARM_UP);
    lookupNanos = 0;
    long start = System.nanoTime();
    List<String> ids = run(CASES);
    EngineRows.await("the publication jobs", 600_000, () ->
        runtime.createProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(ids)).count() == 0);
    double seconds = (System.nanoTime() - start) / 1e9;
    // The harness's own task lookups stand for a user opening Tasklist (measured by InboxBench), not for the
    // process: they are taken out of the engine time.
    double engineSeconds = seconds - lookupNanos / 1e9;
    long steps = 0;
    for (String id : ids) {
      steps += history.createHistoricActivityInstanceQuery().processInstanceId(id).count();
    }
    double perStep = engineSeconds * 1000 / steps;
    BenchTable.add("admission", "cases/s, 1 user thread", CASES / seconds, "1/s", CASES
        + " approved applications, wall time incl. task lookups");
    BenchTable.add("admission", "engine steps per case", (double) steps / CASES, "steps", "historic activity instances");
    BenchTable.add("admission", "engine steps/s", steps / engineSeconds, "1/s", "start and completions, async jobs");
    BenchTable.add("admission", "ms per engine step", perStep, "ms", "");
    BenchTable.add("admission", "cost per step vs baseline", perStep / baseline, "×", "target ≤ 1.5");
    BenchTable.add("admission", "cost per step vs user-task baseline", perStep / humanBaseline, "×",
        "what our listeners, delegates and forms add to the engine's own human step");
  }

  private long lookupNanos;
  private final Map<String, List<String>> groupsOf = new HashMap<>();

  /** Finds the task without the user's authorisation join (timed apart), then completes it as the user. */
  private void complete(ProcessInstance pi, String activityId, String user, Map<String, Object> variables) {
    long t0 = System.nanoTime();
    org.camunda.bpm.engine.task.Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(activityId).taskCandidateUser(user).singleResult();
    List<String> groups = groupsOf.computeIfAbsent(user, u -> engine.getIdentityService().createGroupQuery()
        .groupMember(u).list().stream().map(org.camunda.bpm.engine.identity.Group::getId).toList());
    lookupNanos += System.nanoTime() - t0;
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      engine.getTaskService().complete(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private List<String> run(int cases) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      ProcessInstance pi = support.startAs("weijian", support.application(AdmissionTestSupport.freshName("协助开展")));
      ids.add(pi.getId());
      complete(pi, "Task_ReviewNecessity", "minzheng", AdmissionTestSupport.decision("necessityDecision",
          "APPROVE", "necessityOpinion", "确需社区协助"));
      complete(pi, "Task_ReviewBurden", "zuzhibu", AdmissionTestSupport.decision("burdenDecision", "APPROVE",
          "burdenOpinion", "工作量可控"));
      complete(pi, "Task_ReviewLegality", "sifa", AdmissionTestSupport.decision("legalityDecision", "APPROVE",
          "legalityOpinion", "合法"));
      for (String street : List.of("loudong", "chengxiang")) {
        Map<String, Object> v = new HashMap<>();
        v.put("streetOpinion", "AGREE");
        v.put("streetComment", null);
        complete(pi, "Task_StreetOpinion", street, v);
      }
      complete(pi, "Task_JointMeeting", "minzheng", Map.of("meetingDecision", "APPROVE",
          "meetingMinutes", "同意准入，报市委审批", "meetingDate", support.today().toString()));
      complete(pi, "Task_CityApproval", "shiwei", Map.of("cityDecision", "APPROVE", "cityReason", "同意"));
    }
    return ids;
  }
}
