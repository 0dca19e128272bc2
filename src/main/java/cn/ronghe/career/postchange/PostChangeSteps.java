package cn.ronghe.career.postchange;

import cn.ronghe.career.CareerProcesses;
import cn.ronghe.career.GradeChange;
import cn.ronghe.career.GradeChange.ChangeKind;
import cn.ronghe.career.Post;
import cn.ronghe.career.StreetGradeDecision;
import cn.ronghe.career.Worker;
import cn.ronghe.career.WorkerStatus;
import cn.ronghe.career.policy.DeployedDecisionTables;
import cn.ronghe.career.policy.GradeRules;
import cn.ronghe.career.policy.PostMapping;
import cn.ronghe.career.registry.WorkerRepository;
import cn.ronghe.identity.Groups;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.calendar.Deadlines;
import cn.ronghe.platform.cases.CaseNumbers;
import cn.ronghe.platform.notification.Notifier;
import cn.ronghe.platform.process.CaseVariables;
import cn.ronghe.platform.process.FormInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of process {@code post-change} (岗位调整). */
@Configuration
class PostChangeSteps {

  private final IdentityService identity;
  private final DecisionLog log;
  private final WorkerRepository workers;
  private final Notifier notifier;

  PostChangeSteps(IdentityService identity, DecisionLog log, WorkerRepository workers, Notifier notifier) {
    this.identity = identity;
    this.log = log;
    this.workers = workers;
    this.notifier = notifier;
  }

  /** Start listener: the worker is active, of the caller's community or street, and has no other open change. */
  @Bean
  ExecutionListener postChangeProposal(CaseNumbers numbers, Deadlines clock, RuntimeService runtime) {
    return execution -> {
      FormInput in = FormInput.of(execution);
      String workerId = in.text("workerId", "工号", 20, true);
      String post = in.choice("newPost", "新岗位", Arrays.stream(Post.values()).map(Enum::name).toList(), true);
      String duty = in.text("newDuty", "新职务", 50, true);
      String kind = in.choice("changeKind", "调整原因", List.of("ELECTION", "APPOINTMENT"), true);
      String basis = in.text("basis", "依据", 200, true);
      LocalDate effective = in.date("effectiveDate", "生效日期", true);
      LocalDate today = clock.today();
      if (effective != null && (effective.isBefore(today.minusYears(1)) || effective.isAfter(today.plusYears(1)))) {
        in.addProblem("effectiveDate", "生效日期须在今天前后一年以内", "must be within a year of today");
      }
      in.throwIfInvalid();
      Worker w = workers.find(workerId).orElse(null);
      if (w == null) {
        in.addProblem("workerId", "名册中没有工号 " + workerId, "no worker " + workerId);
      } else {
        check(in, w, Post.valueOf(post), runtime, execution.getProcessInstanceId());
      }
      in.throwIfInvalid();
      String caseNo = numbers.next(CareerProcesses.POST_CHANGE_PREFIX);
      Post newPost = Post.valueOf(post);
      execution.setProcessBusinessKey(caseNo);
      execution.setVariable(CaseVariables.CASE_NO, caseNo);
      execution.setVariable(CaseVariables.CASE_TITLE, w.name() + " " + w.post().label() + " → " + newPost.label());
      execution.setVariable(CaseVariables.CASE_ORG, w.communityName());
      execution.setVariable("workerId", w.workerId());
      execution.setVariable("communityCode", w.communityCode());
      execution.setVariable("streetCode", w.streetCode());
      execution.setVariable("currentPost", w.post().name());
      execution.setVariable("currentGrade", w.grade());
      execution.setVariable("effectiveDate", effective.toString());
      execution.setVariable("effectiveAt", Date.from(effective.atStartOfDay(ZoneId.systemDefault()).toInstant()));
      String why = ("ELECTION".equals(kind) ? "换届或补选当选" : "街道任命") + "（依据：" + basis + "）";
      execution.setVariable("changeSummary", w.workerId() + " " + w.name() + "（" + w.communityName() + "）：" + w.post()
          .label() + " " + w.duty() + " " + w.grade() + " 级 → " + newPost.label() + " " + duty + "；" + why + "；自 "
          + effective + " 起");
      execution.setVariable("changeWhy", why);
      log.record(execution, "PROPOSED", (String) execution.getVariable("changeSummary"),
          CareerProcesses.actor(identity), null);
    };
  }

  private void check(FormInput in, Worker w, Post newPost, RuntimeService runtime, String self) {
    Set<String> groups = CareerProcesses.actorGroups(identity);
    if (!groups.contains(Groups.ADMIN) && !groups.contains(Groups.community(w.communityCode()))
        && !groups.contains(Groups.street(w.streetCode()))) {
      in.addProblem("workerId", w.workerId() + " 不是本社区或本街道的社区工作者", "not a worker of your community or street");
    }
    if (w.status() != WorkerStatus.ACTIVE) {
      in.addProblem("workerId", w.workerId() + " " + w.name() + " 不在岗（" + w.status().label() + "）", "is not active");
    }
    if (w.post() == newPost) {
      in.addProblem("newPost", "新岗位与现岗位（" + w.post().label() + "）相同", "equals the current post");
    }
    runtime.createProcessInstanceQuery().processDefinitionKey(CareerProcesses.POST_CHANGE)
        .variableValueEquals("workerId", w.workerId()).active().list().stream()
        .filter(p -> !p.getId().equals(self)).findFirst()
        .ifPresent(p -> in.addProblem("workerId", w.workerId() + " 已有进行中的岗位调整（" + p.getBusinessKey() + "）",
            "already has an open post change " + p.getBusinessKey()));
  }

  /** The mapping rule's grade in the new band. */
  @Bean
  JavaDelegate mapPostGrade(DeployedDecisionTables decisions) {
    return execution -> {
      PostMapping m = decisions.current().mapPost((Integer) execution.getVariable("currentGrade"),
          Post.valueOf((String) execution.getVariable("newPost")));
      execution.setVariable("proposedGrade", m.newGrade());
      execution.setVariable("mappingReason", m.reason());
      execution.setVariable("newBandText", m.band().describe());
      execution.setVariable("bandMin", m.band().minGrade());
      execution.setVariable("bandMax", m.band().maxGrade());
      execution.setVariable("gradeRuleVersion", m.ruleVersion());
      log.record(execution, "MAPPED_" + m.newGrade(), m.reason(), "system", m.ruleVersion());
    };
  }

  /** The street confirms, corrects inside the new band with a reason, or rejects with a reason. */
  @Bean
  ExecutionListener postChangeStreetDecision() {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      FormInput in = FormInput.of(execution);
      StreetGradeDecision d = StreetGradeDecision.read(in, execution, "REJECT",
          (Integer) execution.getVariable("proposedGrade"), "新岗位等级区间");
      in.throwIfInvalid();
      execution.setVariable("newGrade", d.grade());
      execution.setVariable("gradeReason", d.gradeReason(execution.getVariable("mappingReason")));
      log.record(execution, d.auditDecision(), d.reason() == null ? "确认套入 " + d.grade() + " 级" : d.reason(),
          CareerProcesses.actor(identity), (String) execution.getVariable("gradeRuleVersion"));
    };
  }

  /** Civil affairs approves, sends back to the street or rejects, with a reason unless approving. */
  @Bean
  ExecutionListener postChangeApproval() {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      FormInput in = FormInput.of(execution);
      String decision = in.choice("approvalDecision", "审批意见", List.of("APPROVE", "SEND_BACK", "REJECT"), true);
      String reason = in.text("approvalReason", "理由", 500, !"APPROVE".equals(decision));
      in.throwIfInvalid();
      String actor = CareerProcesses.actor(identity);
      execution.setVariable("approvedBy", actor);
      log.record(execution, decision, reason == null ? "批准" : reason, actor,
          (String) execution.getVariable("gradeRuleVersion"));
    };
  }

  /**
   * On the effective date: post, duty, grade and pay, and a history line. Applied once (the history line of this
   * case is the guard); not applied when the worker's post or grade changed after the case was decided.
   */
  @Bean
  JavaDelegate applyPostChange(DeployedDecisionTables decisions) {
    return execution -> {
      String caseNo = execution.getProcessBusinessKey();
      String workerId = (String) execution.getVariable("workerId");
      if (workers.hasHistory(workerId, caseNo)) {
        return;
      }
      GradeRules rules = decisions.current();
      Post from = Post.valueOf((String) execution.getVariable("currentPost"));
      Post to = Post.valueOf((String) execution.getVariable("newPost"));
      int fromGrade = (Integer) execution.getVariable("currentGrade");
      int grade = (Integer) execution.getVariable("newGrade");
      LocalDate effective = LocalDate.parse((String) execution.getVariable("effectiveDate"));
      Worker w = workers.find(workerId).orElseThrow();
      BigDecimal pay = rules.payCoefficient(grade);
      boolean applied = workers.changeGrade(workerId, from, fromGrade, to, (String) execution.getVariable("newDuty"),
          grade, grade == fromGrade ? w.gradeSince() : effective, pay);
      String community = (String) execution.getVariable("communityCode");
      if (!applied) {
        String why = "工作者的岗位、等级或在岗状态已在审批期间变动（现为 " + w.post().label() + " " + w.grade() + " 级，"
            + w.status().label() + "），本次岗位调整未执行，请按现状重新提出";
        log.record(execution, "NOT_APPLIED", why, "system", null);
        notifier.toGroup(Groups.community(community), "岗位调整未执行：" + caseNo, why, caseNo,
            execution.getProcessInstanceId(), "post-change-not-applied:" + caseNo);
        return;
      }
      String approvedBy = (String) execution.getVariable("approvedBy");
      workers.addHistory(List.of(new GradeChange(null, workerId, ChangeKind.POST_CHANGE, from, to, fromGrade, grade, pay,
          "岗位调整：" + execution.getVariable("changeWhy") + "，任" + to.label() + " " + execution.getVariable("newDuty")
              + "。" + execution.getVariable("gradeReason"), approvedBy, effective, caseNo,
          execution.getProcessInstanceId(), execution.getVariable("gradeRuleVersion") + "; " + rules.payVersion(),
          null)));
      log.record(execution, "APPLIED", from.label() + " " + fromGrade + " 级 → " + to.label() + " " + grade + " 级",
          "system", rules.payVersion());
      tell(execution, "岗位调整已生效：" + execution.getVariable(CaseVariables.CASE_TITLE),
          execution.getVariable("changeSummary") + "。新等级 " + grade + " 级，薪酬系数 " + pay + "。", "applied");
    };
  }

  @Bean
  JavaDelegate notifyPostChangeRejected() {
    return execution -> {
      Object street = execution.getVariable("streetDecision");
      String reason = "REJECT".equals(street) ? "街道不予调整：" + execution.getVariable("streetReason")
          : "市民政局不予批准：" + execution.getVariable("approvalReason");
      log.record(execution, "REJECTED", reason, "system", null);
      tell(execution, "岗位调整未通过：" + execution.getVariable(CaseVariables.CASE_TITLE), reason, "rejected");
    };
  }

  private void tell(DelegateExecution execution, String title, String body, String what) {
    String caseNo = execution.getProcessBusinessKey();
    for (String group : List.of(Groups.community((String) execution.getVariable("communityCode")),
        Groups.street((String) execution.getVariable("streetCode")))) {
      notifier.toGroup(group, title, body, caseNo, execution.getProcessInstanceId(),
          "post-change-" + what + ":" + caseNo + ":" + group);
    }
  }

}
