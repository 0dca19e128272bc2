package cn.ronghe.admission;

import cn.ronghe.identity.Groups;
import cn.ronghe.platform.DatabaseLock;
import cn.ronghe.platform.calendar.WorkCalendar;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo cases of community matter admission, worked through the real processes by the demo users (made-up
 * matters, marked as sample data): one admitted weeks ago (catalogue version 2), one waiting for the 市委, one
 * returned for correction, and unadmitted-matter reports — two closed against 市住建局 (a repeat offender), one
 * found in the catalogue, one waiting for verification. Demo profile only; seeded once.
 */
@Component
@Order(110)
@ConditionalOnProperty(name = "ronghe.demo.enabled", havingValue = "true")
class AdmissionDemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AdmissionDemoData.class);

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;
  private final ApplicationRepository applications;
  private final UnadmittedReports reports;
  private final WorkCalendar calendar;
  private final DatabaseLock lock;
  private final TransactionTemplate tx;
  private final boolean onStartup;

  AdmissionDemoData(RuntimeService runtime, TaskService tasks, ManagementService management, IdentityService identity,
      ApplicationRepository applications, UnadmittedReports reports, WorkCalendar calendar, DatabaseLock lock,
      TransactionTemplate tx, @Value("${ronghe.admission.demo-cases:true}") boolean onStartup) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.identity = identity;
    this.applications = applications;
    this.reports = reports;
    this.calendar = calendar;
    this.lock = lock;
    this.tx = tx;
    this.onStartup = onStartup;
  }

  /**
   * Off in tests ({@code ronghe.admission.demo-cases=false}): process-test coverage refuses process runs outside a
   * test, so the demo cases are seeded by a test instead.
   */
  @Override
  public void run(ApplicationArguments args) {
    if (onStartup) {
      seed();
    }
  }

  /** Seeds the demo cases unless they exist. */
  void seed() {
    tx.executeWithoutResult(status -> {
      lock.acquire("startup");
      if (applications.anySample()) {
        return;
      }
      departmentMemberships();
      LocalDateTime now = LocalDateTime.now();
      try {
        admittedWeeksAgo(now);
        waitingForTheCityCommittee(now);
        returnedForCorrection(now);
        reports(now);
      } finally {
        ClockUtil.reset();
      }
      log.info("Seeded the admission demo cases (catalogue version 2, applications, unadmitted-matter reports)");
    });
  }

  /** 民政局 and 司法局 also answer for their own catalogue items in the yearly re-confirmation. */
  private void departmentMemberships() {
    for (String[] m : new String[][] {{"minzheng", Groups.dept("civil")}, {"sifa", Groups.dept("justice")}}) {
      if (identity.createUserQuery().userId(m[0]).memberOfGroup(m[1]).count() == 0) {
        identity.createMembership(m[0], m[1]);
      }
    }
  }

  private void admittedWeeksAgo(LocalDateTime now) {
    at(now.minusDays(46));
    Map<String, Object> v = application("协助开展独居和失能老年人照护需求入户评估", "ASSISTANCE",
        "《江苏省养老服务条例》（示例）", "按照市卫健委统一制定的评估表，每半年入户了解辖区独居、失能老年人的健康和照护需求，"
            + "录入市养老服务信息平台，发现紧急情况及时报告", List.of("loudong", "chengxiang", "shaxi"),
        "HALF_YEARLY", 32, 3000, false, true, "顾丽", "0512-53520366", now.minusDays(46).toLocalDate());
    ProcessInstance pi = start("weijian", v);
    at(now.minusDays(43));
    reviews(pi, "确需社区协助：独居、失能老人底数只有社区掌握", "每半年一次，每社区约 32 小时，经费 3000 元已随事转移",
        "评估为协助性质，不涉及行政许可，符合法律规定");
    at(now.minusDays(40));
    complete(pi, "Task_StreetOpinion", "loudong", Groups.street("loudong"), Map.of("streetOpinion", "AGREE",
        "streetComment", "娄东街道各社区已配备养老服务专干，可以承担"));
    complete(pi, "Task_StreetOpinion", "chengxiang", Groups.street("chengxiang"), Map.of("streetOpinion",
        "AGREE_WITH_CONDITIONS", "streetComment", "请卫健部门同步提供评估培训和平板终端"));
    fireTimer(pi, "Timer_StreetOpinionDeadline");
    atLeast(now.minusDays(33));
    complete(pi, "Task_JointMeeting", "minzheng", Groups.CIVIL_AFFAIRS, Map.of("meetingDecision", "APPROVE",
        "meetingMinutes", "第 3 次社区事项准入联席会议：同意准入，列入社区协助政府工作事项；请市卫健委落实评估培训",
        "meetingDate", now.minusDays(33).toLocalDate().toString()));
    atLeast(now.minusDays(26));
    complete(pi, "Task_CityApproval", "shiwei", Groups.CITY_COMMITTEE, Map.of("cityDecision", "APPROVE",
        "cityReason", "同意准入。经费须随事转移到社区，不得另设考核台账"));
    runJobs(pi);
  }

  private void waitingForTheCityCommittee(LocalDateTime now) {
    at(now.minusDays(12));
    Map<String, Object> v = application("协助开展住宅小区电动自行车充电设施需求摸排", "ASSISTANCE", null,
        "协助摸清辖区住宅小区电动自行车保有量和集中充电需求，汇总后报市住建局，配合选址征求居民意见",
        List.of("loudong"), "YEARLY", 24, 1500, false, false, "陆强", "0512-53526018", now.minusDays(12).toLocalDate());
    ProcessInstance pi = start("zhujian", v);
    at(now.minusDays(10));
    reviews(pi, "充电设施选址需要社区组织居民议事，确需协助", "每年一次，工作量可控", "不涉及执法，合法");
    at(now.minusDays(8));
    complete(pi, "Task_StreetOpinion", "loudong", Groups.street("loudong"), Map.of("streetOpinion", "AGREE",
        "streetComment", "娄东街道老旧小区多，充电需求迫切"));
    at(now.minusDays(6));
    complete(pi, "Task_JointMeeting", "minzheng", Groups.CIVIL_AFFAIRS, Map.of("meetingDecision", "APPROVE",
        "meetingMinutes", "第 4 次社区事项准入联席会议：同意准入，报市委审批",
        "meetingDate", now.minusDays(6).toLocalDate().toString()));
  }

  private void returnedForCorrection(LocalDateTime now) {
    at(now.minusDays(2));
    Map<String, Object> v = application("协助开展居民心理健康筛查和随访", "ASSISTANCE", null,
        "组织辖区居民填写心理健康筛查量表，对筛查阳性的居民每月随访并记录", List.of(), "MONTHLY", 60, null, false, true,
        "顾丽", "0512-53520366", now.minusDays(2).toLocalDate());
    start("weijian", v);
  }

  private void reports(LocalDateTime now) {
    at(now.minusDays(38));
    ProcessInstance a = report("nanyuan", "housing", "要求社区逐户统计辖区群租房并签订安全承诺书", now.minusDays(40));
    at(now.minusDays(36));
    complete(a, "Task_VerifyReport", "minzheng", Groups.CIVIL_AFFAIRS, verdict("UNADMITTED", null,
        "清单中无群租房统计事项，属未经准入下派"));
    at(now.minusDays(33));
    complete(a, "Task_ConfirmWithdrawal", "zhujian", Groups.dept("housing"), Map.of("withdrawalConfirmed", true,
        "withdrawalNote", "已通知各物业企业自行统计，撤回对社区的要求"));

    at(now.minusDays(20));
    ProcessInstance b = report("taiping", "housing", "要求社区每周上报物业小区消防通道巡查台账", now.minusDays(21));
    at(now.minusDays(18));
    complete(b, "Task_VerifyReport", "minzheng", Groups.CIVIL_AFFAIRS, verdict("UNADMITTED", null,
        "消防通道巡查属物业企业职责，清单中无此事项"));
    at(now.minusDays(16));
    complete(b, "Task_ConfirmWithdrawal", "zhujian", Groups.dept("housing"), Map.of("withdrawalConfirmed", true,
        "withdrawalNote", "已发文撤回，由物业企业每周自查"));

    at(now.minusDays(9));
    ProcessInstance c = report("taiping", "health", "通知辖区65岁以上老年人参加年度免费体检", now.minusDays(10));
    at(now.minusDays(8));
    complete(c, "Task_VerifyReport", "minzheng", Groups.CIVIL_AFFAIRS, verdict("ADMITTED", "XZ-12",
        "属清单事项 XZ-12“协助组织老年人健康体检”，社区应予协助"));

    at(now.minusDays(1));
    report("dongcang", "housing", "要求社区每月上报辖区加装电梯意愿调查表", now.minusDays(3));
  }

  private Map<String, Object> application(String name, String type, String legal, String content,
      List<String> streets, String frequency, int hours, Integer funding, boolean signboard, boolean ledger,
      String contact, String phone, LocalDate on) {
    Map<String, Object> v = new HashMap<>();
    v.put("matterName", name);
    v.put("listType", type);
    v.put("legalBasis", legal);
    v.put("content", content);
    v.put("targetScope", streets.isEmpty() ? "ALL" : "STREETS");
    v.put("targetStreets", streets);
    v.put("expectedStart", calendar.workingDays().plusWorkingDays(on, 35).toString());
    v.put("frequency", frequency);
    v.put("workloadHours", hours);
    v.put("funding", funding);
    v.put("addsSignboard", signboard);
    v.put("addsLedger", ledger);
    v.put("contactName", contact);
    v.put("contactPhone", phone);
    return v;
  }

  private ProcessInstance start(String user, Map<String, Object> v) {
    ProcessInstance pi = as(user, () -> runtime.startProcessInstanceByKey(MatterAdmission.PROCESS_KEY, v));
    applications.markSample(pi.getBusinessKey());
    return pi;
  }

  private ProcessInstance report(String community, String dept, String matter, LocalDateTime demanded) {
    Map<String, Object> v = new HashMap<>(Map.of("departmentCode", dept, "matter", matter,
        "demandedOn", demanded.toLocalDate().toString(),
        "evidence", "部门工作群通知截图；要求次日起执行（" + demanded.toLocalDate() + "）"));
    ProcessInstance pi = as(community, () -> runtime.startProcessInstanceByKey(UnadmittedReportProcess.PROCESS_KEY, v));
    reports.markSample(pi.getBusinessKey());
    return pi;
  }

  private void reviews(ProcessInstance pi, String necessity, String burden, String legality) {
    complete(pi, "Task_ReviewNecessity", "minzheng", Groups.CIVIL_AFFAIRS, Map.of("necessityDecision", "APPROVE",
        "necessityOpinion", necessity));
    complete(pi, "Task_ReviewBurden", "zuzhibu", Groups.ORG_DEPT, Map.of("burdenDecision", "APPROVE",
        "burdenOpinion", burden));
    complete(pi, "Task_ReviewLegality", "sifa", Groups.JUSTICE_BUREAU, Map.of("legalityDecision", "APPROVE",
        "legalityOpinion", legality));
  }

  private static Map<String, Object> verdict(String verdict, String item, String note) {
    Map<String, Object> v = new HashMap<>();
    v.put("verdict", verdict);
    v.put("matchedItemCode", item);
    v.put("verificationNote", note);
    return v;
  }

  private void complete(ProcessInstance pi, String activityId, String user, String group, Map<String, Object> v) {
    Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId)
        .taskCandidateGroup(group).list().get(0);
    as(user, () -> {
      tasks.complete(task.getId(), new HashMap<>(v));
      return null;
    });
  }

  private void fireTimer(ProcessInstance pi, String activityId) {
    Job timer = management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    management.executeJob(timer.getId());
  }

  private void runJobs(ProcessInstance pi) {
    for (Job job : management.createJobQuery().processInstanceId(pi.getId()).list()) {
      if (job.getDuedate() == null) {
        management.executeJob(job.getId());
      }
    }
  }

  private static void at(LocalDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.atZone(ZoneId.systemDefault()).toInstant()));
  }

  /** Moves the clock to the time, or a little on if a fired deadline already took it past. */
  private static void atLeast(LocalDateTime time) {
    Date wanted = Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
    Date current = ClockUtil.getCurrentTime();
    ClockUtil.setCurrentTime(wanted.after(current) ? wanted : new Date(current.getTime() + 3_600_000));
  }

  private <T> T as(String user, java.util.function.Supplier<T> work) {
    return Actors.as(identity, user, work);
  }

}
