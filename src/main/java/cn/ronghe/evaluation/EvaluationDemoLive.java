package cn.ronghe.evaluation;

import cn.ronghe.identity.Groups;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The running cycle the demo users find: the organisation department (zuzhibu) opened this year's evaluation for
 * 娄东街道; most communities and units have rated, 东仓社区 (dongcang) and 农业银行 (nonghang) still have theirs to
 * fill in. Runs before the job executor starts, so it drives the cycle's jobs itself.
 */
@Component
public class EvaluationDemoLive {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;

  EvaluationDemoLive(RuntimeService runtime, TaskService tasks, ManagementService management, IdentityService identity) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.identity = identity;
  }

  public void run(int year) {
    List<String> groups = identity.createGroupQuery().groupMember("zuzhibu").list().stream().map(Group::getId).toList();
    identity.setAuthentication("zuzhibu", groups);
    String cyclePid;
    try {
      cyclePid = runtime.createProcessInstanceByKey(EvaluationProcesses.CYCLE).setVariables(Map.of(
          EvaluationProcesses.EVAL_YEAR, year, EvaluationProcesses.SCOPE_TYPE, CycleScope.STREET,
          EvaluationProcesses.SCOPE_STREET, "loudong", EvaluationProcesses.START_NOTE, "娄东街道先行开展年度双向考评"))
          .execute().getId();
    } finally {
      identity.clearAuthentication();
    }
    String prefix = "KP-" + year + "-";
    drive(cyclePid, prefix);
    Random rnd = new Random(year);
    for (Task t : tasks.createTaskQuery().processDefinitionKey(EvaluationProcesses.RATING)
        .processInstanceBusinessKeyLike(prefix + "%").list()) {
      Map<String, Object> v = runtime.getVariables(t.getExecutionId(), List.of(EvaluationProcesses.UNIT_CODE,
          EvaluationProcesses.COMMUNITY_CODE, EvaluationProcesses.DIRECTION, EvaluationProcesses.RATER_GROUP));
      String unit = (String) v.get(EvaluationProcesses.UNIT_CODE);
      String community = (String) v.get(EvaluationProcesses.COMMUNITY_CODE);
      if (community.equals("dongcang") || rnd.nextInt(10) >= 7) {
        continue;
      }
      RatingDirection d = RatingDirection.valueOf((String) v.get(EvaluationProcesses.DIRECTION));
      int[] s = EvaluationDemoData.scores(EvaluationDemoData.quality(d == RatingDirection.C2U ? unit : community, year), rnd);
      Map<String, Object> vars = new HashMap<>();
      List<String> keys = d == RatingDirection.C2U
          ? List.of("participation", "resourcesDelivered", "projectsCompleted", "contactFrequency")
          : List.of("demandClarity", "cooperation", "feedback", "serviceResults");
      for (int i = 0; i < 4; i++) {
        vars.put(keys.get(i), s[i]);
      }
      if (java.util.Arrays.stream(s).anyMatch(x -> x < 60)) {
        vars.put(EvaluationProcesses.RATING_COMMENT, "年内对接不够主动，部分约定事项未落实");
      }
      String rater = d == RatingDirection.C2U ? community : unit;
      identity.setAuthentication(rater, List.of((String) v.get(EvaluationProcesses.RATER_GROUP),
          d == RatingDirection.C2U ? Groups.ROLE_COMMUNITY : Groups.ROLE_UNIT));
      try {
        tasks.complete(t.getId(), vars);
      } finally {
        identity.clearAuthentication();
      }
    }
    drive(cyclePid, prefix);
  }

  /** Runs the due jobs of the cycle and of its pairings and evaluations (the job executor is not started yet). */
  private void drive(String cyclePid, String prefix) {
    for (int round = 0; round < 10_000; round++) {
      Set<String> mine = new HashSet<>(List.of(cyclePid));
      runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(prefix + "%").list().stream()
          .map(ProcessInstance::getId).forEach(mine::add);
      List<Job> due = management.createJobQuery().executable().list().stream()
          .filter(j -> mine.contains(j.getProcessInstanceId())).toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(j -> management.executeJob(j.getId()));
    }
  }
}
