package cn.ronghe.cobuilding;

import static cn.ronghe.cobuilding.ClaimDelegates.var;

import cn.ronghe.identity.Groups;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.calendar.Deadlines;
import cn.ronghe.platform.notification.Notifier;
import cn.ronghe.platform.policy.PolicyParameters;
import cn.ronghe.platform.process.CaseVariables;
import cn.ronghe.platform.process.FormInput;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Execution, reporting, acceptance and closure of {@code co-building-project}. */
@Configuration
class ExecutionDelegates {

  static final String TASK_COMMUNITY_ACCEPTANCE = "Task_CommunityAcceptance";

  private final ListRepository lists;
  private final ProjectRepository projects;
  private final ProjectSchedule schedule;
  private final Deadlines deadlines;
  private final PolicyParameters policy;
  private final IdentityService identity;
  private final Notifier notifier;
  private final DecisionLog decisions;

  ExecutionDelegates(ListRepository lists, ProjectRepository projects, ProjectSchedule schedule, Deadlines deadlines,
      PolicyParameters policy, IdentityService identity, Notifier notifier, DecisionLog decisions) {
    this.lists = lists;
    this.projects = projects;
    this.schedule = schedule;
    this.deadlines = deadlines;
    this.policy = policy;
    this.identity = identity;
    this.notifier = notifier;
    this.decisions = decisions;
  }

  /** A new month began: the report of the month just ended is due within the configured working days. */
  @Bean
  JavaDelegate openMonthlyReport() {
    return execution -> {
      execution.setVariable(ProjectProcess.REPORT_MONTH, schedule.reportMonth());
      execution.setVariable(ProjectProcess.REPORT_DUE, deadlines.due("cobuilding.report-days"));
      execution.setVariable(ProjectProcess.REPORT_REMINDER, deadlines.reminder("cobuilding.report-days"));
      execution.setVariable(ProjectProcess.PROJECT_FINISHED, false);
      // A new month's report starts empty (only the progress so far stays as a starting point).
      for (String field : List.of("workDone", "nextSteps", "issues")) {
        execution.setVariable(field, null);
      }
    };
  }

  /** Start of an acceptance step: the community's answer must not stand pre-filled in the street's form. */
  @Bean
  ExecutionListener clearAcceptance() {
    return execution -> {
      execution.setVariable(ProjectProcess.ACCEPTANCE_DECISION, null);
      execution.setVariable("acceptanceOpinion", null);
    };
  }

  @Bean
  ExecutionListener validateReport() {
    return OnCompletion.of(execution -> {
      FormInput in = FormInput.of(execution);
      Integer pct = in.integer("progressPct", "总体进度", 0, 100, true);
      String workDone = in.text("workDone", "本月完成的工作", 2000, true);
      String nextSteps = in.text("nextSteps", "下月计划", 1000, false);
      String issues = in.text("issues", "存在问题", 1000, false);
      Boolean finished = in.bool(ProjectProcess.PROJECT_FINISHED, "项目已完成", false);
      boolean done = Boolean.TRUE.equals(finished);
      if (done && pct != null && pct < 100) {
        in.addProblem("progressPct", "申请验收时总体进度应为 100%", "progress must be 100 % to apply for acceptance");
      }
      in.throwIfInvalid();
      long id = (Long) execution.getVariable(ProjectProcess.PROJECT_ID);
      String month = (String) execution.getVariable(ProjectProcess.REPORT_MONTH);
      Date due = (Date) execution.getVariable(ProjectProcess.REPORT_DUE);
      LocalDateTime now = Times.now();
      String actor = ActingParty.actor(identity.getCurrentAuthentication());
      boolean late = due != null && now.isAfter(Times.toLocal(due));
      projects.saveReport(id, new ProgressReport(month, pct, workDone, nextSteps, issues, done, Times.toLocal(due), now,
          actor, late));
      execution.setVariable(ProjectProcess.PROJECT_FINISHED, done);
      execution.setVariable(ProjectProcess.LAST_WORK_DONE, workDone);
      lists.history("PROJECT", id, "REPORTED", month + " 进展报告（进度 " + pct + "%" + (late ? "，逾期提交" : "") + "）："
          + workDone, actor);
      if (done) {
        projects.status(id, ItemStatus.Project.ACCEPTANCE);
        lists.history("PROJECT", id, "ACCEPTANCE_REQUESTED", "共建单位报告项目完成，申请验收", actor);
      }
    });
  }

  @Bean
  JavaDelegate remindReport() {
    return execution -> notifier.toGroup(Groups.unit(var(execution, ProjectProcess.UNIT_CODE)),
        "月度进展报告即将到期：" + var(execution, CaseVariables.CASE_NO),
        "项目“" + var(execution, ProjectProcess.PROJECT_TITLE) + "” " + var(execution, ProjectProcess.REPORT_MONTH)
            + " 的进展报告即将到期，请按时报送。",
        var(execution, CaseVariables.CASE_NO), execution.getProcessInstanceId(),
        "report-reminder:" + var(execution, CaseVariables.CASE_NO) + ":" + var(execution, ProjectProcess.REPORT_MONTH));
  }

  /** The report is late: the street is told and asked to follow it up. */
  @Bean
  JavaDelegate escalateLateReport() {
    return execution -> {
      String projectNo = var(execution, CaseVariables.CASE_NO);
      String month = var(execution, ProjectProcess.REPORT_MONTH);
      String body = var(execution, ProjectProcess.UNIT_NAME) + "承担的共建项目“" + var(execution, ProjectProcess.PROJECT_TITLE)
          + "”（" + var(execution, ProjectProcess.COMMUNITY_NAME) + "）" + month + " 进展报告已逾期。";
      for (String group : List.of(Groups.street(var(execution, ProjectProcess.STREET_CODE)),
          Groups.unit(var(execution, ProjectProcess.UNIT_CODE)))) {
        notifier.toGroup(group, "进展报告逾期：" + projectNo, body, projectNo, execution.getProcessInstanceId(),
            "report-late:" + projectNo + ":" + month + ":" + group);
      }
      lists.history("PROJECT", (Long) execution.getVariable(ProjectProcess.PROJECT_ID), "REPORT_LATE",
          month + " 进展报告逾期，已提请街道督办", "system");
      decisions.record(execution, "ESCALATED", month + " 进展报告逾期", "system",
          "policy cobuilding.report-days=" + policy.intValue("cobuilding.report-days"));
    };
  }

  @Bean
  ExecutionListener recordSupervision() {
    return OnCompletion.of(execution -> {
      FormInput in = FormInput.of(execution);
      String note = in.text("superviseNote", "督办措施", 1000, true);
      if (note != null && note.length() < 5) {
        in.addProblem("superviseNote", "督办措施至少 5 字", "the note needs at least 5 characters");
      }
      in.throwIfInvalid();
      lists.history("PROJECT", (Long) execution.getVariable(ProjectProcess.PROJECT_ID), "SUPERVISED",
          execution.getVariable(ProjectProcess.REPORT_MONTH) + " 逾期督办：" + note,
          ActingParty.actor(identity.getCurrentAuthentication()));
    });
  }

  /** Complete listener of both acceptance steps (community, then street). */
  @Bean
  ExecutionListener validateAcceptance() {
    return OnCompletion.of(execution -> {
      FormInput in = FormInput.of(execution);
      String decision = in.choice(ProjectProcess.ACCEPTANCE_DECISION, "验收结论", List.of("ACCEPT", "RETURN"), true);
      String opinion = in.text("acceptanceOpinion", "验收意见", 1000, true);
      if (opinion != null && opinion.length() < 5) {
        in.addProblem("acceptanceOpinion", "验收意见至少 5 字", "the opinion needs at least 5 characters");
      }
      in.throwIfInvalid();
      long id = (Long) execution.getVariable(ProjectProcess.PROJECT_ID);
      String actor = ActingParty.actor(identity.getCurrentAuthentication());
      boolean community = TASK_COMMUNITY_ACCEPTANCE.equals(execution.getCurrentActivityId());
      String who = community ? "社区" : "街道";
      if ("ACCEPT".equals(decision)) {
        lists.history("PROJECT", id, community ? "ACCEPTED_BY_COMMUNITY" : "ACCEPTED_BY_STREET", who + "验收通过：" + opinion, actor);
      } else {
        projects.status(id, ItemStatus.Project.IN_PROGRESS);
        lists.history("PROJECT", id, "ACCEPTANCE_RETURNED", who + "验收退回，继续实施：" + opinion, actor);
        String projectNo = (String) execution.getVariable(CaseVariables.CASE_NO);
        notifier.toGroup(Groups.unit((String) execution.getVariable(ProjectProcess.UNIT_CODE)), "项目验收退回：" + projectNo,
            who + "验收意见：" + opinion + "。请继续实施并按月报告。", projectNo, execution.getProcessInstanceId(),
            "acceptance-returned:" + projectNo + ":" + execution.getActivityInstanceId());
      }
      decisions.record((String) execution.getVariable(CaseVariables.CASE_NO), ProjectProcess.KEY, execution.getProcessInstanceId(),
          execution.getCurrentActivityId(), decision, opinion, actor, null);
    });
  }

  @Bean
  JavaDelegate closeProject() {
    return execution -> {
      long id = (Long) execution.getVariable(ProjectProcess.PROJECT_ID);
      projects.status(id, ItemStatus.Project.CLOSED);
      Long demandId = (Long) execution.getVariable(ProjectProcess.DEMAND_ID);
      if (demandId != null && lists.moveDemand(demandId, ItemStatus.Demand.IN_PROJECT, ItemStatus.Demand.FULFILLED)) {
        lists.history("DEMAND", demandId, "FULFILLED", "项目 " + var(execution, CaseVariables.CASE_NO) + " 验收结项", "system");
      }
      lists.history("PROJECT", id, "CLOSED", "社区和街道验收通过，项目结项", "system");
      String projectNo = var(execution, CaseVariables.CASE_NO);
      for (String group : List.of(Groups.community(var(execution, ProjectProcess.COMMUNITY_CODE)),
          Groups.unit(var(execution, ProjectProcess.UNIT_CODE)))) {
        notifier.toGroup(group, "共建项目结项：" + projectNo, "“" + var(execution, ProjectProcess.PROJECT_TITLE)
            + "”已通过社区和街道验收。", projectNo, execution.getProcessInstanceId(), "project-closed:" + projectNo + ":" + group);
      }
      decisions.record(execution, "CLOSED", "社区和街道验收通过", "system", null);
    };
  }
}
