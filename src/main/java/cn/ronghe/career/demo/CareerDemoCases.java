package cn.ronghe.career.demo;

import cn.ronghe.career.CareerProcesses;
import cn.ronghe.career.Post;
import cn.ronghe.career.Worker;
import cn.ronghe.career.registry.WorkerFilter;
import cn.ronghe.career.registry.WorkerRepository;
import cn.ronghe.platform.calendar.Deadlines;
import cn.ronghe.platform.calendar.WorkCalendar;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo cases, made by running the processes as the demo users would: an annual review in progress
 * (东仓社区 still to confirm, 城厢镇 waiting for civil affairs, 沙溪镇 in public notice), an onboarding waiting
 * for 娄东街道, and a post change waiting for civil affairs.
 */
@Component
class CareerDemoCases {

  private static final String CONFIRM = "Task_ConfirmProposals";

  private final DemoActors actors;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final JdbcClient jdbc;
  private final WorkerRepository workers;
  private final Deadlines clock;
  private final WorkCalendar calendar;

  CareerDemoCases(DemoActors actors, RuntimeService runtime, TaskService tasks, JdbcClient jdbc,
      WorkerRepository workers, Deadlines clock, WorkCalendar calendar) {
    this.actors = actors;
    this.runtime = runtime;
    this.tasks = tasks;
    this.jdbc = jdbc;
    this.workers = workers;
    this.clock = clock;
    this.calendar = calendar;
  }

  /** The city-wide review of {@code year}, its results already entered by the streets. */
  String reviewCycle(int year) {
    String pid = actors.as("minzheng", () -> runtime.startProcessInstanceByKey(CareerProcesses.REVIEW_CYCLE,
        Map.of("reviewYear", year, "scopeKind", "CITY")).getId());
    String cycleNo = jdbc.sql("SELECT cycle_no FROM career_review_cycle WHERE process_instance_id = :p")
        .param("p", pid).query(String.class).single();
    actors.awaitJobs(() -> processes(cycleNo));
    enterMissingResults(cycleNo);
    actors.awaitJobs(() -> processes(cycleNo));

    // 城厢镇: 太平社区 sends one proposal back, the street keeps the result, everyone confirms, the street reviews
    String chengxiang = street(cycleNo, "chengxiang");
    String returned = null;
    for (Task t : tasks(chengxiang, CONFIRM)) {
      String community = (String) tasks.getVariable(t.getId(), "communityCode");
      if ("taiping".equals(community)) {
        returned = firstOf(cycleNo, "taiping");
        decide(community, t, returned + " 该同志本年度获评区级优秀网格员，考核结果是否偏低，请街道核实");
      } else {
        decide(community, t, "");
      }
    }
    actors.awaitJobs(() -> processes(cycleNo));
    String kept = returned;
    actors.as("chengxiang", () -> tasks.complete(only(chengxiang, "Task_ReviseReturned").getId(), Map.of(
        "revisionLines", kept + " 称职 经街道考核组复核，年度考核结果维持称职，区级表彰已在评优中体现")));
    actors.awaitJobs(() -> processes(cycleNo));
    decide("taiping", only(chengxiang, CONFIRM), "");
    decide("chengxiang", only(chengxiang, "Task_ReviewProposals"), "");

    // 沙溪镇: confirmed, reviewed and approved: its changes are in public notice
    String shaxi = street(cycleNo, "shaxi");
    for (Task t : tasks(shaxi, CONFIRM)) {
      decide((String) tasks.getVariable(t.getId(), "communityCode"), t, "");
    }
    decide("shaxi", only(shaxi, "Task_ReviewProposals"), "");
    decide("minzheng", only(shaxi, "Task_ApproveProposals"), "");

    // 娄东街道: every community but 东仓社区 has confirmed
    String loudong = street(cycleNo, "loudong");
    for (Task t : tasks(loudong, CONFIRM)) {
      String community = (String) tasks.getVariable(t.getId(), "communityCode");
      if (!"dongcang".equals(community)) {
        decide(community, t, "");
      }
    }
    actors.awaitJobs(() -> processes(cycleNo));
    return cycleNo;
  }

  /** Streets type the results of those hired during the year (the others were entered before the cycle). */
  private void enterMissingResults(String cycleNo) {
    List<String> streets = jdbc.sql("SELECT DISTINCT street_code FROM career_review WHERE cycle_no = :c AND stage = 'DUE'")
        .param("c", cycleNo).query(String.class).list();
    for (String street : streets) {
      String lines = String.join("\n", jdbc.sql("SELECT worker_id FROM career_review WHERE cycle_no = :c AND "
              + "street_code = :s AND stage = 'DUE'").param("c", cycleNo).param("s", street).query(String.class).list()
          .stream().map(w -> w + ",称职").toList());
      actors.as(street, () -> tasks.complete(only(street(cycleNo, street), "Task_EnterAssessments").getId(),
          Map.of("assessmentLines", lines)));
    }
  }

  /** A new 网格员 of 东仓社区, waiting for 娄东街道 to confirm the initial grade. */
  String onboarding() {
    LocalDate today = clock.today();
    LocalDate hire = calendar.workingDays().plusWorkingDays(today.withDayOfMonth(1).plusMonths(1), 0);
    Map<String, Object> v = new HashMap<>();
    v.put("workerName", "周佳怡");
    v.put("gender", "FEMALE");
    v.put("birthDate", "1998-07-16");
    v.put("post", "OTHER");
    v.put("duty", "网格员");
    v.put("education", "BACHELOR");
    v.put("qualification", "ASSISTANT");
    v.put("serviceStart", hire.minusYears(3).minusMonths(2).toString());
    v.put("hireDate", hire.toString());
    v.put("documents", List.of("ID_CARD", "DIPLOMA", "RECRUITMENT", "QUALIFICATION", "WORK_PROOF", "HEALTH"));
    return actors.as("dongcang", () -> runtime.startProcessInstanceByKey(CareerProcesses.ONBOARDING, v)
        .getBusinessKey());
  }

  /** 南园社区 elected a new deputy director; 娄东街道 confirmed; civil affairs is to approve. */
  String postChange() {
    Worker w = workers.list(new WorkerFilter(null, "nanyuan", Post.OTHER.name(), "ACTIVE"), 0, 100).stream()
        .max(Comparator.comparingInt(Worker::grade)).orElseThrow();
    Map<String, Object> v = new HashMap<>();
    v.put("workerId", w.workerId());
    v.put("newPost", Post.DEPUTY.name());
    v.put("newDuty", "居委会副主任");
    v.put("changeKind", "ELECTION");
    v.put("basis", "南园社区居民委员会补选结果公告（南园居选〔" + clock.today().getYear() + "〕1 号）");
    v.put("effectiveDate", clock.today().plusDays(10).toString());
    String pid = actors.as("nanyuan", () -> runtime.startProcessInstanceByKey(CareerProcesses.POST_CHANGE, v).getId());
    actors.as("loudong", () -> tasks.complete(only(pid, "Task_ConfirmPostChange").getId(),
        Map.of("streetDecision", "CONFIRM")));
    return runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult().getBusinessKey();
  }

  private void decide(String actor, Task task, String sendBackLines) {
    actors.as(actor, () -> tasks.complete(task.getId(), Map.of("confirmAll", true, "sendBackLines", sendBackLines)));
  }

  private String firstOf(String cycleNo, String community) {
    return jdbc.sql("SELECT worker_id FROM career_review WHERE cycle_no = :c AND community_code = :x AND "
            + "stage = 'PROPOSED' AND assessment = 'COMPETENT' ORDER BY worker_id FETCH FIRST 1 ROWS ONLY")
        .param("c", cycleNo).param("x", community).query(String.class).single();
  }

  private String street(String cycleNo, String street) {
    return jdbc.sql("SELECT process_instance_id FROM career_review_batch WHERE cycle_no = :c AND street_code = :s")
        .param("c", cycleNo).param("s", street).query(String.class).single();
  }

  private List<Task> tasks(String processInstanceId, String key) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).list();
  }

  private Task only(String processInstanceId, String key) {
    List<Task> found = tasks(processInstanceId, key);
    if (found.size() != 1) {
      throw new IllegalStateException("Expected one task " + key + " in " + processInstanceId + ", found " + found);
    }
    return found.get(0);
  }

  private Set<String> processes(String cycleNo) {
    Set<String> pids = new HashSet<>(jdbc.sql("SELECT process_instance_id FROM career_review_cycle WHERE cycle_no = :c "
        + "UNION SELECT process_instance_id FROM career_review_batch WHERE cycle_no = :c AND process_instance_id IS NOT "
        + "NULL").param("c", cycleNo).query(String.class).list());
    return pids;
  }
}
