package cn.ronghe.admission;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.platform.calendar.WorkCalendar;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Drives the admission processes in tests as the demo users would, with the engine's clock and jobs. */
@Component
class AdmissionTestSupport {

  /** Characters for made-up matter names that resemble no catalogue item and no banned category. */
  private static final String NAME_CHARS = "甲乙丙丁戊庚辛壬癸春夏秋冬梅兰竹菊松柏桃李杏荷莲蓝青紫橙银铜铁锡琴棋书画诗词歌赋山川河湖星月云霞";

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;
  private final WorkCalendar calendar;

  AdmissionTestSupport(RuntimeService runtime, TaskService tasks, ManagementService management,
      IdentityService identity, WorkCalendar calendar) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.identity = identity;
    this.calendar = calendar;
  }

  /** A matter name no other test uses and that is like nothing in the catalogue. */
  static String freshName(String prefix) {
    StringBuilder s = new StringBuilder(prefix);
    for (int i = 0; i < 8; i++) {
      s.append(NAME_CHARS.charAt(ThreadLocalRandom.current().nextInt(NAME_CHARS.length())));
    }
    return s.append("测试事项").toString();
  }

  LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
  }

  /** A sound assistance application for two streets, starting 35 working days from today. */
  Map<String, Object> application(String name) {
    Map<String, Object> v = new HashMap<>();
    v.put("matterName", name);
    v.put("listType", "ASSISTANCE");
    v.put("content", "逐户了解并登记，按季度汇总报送");
    v.put("targetScope", "STREETS");
    v.put("targetStreets", List.of("loudong", "chengxiang"));
    v.put("expectedStart", calendar.workingDays().plusWorkingDays(today(), 35).toString());
    v.put("frequency", "QUARTERLY");
    v.put("workloadHours", 24);
    v.put("funding", 2400);
    v.put("addsSignboard", false);
    v.put("addsLedger", true);
    v.put("addsCertificate", false);
    v.put("contactName", "顾丽");
    v.put("contactPhone", "0512-53521234");
    return v;
  }

  ProcessInstance startAs(String user, Map<String, Object> variables) {
    return startAs(user, MatterAdmission.PROCESS_KEY, variables);
  }

  ProcessInstance startAs(String user, String processKey, Map<String, Object> variables) {
    return as(user, () -> runtime.startProcessInstanceByKey(processKey, variables));
  }

  /** Completes the one open task of the activity that the user's groups may work. */
  void complete(ProcessInstance pi, String activityId, String user, Map<String, Object> variables) {
    Task task = task(pi, activityId, user);
    as(user, () -> {
      tasks.complete(task.getId(), variables);
      return null;
    });
  }

  Task task(ProcessInstance pi, String activityId, String user) {
    List<Task> open = as(user, () -> tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(activityId).taskCandidateUser(user).list());
    assertThat(open).as(activityId + " for " + user).hasSize(1);
    return open.get(0);
  }

  List<Task> openTasks(ProcessInstance pi, String activityId) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId).list();
  }

  /** Runs the jobs of the instance that are due now (async continuations), until none is left. */
  void runDueJobs(ProcessInstance pi) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(pi.getId()).executable().list().stream()
          .filter(j -> j.getDuedate() == null).toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(j -> management.executeJob(j.getId()));
    }
  }

  /** Moves the clock past the timer's due date and fires it. */
  void fireTimer(ProcessInstance pi, String timerId) {
    Job timer = management.createJobQuery().processInstanceId(pi.getId()).activityId(timerId).timers().singleResult();
    assertThat(timer).as("timer " + timerId).isNotNull();
    Date due = timer.getDuedate();
    if (due.after(ClockUtil.getCurrentTime())) {
      ClockUtil.setCurrentTime(new Date(due.getTime() + 1000));
    }
    management.executeJob(timer.getId());
  }

  <T> T as(String user, java.util.function.Supplier<T> work) {
    return Actors.as(identity, user, work);
  }


  static Map<String, Object> decision(String decisionKey, String decision, String opinionKey, String opinion) {
    Map<String, Object> v = new HashMap<>();
    v.put(decisionKey, decision);
    v.put(opinionKey, opinion);
    return v;
  }
}
