package cn.ronghe.reliability.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drives an annual grade review over the REST APIs of the nodes still alive, taking turns so both nodes create
 * jobs, as users behind a load balancer would. Nobody waits: every batch is decided in one call, and the two
 * waits of the calendar (the notice period, the effective date) are shortened by moving their timers to now, as
 * an administrator can in Cockpit ({@code PUT /engine-rest/job/{id}/duedate}).
 */
final class ClusterReview {

  static final Duration PHASE = Duration.ofMinutes(8);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  private final ClusterDatabase db;
  private final JdbcClient jdbc;
  private final List<AppNode> nodes;
  private final String adminPassword;
  private int turn;

  ClusterReview(ClusterDatabase db, List<AppNode> nodes, String adminPassword) {
    this.db = db;
    this.jdbc = db.jdbc();
    this.nodes = nodes;
    this.adminPassword = adminPassword;
  }

  /** The next live node, in turn. */
  AppNode next() {
    List<AppNode> alive = nodes.stream().filter(AppNode::alive).toList();
    assertThat(alive).as("live nodes").isNotEmpty();
    return alive.get(turn++ % alive.size());
  }

  RestClient admin() {
    return next().as("admin", adminPassword);
  }

  RestClient demoUser(String user) {
    return next().as(user, user);
  }

  static void ok(RestClient.Response r, int status) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
  }

  void setPolicy(String key, String value) {
    ok(admin().put("/api/policy/" + key, JSON.createObjectNode().put("value", value).toString()), 200);
  }

  void importWorkers(String csv) {
    RestClient.Response r = demoUser("minzheng").postBytes("/api/career/workers/import", "text/csv",
        csv.getBytes(StandardCharsets.UTF_8));
    ok(r, 200);
  }

  void importAssessments(int year, Map<String, String> perStreet) {
    perStreet.forEach((street, csv) -> ok(admin().postBytes("/api/career/assessments/" + year + "/import?street="
        + street, "text/csv", csv.getBytes(StandardCharsets.UTF_8)), 200));
  }

  String start(int year, List<String> workerIds, String effectiveDate) {
    ObjectNode body = JSON.createObjectNode().put("reviewYear", year).put("scopeKind", "WORKERS")
        .put("effectiveDate", effectiveDate);
    workerIds.forEach(body.putArray("workerIds")::add);
    RestClient.Response r = demoUser("minzheng").post("/api/career/reviews/cycles", body.toString());
    ok(r, 201);
    return r.json().get("cycleNo").asText();
  }

  /** Street code → its batch process, once every street of the cycle is open (they open one per job). */
  Map<String, String> awaitStreetsOpen(String cycleNo, AppNode... logs) {
    await("every street batch of " + cycleNo + " to wait for its results", () -> jdbc.sql(
        "SELECT COUNT(*) FROM career_review_batch b JOIN act_ru_task t ON t.proc_inst_id_ = b.process_instance_id "
            + "AND t.task_def_key_ = 'Task_EnterAssessments' WHERE b.cycle_no = :c").param("c", cycleNo)
        .query(Long.class).single() == streetCount(cycleNo), () -> stages(cycleNo), logs);
    return jdbc.sql("SELECT street_code, process_instance_id FROM career_review_batch WHERE cycle_no = :c")
        .param("c", cycleNo).query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** Each street's results of the review year are imported and its task completed, on the nodes in turn. */
  void enterResults(int year, Map<String, String> streetProcesses, Map<String, String> files) {
    streetProcesses.forEach((street, pid) -> {
      ok(admin().postBytes("/api/career/assessments/" + year + "/import?street=" + street, "text/csv",
          files.get(street).getBytes(StandardCharsets.UTF_8)), 200);
      ok(admin().post("/engine-rest/task/" + taskIds(pid, "Task_EnterAssessments").get(0) + "/complete", "{}"), 204);
    });
  }

  /** Every community, then the street, then civil affairs approves each street's batch as a whole. */
  void approveAll(String cycleNo, Map<String, String> streetProcesses, AppNode... logs) {
    await("every proposal of " + cycleNo, () -> jdbc.sql("SELECT COUNT(*) FROM career_review WHERE cycle_no = :c "
        + "AND stage IN ('DUE', 'ASSESSED')").param("c", cycleNo).query(Long.class).single() == 0, () -> stages(cycleNo),
        logs);
    streetProcesses.forEach((street, pid) -> {
      awaitTask(pid, "Task_ConfirmProposals", logs);
      for (String task : taskIds(pid, "Task_ConfirmProposals")) {
        decide("admin", task);
      }
      awaitTask(pid, "Task_ReviewProposals", logs);
      decide("admin", taskIds(pid, "Task_ReviewProposals").get(0));
      awaitTask(pid, "Task_ApproveProposals", logs);
      decide("minzheng", taskIds(pid, "Task_ApproveProposals").get(0));
    });
  }

  /** Ends every notice period of the cycle now; returns when no review is left in notice. */
  void endNotices(String cycleNo, AppNode... logs) {
    String timers = "SELECT j.id_ FROM act_ru_job j JOIN notice n ON n.process_instance_id = j.process_instance_id_ "
        + "WHERE n.owner_ref = :c AND j.type_ = 'timer'";
    await("the notice timers of " + cycleNo, () -> jdbc.sql(timers).param("c", cycleNo).query(String.class).list()
        .size() == jdbc.sql("SELECT COUNT(*) FROM notice WHERE owner_ref = :c").param("c", cycleNo).query(Long.class)
        .single(), () -> stages(cycleNo), logs);
    jdbc.sql(timers).param("c", cycleNo).query(String.class).list().forEach(this::dueNow);
    await("every notice of " + cycleNo + " to close", () -> jdbc.sql("SELECT COUNT(*) FROM career_review WHERE "
        + "cycle_no = :c AND stage = 'IN_NOTICE'").param("c", cycleNo).query(Long.class).single() == 0,
        () -> stages(cycleNo), logs);
  }

  /** Brings the effective date of every street batch forward to now: the changes start to be applied. */
  void effectiveNow(String cycleNo, AppNode... logs) {
    String timers = "SELECT j.id_ FROM act_ru_job j JOIN career_review_batch b ON b.process_instance_id = "
        + "j.process_instance_id_ WHERE b.cycle_no = :c AND j.type_ = 'timer' AND j.handler_cfg_ LIKE "
        + "'%Timer_EffectiveDate%'";
    await("every street batch of " + cycleNo + " to wait for the effective date", () -> jdbc.sql(timers)
        .param("c", cycleNo).query(String.class).list().size() == streetCount(cycleNo), () -> stages(cycleNo), logs);
    jdbc.sql(timers).param("c", cycleNo).query(String.class).list().forEach(this::dueNow);
  }

  private void dueNow(String jobId) {
    ok(admin().put("/engine-rest/job/" + jobId + "/duedate", JSON.createObjectNode()
        .put("duedate", ZonedDateTime.now().minusSeconds(1).format(REST_DATE)).toString()), 204);
  }

  private void decide(String user, String taskId) {
    RestClient client = "admin".equals(user) ? admin() : demoUser(user);
    ok(client.post("/api/career/batches/" + taskId + "/decision", "{\"sendBack\":[]}"), 200);
  }

  private List<String> taskIds(String pid, String key) {
    return jdbc.sql("SELECT id_ FROM act_ru_task WHERE proc_inst_id_ = :p AND task_def_key_ = :k ORDER BY id_")
        .param("p", pid).param("k", key).query(String.class).list();
  }

  private void awaitTask(String pid, String key, AppNode... logs) {
    await(key + " of " + pid, () -> !taskIds(pid, key).isEmpty(), () -> "tasks: " + jdbc.sql(
        "SELECT task_def_key_ FROM act_ru_task WHERE proc_inst_id_ = :p").param("p", pid).query(String.class).list()
        + ", incidents: " + db.count("SELECT COUNT(*) FROM act_ru_incident"), logs);
  }

  /** The streets the cycle covers, known from its start. */
  private long streetCount(String cycleNo) {
    return jdbc.sql("SELECT street_count FROM career_review_cycle WHERE cycle_no = :c").param("c", cycleNo)
        .query(Long.class).single();
  }

  /** Reviews per stage, the cycle's status and the engine's jobs and incidents: the state a failure shows. */
  String stages(String cycleNo) {
    return "cycle " + jdbc.sql("SELECT status FROM career_review_cycle WHERE cycle_no = :c").param("c", cycleNo)
        .query(String.class).optional().orElse("?") + ", reviews " + jdbc.sql("SELECT stage, COUNT(*) FROM career_review "
        + "WHERE cycle_no = :c GROUP BY stage ORDER BY stage").param("c", cycleNo)
        .query((rs, i) -> rs.getString(1) + "=" + rs.getLong(2)).list() + ", jobs " + jdbc.sql("SELECT COUNT(*), "
        + "COUNT(lock_owner_), COUNT(*) FILTER (WHERE retries_ = 0) FROM act_ru_job").query((rs, i) -> rs.getLong(1)
        + " (locked " + rs.getLong(2) + ", out of retries " + rs.getLong(3) + ")").single() + ", incidents "
        + jdbc.sql("SELECT incident_msg_ FROM act_ru_incident").query(String.class).list();
  }

  private void await(String what, BooleanSupplier condition, Supplier<String> state, AppNode... logs) {
    ClusterDatabase.await(what, PHASE, 500, condition, state, logs);
  }
}
