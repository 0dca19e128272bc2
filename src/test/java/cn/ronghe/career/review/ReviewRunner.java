package cn.ronghe.career.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.career.AssessmentResult;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs a whole review cycle as its users would, with no one waiting: each street imports its results, every
 * community, street and civil affairs approves its batch in one call, the notice periods pass, the effective
 * date comes. Measures the wall time of each phase.
 */
final class ReviewRunner {

  private static final Set<String> USERS = Set.of("dongcang", "nanyuan", "taiping", "loudong", "chengxiang");

  private final ReviewTestSupport support;
  private final JdbcClient jdbc;
  private final int port;
  private final Map<String, Long> phases = new LinkedHashMap<>();
  private long mark = System.nanoTime();

  ReviewRunner(ReviewTestSupport support, JdbcClient jdbc, int port) {
    this.support = support;
    this.jdbc = jdbc;
    this.port = port;
  }

  /** Drives the cycle to its end; {@code results} gives each worker's result of the year. */
  Map<String, Long> run(String cycleNo, int year, Map<String, AssessmentResult> results, LocalDate effective) {
    support.drain(cycleNo);
    phase("open");
    List<String> streets = jdbc.sql("SELECT street_code FROM career_review_batch WHERE cycle_no = :c AND "
        + "process_instance_id IS NOT NULL").param("c", cycleNo).query(String.class).list();
    for (String street : streets) {
      List<String> due = jdbc.sql("SELECT worker_id FROM career_review WHERE cycle_no = :c AND street_code = :s AND "
          + "stage = 'DUE'").param("c", cycleNo).param("s", street).query(String.class).list();
      StringBuilder csv = new StringBuilder("工号,考核结果\n");
      due.forEach(w -> csv.append(w).append(',').append(results.get(w).label()).append('\n'));
      RestClient.Response r = RestClient.as(port, user(street)).postBytes("/api/career/assessments/" + year
          + "/import?street=" + street, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      String pid = support.streetProcess(cycleNo, street);
      complete(user(street), support.task(pid, "Task_EnterAssessments"));
    }
    phase("assess");
    support.drain(cycleNo);
    phase("propose");
    for (String street : streets) {
      String pid = support.streetProcess(cycleNo, street);
      for (Task t : support.tasks(pid, BatchStep.CONFIRM.taskKey)) {
        support.decideOk(user(community(t)), t.getId(), Map.of());
      }
      support.decideOk(user(street), support.task(pid, BatchStep.REVIEW.taskKey).getId(), Map.of());
      support.decideOk("minzheng", support.task(pid, BatchStep.APPROVE.taskKey).getId(), Map.of());
    }
    phase("approve");
    LocalDateTime later = LocalDateTime.now().plusDays(10);
    ClockUtil.setCurrentTime(Date.from(later.atZone(ZoneId.systemDefault()).toInstant()));
    support.drain(cycleNo);
    phase("notice");
    LocalDateTime due = effective.atTime(2, 0).isAfter(later) ? effective.atTime(2, 0) : later.plusHours(1);
    ClockUtil.setCurrentTime(Date.from(due.atZone(ZoneId.systemDefault()).toInstant()));
    support.drain(cycleNo);
    phase("apply");
    return phases;
  }

  private void complete(String user, Task task) {
    RestClient.Response r = RestClient.as(port, user).post("/engine-rest/task/" + task.getId() + "/complete", "{}");
    assertThat(r.status()).as(r.body()).isEqualTo(204);
  }

  private String community(Task t) {
    return jdbc.sql("SELECT TEXT_ FROM ACT_RU_VARIABLE WHERE EXECUTION_ID_ = :e AND NAME_ = 'communityCode'")
        .param("e", t.getExecutionId()).query(String.class).single();
  }

  private static String user(String body) {
    return USERS.contains(body) ? body : "admin";
  }

  private void phase(String name) {
    long now = System.nanoTime();
    phases.put(name, (now - mark) / 1_000_000);
    mark = now;
  }

  static String format(Map<String, Long> phases) {
    List<String> parts = new ArrayList<>();
    phases.forEach((k, v) -> parts.add(k + "=" + v + "ms"));
    return "total=" + phases.values().stream().mapToLong(Long::longValue).sum() + "ms " + String.join(" ", parts);
  }
}
