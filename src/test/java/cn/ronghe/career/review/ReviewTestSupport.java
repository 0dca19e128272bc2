package cn.ronghe.career.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.career.CareerTestSupport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Drives a review cycle in tests: starts it through the API, runs its jobs, finds and decides its tasks. */
final class ReviewTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int port;
  private final JdbcClient jdbc;
  private final ManagementService management;
  private final TaskService tasks;

  ReviewTestSupport(int port, JdbcClient jdbc, ManagementService management, TaskService tasks) {
    this.port = port;
    this.jdbc = jdbc;
    this.management = management;
    this.tasks = tasks;
  }

  record Started(String cycleNo, String processInstanceId) {
  }

  RestClient.Response start(String user, int year, String kind, String code, List<String> workerIds,
      String effectiveDate) {
    ObjectNode body = JSON.createObjectNode().put("reviewYear", year).put("scopeKind", kind);
    if (code != null) {
      body.put("scopeCode", code);
    }
    if (workerIds != null) {
      ArrayNode ids = body.putArray("workerIds");
      workerIds.forEach(ids::add);
    }
    if (effectiveDate != null) {
      body.put("effectiveDate", effectiveDate);
    }
    return RestClient.as(port, user).post("/api/career/reviews/cycles", body.toString());
  }

  Started started(RestClient.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return new Started(r.json().get("cycleNo").asText(), r.json().get("processInstanceId").asText());
  }

  /** Every process instance of the cycle: itself, its street batches, its notices and their objections. */
  Set<String> processes(String cycleNo) {
    Set<String> pids = new HashSet<>();
    jdbc.sql("SELECT process_instance_id FROM career_review_cycle WHERE cycle_no = :c").param("c", cycleNo)
        .query(String.class).list().forEach(pids::add);
    jdbc.sql("SELECT process_instance_id FROM career_review_batch WHERE cycle_no = :c AND process_instance_id IS NOT NULL")
        .param("c", cycleNo).query(String.class).list().forEach(pids::add);
    jdbc.sql("SELECT process_instance_id FROM notice WHERE owner_ref = :c").param("c", cycleNo).query(String.class)
        .list().forEach(pids::add);
    jdbc.sql("SELECT o.process_instance_id FROM notice_objection o JOIN notice n ON n.notice_no = o.notice_no "
        + "WHERE n.owner_ref = :c AND o.process_instance_id IS NOT NULL").param("c", cycleNo).query(String.class)
        .list().forEach(pids::add);
    return pids;
  }

  /** Runs the due jobs of the cycle's processes until none is left (new street batches included). */
  void drain(String cycleNo) {
    for (int i = 0; i < 100; i++) {
      if (CareerTestSupport.runJobs(management, processes(cycleNo)) == 0) {
        return;
      }
    }
  }

  String streetProcess(String cycleNo, String street) {
    return jdbc.sql("SELECT process_instance_id FROM career_review_batch WHERE cycle_no = :c AND street_code = :s")
        .param("c", cycleNo).param("s", street).query(String.class).single();
  }

  List<Task> tasks(String processInstanceId, String key) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).list();
  }

  Task task(String processInstanceId, String key) {
    List<Task> found = tasks(processInstanceId, key);
    assertThat(found).as(key).hasSize(1);
    return found.get(0);
  }

  /** The community confirmation task of one community (a multi-instance task has one per community). */
  Task communityTask(String processInstanceId, String community) {
    List<Task> found = tasks(processInstanceId, BatchStep.CONFIRM.taskKey).stream()
        .filter(t -> community.equals(tasks.getVariable(t.getId(), "communityCode"))).toList();
    assertThat(found).as("confirmation task of " + community).hasSize(1);
    return found.get(0);
  }

  /** Decides a batch through the project API: everything but {@code sendBack} (worker id → reason) goes on. */
  RestClient.Response decide(String user, String taskId, Map<String, String> sendBack) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode back = body.putArray("sendBack");
    sendBack.forEach((w, reason) -> back.addObject().put("workerId", w).put("reason", reason));
    return RestClient.as(port, user).post("/api/career/batches/" + taskId + "/decision", body.toString());
  }

  void decideOk(String user, String taskId, Map<String, String> sendBack) {
    RestClient.Response r = decide(user, taskId, sendBack);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  Map<String, String> stages(String cycleNo) {
    return jdbc.sql("SELECT worker_id, stage FROM career_review WHERE cycle_no = :c").param("c", cycleNo)
        .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  List<String> notices(String cycleNo) {
    return jdbc.sql("SELECT notice_no FROM notice WHERE owner_ref = :c ORDER BY notice_no").param("c", cycleNo)
        .query(String.class).list();
  }
}
