package cn.ronghe.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;

/** Scores, raters and rating tasks for the evaluation tests. */
final class EvaluationFixtures {

  static final List<String> C2U = List.of("participation", "resourcesDelivered", "projectsCompleted", "contactFrequency");
  static final List<String> U2C = List.of("demandClarity", "cooperation", "feedback", "serviceResults");

  private EvaluationFixtures() {
  }

  /** The four dimension scores of a direction, in the order of the weights table. */
  static Map<String, Object> scores(RatingDirection direction, int... values) {
    List<String> keys = direction == RatingDirection.C2U ? C2U : U2C;
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      m.put(keys.get(i), values.length == 1 ? values[0] : values[i]);
    }
    return m;
  }

  /** The weighted total the default weights give for these scores. */
  static double expectedTotal(RatingDirection direction, int... values) {
    int[] w = direction == RatingDirection.C2U ? new int[] {30, 25, 25, 20} : new int[] {25, 30, 20, 25};
    long sum = 0;
    for (int i = 0; i < 4; i++) {
      sum += (long) (values.length == 1 ? values[0] : values[i]) * w[i];
    }
    return java.math.BigDecimal.valueOf(sum).divide(java.math.BigDecimal.valueOf(100), 1,
        java.math.RoundingMode.HALF_UP).doubleValue();
  }

  static Task ratingTask(TaskService tasks, int year, String unit, String community, RatingDirection direction) {
    return tasks.createTaskQuery().processDefinitionKey(EvaluationProcesses.RATING)
        .processInstanceBusinessKey(CycleDelegates.pairingKey(year, unit, community))
        .processVariableValueEquals(EvaluationProcesses.DIRECTION, direction.name()).singleResult();
  }

  /** A user (password = id) in the given groups, created once. */
  static void user(IdentityService identity, String id, String... groups) {
    if (identity.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User u = identity.newUser(id);
    u.setFirstName(id);
    u.setLastName("测试");
    u.setPassword(id);
    identity.saveUser(u);
    for (String g : groups) {
      identity.createMembership(id, g);
    }
  }
}
