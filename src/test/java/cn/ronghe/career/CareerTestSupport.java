package cn.ronghe.career;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.career.GradeChange.ChangeKind;
import cn.ronghe.career.policy.DeployedDecisionTables;
import cn.ronghe.career.policy.GradeRules;
import cn.ronghe.career.registry.WorkerRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/** Shared helpers of the career tests: fresh workers, engine REST calls as demo users, driving jobs. */
public final class CareerTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Random RANDOM = new Random();
  private static final String GIVEN = "安柏晨涵嘉景澜霖茗沐宁琪若思婉欣怡雨悦芷子梓泽昊宇轩浩然博文";

  private CareerTestSupport() {
  }

  /** A made-up, hardly repeating Chinese name. */
  public static String name() {
    return "测" + GIVEN.charAt(RANDOM.nextInt(GIVEN.length())) + GIVEN.charAt(RANDOM.nextInt(GIVEN.length()));
  }

  /**
   * A fresh active worker in the registry: post and grade as given, in grade since {@code gradeSince}, with
   * the given results (year → result) and an initial history line.
   */
  public static Worker worker(WorkerRepository workers, DeployedDecisionTables decisions, String community,
      String streetCode, Post post, int grade, LocalDate gradeSince, Map<Integer, AssessmentResult> results) {
    GradeRules rules = decisions.current();
    String id = WorkerRepository.workerId(workers.reserveIds(1));
    Worker w = new Worker(id, name(), Gender.FEMALE, LocalDate.of(1985, 5, 5), community, post, "网格员", grade,
        gradeSince, rules.payCoefficient(grade), Education.BACHELOR, Qualification.ASSISTANT,
        LocalDate.of(2008, 1, 1), LocalDate.of(2008, 1, 1), WorkerStatus.ACTIVE, LocalDate.of(2008, 1, 1), null, false,
        null, streetCode);
    workers.insert(List.of(w));
    List<Object[]> rows = new ArrayList<>();
    results.forEach((y, r) -> rows.add(new Object[] {id, y, r.name()}));
    workers.insertAssessments(rows, "SEED", "test");
    workers.addHistory(List.of(new GradeChange(null, id, ChangeKind.INITIAL, null, post, null, grade,
        rules.payCoefficient(grade), "测试建档", "test", gradeSince, null, null, null, null)));
    return workers.find(id).orElseThrow();
  }

  /** Engine REST variables: {"name": {"value": ..., "type": ...}}; a List becomes a Json variable. */
  public static String variables(Map<String, ?> values) {
    ObjectNode vars = JSON.createObjectNode();
    values.forEach((k, v) -> {
      ObjectNode var = vars.putObject(k);
      if (v instanceof List<?> list) {
        try {
          var.put("value", JSON.writeValueAsString(list));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        var.put("type", "Json");
      } else if (v instanceof Integer i) {
        var.put("value", i).put("type", "Integer");
      } else if (v instanceof Boolean b) {
        var.put("value", b).put("type", "Boolean");
      } else if (v == null) {
        var.putNull("value").put("type", "Null");
      } else {
        var.put("value", v.toString()).put("type", "String");
      }
    });
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", vars);
    return body.toString();
  }

  public static RestClient.Response startForm(int port, String user, String processKey, Map<String, ?> values) {
    return RestClient.as(port, user).post("/engine-rest/process-definition/key/" + processKey + "/submit-form",
        variables(values));
  }

  public static RestClient.Response complete(int port, String user, String taskId, Map<String, ?> values) {
    return RestClient.as(port, user).post("/engine-rest/task/" + taskId + "/submit-form", variables(values));
  }

  /** Completes the task as the user and asserts the engine accepted it. */
  public static void completeOk(int port, String user, String taskId, Map<String, ?> values) {
    RestClient.Response r = complete(port, user, taskId, values);
    assertThat(r.status()).as(r.body()).isEqualTo(204);
  }

  public static Task task(TaskService tasks, String processInstanceId, String key) {
    List<Task> found = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).list();
    assertThat(found).as("task " + key + " of " + processInstanceId).hasSize(1);
    return found.get(0);
  }

  /** Runs every due job of the given process instances (and what they start) until none is left. */
  public static int runJobs(ManagementService management, Collection<String> processInstanceIds) {
    int ran = 0;
    for (int round = 0; round < 10_000; round++) {
      List<Job> due = management.createJobQuery().executable().list().stream()
          .filter(j -> j.getProcessInstanceId() != null && processInstanceIds.contains(j.getProcessInstanceId()))
          .toList();
      if (due.isEmpty()) {
        return ran;
      }
      for (Job j : due) {
        management.executeJob(j.getId());
        ran++;
      }
    }
    throw new IllegalStateException("Jobs keep coming");
  }
}
