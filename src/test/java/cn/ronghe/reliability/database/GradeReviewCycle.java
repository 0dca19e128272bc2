package cn.ronghe.reliability.database;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.career.AssessmentResult;
import cn.ronghe.career.Worker;
import cn.ronghe.career.WorkerStatus;
import cn.ronghe.career.demo.CareerDemoWorkers;
import cn.ronghe.career.demo.WorkerGenerator;
import cn.ronghe.organisation.RegistryRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An annual grade review of generated workers in a {@link RunningApp}, driven as its users would drive it while
 * the app's own job executor does the background work: streets import their results over REST, every batch is
 * decided in one call. Waits are conditions on the cycle's rows, so a step may take as long as the machine needs.
 */
final class GradeReviewCycle {

  private static final int STEP_TIMEOUT_SECONDS = 600;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RunningApp app;
  private final JdbcClient jdbc;
  private final int year;
  private List<String> workerIds;
  private Map<String, AssessmentResult> results;
  private String cycleNo;

  GradeReviewCycle(RunningApp app, int year) {
    this.app = app;
    this.jdbc = app.bean(JdbcClient.class);
    this.year = year;
  }

  /** Generates {@code min}–{@code max} active workers in every community, with histories up to last year. */
  void generateWorkers(int min, int max, long seed) {
    WorkerGenerator.Generated g = app.bean(TransactionTemplate.class).execute(s -> app.bean(CareerDemoWorkers.class)
        .generate(app.bean(RegistryRepository.class).communities(null), min, max, seed, year - 1));
    workerIds = g.workers().stream().filter(w -> w.status() == WorkerStatus.ACTIVE).map(Worker::workerId).toList();
    results = g.nextYearResults();
    // As after any bulk load: without statistics the planner may pick nested loops over the new rows.
    jdbc.sql("ANALYZE").update();
  }

  /** Background work in small transactions: the proposals of a street run in jobs of this many workers. */
  void chunkSize(int workers) {
    RestClient.Response r = app.as("admin").put("/api/policy/career.review.chunk-size",
        "{\"value\":\"" + workers + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  /** Civil affairs starts the review of the generated workers; waits until every street waits for its results. */
  void start() {
    ObjectNode body = JSON.createObjectNode().put("reviewYear", year).put("scopeKind", "WORKERS");
    workerIds.forEach(body.putArray("workerIds")::add);
    RestClient.Response r = app.as("minzheng").post("/api/career/reviews/cycles", body.toString());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    cycleNo = r.json().get("cycleNo").asText();
    Polling.until("every street of " + cycleNo + " to wait for its results", STEP_TIMEOUT_SECONDS,
        () -> streets().size() == streetsInScope() && streets().stream()
            .allMatch(s -> tasks(streetProcess(s), "Task_EnterAssessments").size() == 1));
  }

  /** Each street imports its results as CSV; nothing runs yet, the streets' assessment tasks are still open. */
  void importResults() {
    for (String street : streets()) {
      List<String> due = jdbc.sql("SELECT worker_id FROM career_review WHERE cycle_no = :c AND street_code = :s "
          + "AND stage = 'DUE'").param("c", cycleNo).param("s", street).query(String.class).list();
      StringBuilder csv = new StringBuilder("工号,考核结果\n");
      due.forEach(w -> csv.append(w).append(',').append(results.get(w).label()).append('\n'));
      RestClient.Response imported = app.as("admin").postBytes("/api/career/assessments/" + year + "/import?street="
          + street, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
      assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }
  }

  /** Every street completes its assessment task in quick succession: all the proposal jobs fall due together. */
  void completeAssessments() {
    for (String street : streets()) {
      Task task = tasks(streetProcess(street), "Task_EnterAssessments").get(0);
      RestClient.Response done = app.as("admin").post("/engine-rest/task/" + task.getId() + "/complete", "{}");
      assertThat(done.status()).as(done.body()).isEqualTo(204);
    }
  }

  int proposed() {
    return count("stage <> 'DUE' AND stage <> 'ASSESSED'");
  }

  /** Waits for every proposal and every community's confirmation task. */
  void awaitProposals() {
    Polling.until("every proposal of " + cycleNo + " and the communities' confirmation tasks", STEP_TIMEOUT_SECONDS,
        () -> proposed() == workerIds.size() && streets().stream()
            .allMatch(s -> !tasks(streetProcess(s), "Task_ConfirmProposals").isEmpty()));
  }

  /** Communities, streets and civil affairs approve their batches as proposed; waits for the notices' timers. */
  void approveEverything() {
    for (String street : streets()) {
      String pid = streetProcess(street);
      for (Task t : tasks(pid, "Task_ConfirmProposals")) {
        decide("admin", t);
      }
      decide("admin", awaitTask(pid, "Task_ReviewProposals"));
      decide("minzheng", awaitTask(pid, "Task_ApproveProposals"));
    }
    ManagementService management = app.bean(ManagementService.class);
    Polling.until("every review of " + cycleNo + " in notice or final, every notice at its timer",
        STEP_TIMEOUT_SECONDS, () -> count("stage NOT IN ('IN_NOTICE', 'NO_CHANGE')") == 0
            && notices().stream().allMatch(pid -> management.createJobQuery().processInstanceId(pid).timers()
                .count() == 1));
  }

  /** After the clock has passed the notice period and the effective date: waits for the cycle to complete. */
  void awaitCompleted() {
    Polling.until(cycleNo + " to complete", STEP_TIMEOUT_SECONDS, () -> "COMPLETED".equals(jdbc.sql(
        "SELECT status FROM career_review_cycle WHERE cycle_no = :c").param("c", cycleNo).query(String.class)
        .single()));
  }

  String cycleNo() {
    return cycleNo;
  }

  List<String> workerIds() {
    return workerIds;
  }

  int count(String condition) {
    return jdbc.sql("SELECT COUNT(*) FROM career_review WHERE cycle_no = :c AND " + condition).param("c", cycleNo)
        .query(Integer.class).single();
  }

  private void decide(String user, Task task) {
    RestClient.Response r = app.as(user).post("/api/career/batches/" + task.getId() + "/decision",
        "{\"sendBack\":[]}");
    assertThat(r.status()).as(task.getName() + ": " + r.body()).isEqualTo(200);
  }

  private Task awaitTask(String processInstanceId, String key) {
    Polling.until(key + " in " + processInstanceId, STEP_TIMEOUT_SECONDS,
        () -> tasks(processInstanceId, key).size() == 1);
    return tasks(processInstanceId, key).get(0);
  }

  private List<String> streets() {
    return jdbc.sql("SELECT street_code FROM career_review_batch WHERE cycle_no = :c AND process_instance_id IS NOT "
        + "NULL ORDER BY street_code").param("c", cycleNo).query(String.class).list();
  }

  private int streetsInScope() {
    return jdbc.sql("SELECT street_count FROM career_review_cycle WHERE cycle_no = :c").param("c", cycleNo)
        .query(Integer.class).single();
  }

  private String streetProcess(String street) {
    return jdbc.sql("SELECT process_instance_id FROM career_review_batch WHERE cycle_no = :c AND street_code = :s")
        .param("c", cycleNo).param("s", street).query(String.class).single();
  }

  private List<String> notices() {
    return jdbc.sql("SELECT process_instance_id FROM notice WHERE owner_ref = :c").param("c", cycleNo)
        .query(String.class).list();
  }

  private List<Task> tasks(String processInstanceId, String key) {
    return app.bean(TaskService.class).createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key)
        .list();
  }
}
