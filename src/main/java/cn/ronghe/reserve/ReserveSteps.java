package cn.ronghe.reserve;

import cn.ronghe.identity.Groups;
import cn.ronghe.organisation.Community;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.platform.cases.CaseNumbers;
import cn.ronghe.platform.policy.PolicyParameters;
import cn.ronghe.platform.process.CaseVariables;
import cn.ronghe.platform.process.FormInput;
import cn.ronghe.reserve.ReserveRecords.Candidate;
import cn.ronghe.reserve.ReserveRecords.Cohort;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of process {@code reserve-secretary-plan}. */
@Configuration
class ReserveSteps {

  private static final List<String> DECISIONS = List.of("APPROVE", "REJECT");
  private static final List<String> RESULTS = List.of("EXCELLENT", "COMPETENT", "WEAK");

  private final ReservePlan plan;
  private final ReserveRepository repository;
  private final IdentityService identity;

  ReserveSteps(ReservePlan plan, ReserveRepository repository, IdentityService identity) {
    this.plan = plan;
    this.repository = repository;
    this.identity = identity;
  }

  /** Start listener: the nominating community's places, the candidate's age, a replaced candidate of the cohort. */
  @Bean
  ExecutionListener reserveNominationCheck(CaseNumbers numbers, RegistryRepository registry,
      PolicyParameters policy) {
    return execution -> {
      FormInput in = FormInput.of(execution);
      int year = ReservePlan.today().getYear();
      int maxAge = policy.intValue("reserve.max-age");
      String cohortCode = in.text("cohortCode", "届次", 16, true);
      String name = in.text("fullName", "姓名", 20, true);
      String gender = in.choice("gender", "性别", List.of("MALE", "FEMALE"), true);
      Integer birthYear = in.integer("birthYear", "出生年份", year - maxAge, year - 22, true);
      String education = in.choice("education", "学历", List.of("COLLEGE", "BACHELOR", "MASTER"), true);
      String post = in.text("currentPost", "现任职务", 100, true);
      String mentor = in.text("mentor", "培养导师", 50, true);
      String reasons = in.text("reasons", "推荐理由", 1000, true);
      Integer replaces = in.integer("replacesId", "被替补人编号", 1, Integer.MAX_VALUE, false);
      Cohort cohort = cohortCode == null ? null : repository.cohort(cohortCode.trim().toUpperCase()).orElse(null);
      if (cohortCode != null && (cohort == null || !cohort.active() || cohort.endYear() < year)) {
        in.addProblem("cohortCode", "届次 " + cohortCode + " 不存在或已结束", "unknown or closed cohort");
      }
      if (reasons != null && reasons.length() < 10) {
        in.addProblem("reasons", "请写明推荐理由（至少 10 字）", "state the reasons (10+ characters)");
      }
      Authentication a = identity.getCurrentAuthentication();
      List<String> communities = a == null || a.getGroupIds() == null ? List.of() : a.getGroupIds().stream()
          .filter(g -> g.startsWith(Groups.COMMUNITY_PREFIX)).map(g -> g.substring(Groups.COMMUNITY_PREFIX.length()))
          .toList();
      Community community = communities.size() == 1 ? registry.community(communities.get(0)).orElse(null) : null;
      if (community == null) {
        in.addProblem("cohortCode", "只有社区可以提名后备人选", "only a community nominates");
      }
      if (cohort != null && community != null) {
        int max = policy.intValue("reserve.max-per-community");
        if (repository.placesTaken(cohort.code(), community.code()) >= max) {
          in.addProblem("cohortCode", "本社区本届后备人选已满 " + max + " 人", "the community's " + max
              + " places are taken");
        }
        Candidate replaced = replaces == null ? null : repository.candidate(replaces).orElse(null);
        if (replaces != null && (replaced == null || !"EXITED".equals(replaced.status())
            || !replaced.communityCode().equals(community.code()) || !replaced.cohortCode().equals(cohort.code()))) {
          in.addProblem("replacesId", "被替补人须为本社区本届已退出的后备人选", "must be an exited candidate of this "
              + "community and cohort");
        }
      }
      in.throwIfInvalid();
      String caseNo = numbers.next(ReserveProcesses.PREFIX);
      long id = plan.nominate(new Candidate(0, caseNo, cohort.code(), community.code(), community.name(),
          community.streetCode(), name, gender, birthYear, education, post, mentor, reasons,
          replaces == null ? null : replaces.longValue(), "NOMINATED", null, false), ReserveProcesses.actor(identity),
          execution.getProcessInstanceId());
      execution.setProcessBusinessKey(caseNo);
      execution.setVariable(CaseVariables.CASE_NO, caseNo);
      execution.setVariable(CaseVariables.CASE_TITLE, name + "（" + community.name() + " · " + cohort.name() + "）");
      execution.setVariable(CaseVariables.CASE_ORG, community.name());
      execution.setVariable(ReserveProcesses.CANDIDATE_ID, id);
      execution.setVariable("communityCode", community.code());
      execution.setVariable("streetCode", community.streetCode());
      execution.setVariable("cohortStartYear", cohort.startYear());
      execution.setVariable(ReserveProcesses.COHORT_END_YEAR, cohort.endYear());
    };
  }

  @Bean
  ExecutionListener reserveStreetReviewed() {
    return execution -> reviewed(execution, "streetDecision", "Task_StreetReview");
  }

  @Bean
  ExecutionListener reserveOrgApproved() {
    return execution -> reviewed(execution, "orgDecision", "Task_OrgApprove");
  }

  private void reviewed(DelegateExecution execution, String key, String step) {
    if (execution.isCanceled()) {
      return;
    }
    FormInput in = FormInput.of(execution);
    String decision = in.choice(key, "审核意见", DECISIONS, true);
    String opinion = in.text("opinion", "意见说明", 500, "REJECT".equals(decision));
    in.throwIfInvalid();
    boolean approved = "APPROVE".equals(decision);
    execution.setVariable("approved", approved);
    execution.removeVariable("opinion");
    if (!approved) {
      execution.setVariable("rejectReason", opinion);
    }
    plan.reviewed(caseNo(execution), step, approved, opinion == null ? "同意" : opinion,
        ReserveProcesses.actor(identity), execution.getProcessInstanceId());
  }

  @Bean
  JavaDelegate rejectReserveNomination() {
    return execution -> plan.reject(candidate(execution), caseNo(execution),
        (String) execution.getVariable("communityCode"), (String) execution.getVariable("rejectReason"),
        execution.getProcessInstanceId());
  }

  @Bean
  JavaDelegate activateReserveCandidate() {
    return execution -> schedule(execution, plan.activate(candidate(execution), caseNo(execution),
        (Integer) execution.getVariable("cohortStartYear"), execution.getProcessInstanceId()));
  }

  @Bean
  JavaDelegate nextReserveYear() {
    return execution -> schedule(execution, (Integer) execution.getVariable(ReserveProcesses.ASSESSMENT_YEAR) + 1);
  }

  private static void schedule(DelegateExecution execution, int year) {
    execution.setVariable(ReserveProcesses.ASSESSMENT_YEAR, year);
    execution.setVariable(ReserveProcesses.ASSESSMENT_OPENS_AT, ReservePlan.opensAt(year));
  }

  /** Shows the street the year's attendance and the table's suggestion for each mentor opinion. */
  @Bean
  TaskListener prepareReserveAssessment() {
    return task -> {
      long id = ((Number) task.getVariable(ReserveProcesses.CANDIDATE_ID)).longValue();
      int year = (Integer) task.getVariable(ReserveProcesses.ASSESSMENT_YEAR);
      Map<String, Object> facts = plan.facts(id, year, null);
      ReserveRules rules = plan.rules();
      int training = (Integer) facts.get("trainingCount");
      int forums = (Integer) facts.get("forumCount");
      task.setVariableLocal("factsSummary", year + " 年度：头雁工程培训 " + training + " 轮，书记论坛 " + forums
          + " 次。按考察标准，导师意见为“好”时建议" + ReserveRules.resultLabel(rules.suggest(training, forums, "GOOD"))
          + "，“一般”时建议" + ReserveRules.resultLabel(rules.suggest(training, forums, "FAIR")) + "，“差”时建议"
          + ReserveRules.resultLabel(rules.suggest(training, forums, "POOR")) + "。");
    };
  }

  @Bean
  ExecutionListener reserveAssessed() {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      FormInput in = FormInput.of(execution);
      String mentor = in.choice("mentorOpinion", "导师意见", List.of("GOOD", "FAIR", "POOR"), true);
      String result = in.choice("assessmentResult", "考察结果", RESULTS, true);
      String comment = in.text("assessmentComment", "考察评语", 1000, false);
      long id = candidate(execution);
      int year = (Integer) execution.getVariable(ReserveProcesses.ASSESSMENT_YEAR);
      if (mentor != null && result != null && comment == null
          && !result.equals(plan.facts(id, year, mentor).get("suggested"))) {
        in.addProblem("assessmentComment", "考察结果与建议（" + ReserveRules.resultLabel((String) plan.facts(id, year,
            mentor).get("suggested")) + "）不同，请写明理由", "differs from the suggestion: give the reason");
      }
      in.throwIfInvalid();
      execution.removeVariables(List.of("mentorOpinion", "assessmentResult", "assessmentComment"));
      plan.assess(id, caseNo(execution), year, mentor, result, comment, ReserveProcesses.actor(identity),
          execution.getProcessInstanceId());
    };
  }

  @Bean
  TaskListener prepareReserveReadiness() {
    return task -> {
      long id = ((Number) task.getVariable(ReserveProcesses.CANDIDATE_ID)).longValue();
      ReserveRules.Readiness r = plan.suggestReadiness(id);
      StringBuilder years = new StringBuilder();
      repository.assessments(id).forEach(a -> years.append(a.year()).append(" 年度 ")
          .append(ReserveRules.resultLabel(a.result())).append("（培训 ").append(a.trainingCount()).append(" 轮，论坛 ")
          .append(a.forumCount()).append(" 次）；"));
      task.setVariableLocal("assessmentSummary", years.toString());
      task.setVariableLocal("suggestedReady", r.ready());
      task.setVariableLocal("suggestion", ("READY".equals(r.ready()) ? "建议可任用：" : "建议暂不任用：") + r.note());
    };
  }

  @Bean
  ExecutionListener reserveReadinessDecided() {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      FormInput in = FormInput.of(execution);
      String ready = in.choice("readiness", "任用结论", List.of("READY", "NOT_READY"), true);
      String reason = in.text("readinessReason", "结论说明", 500, false);
      long id = candidate(execution);
      ReserveRules.Readiness suggested = plan.suggestReadiness(id);
      if (ready != null && reason == null && !ready.equals(suggested.ready())) {
        in.addProblem("readinessReason", "结论与建议不同，请写明理由", "differs from the suggestion: give the reason");
      }
      in.throwIfInvalid();
      plan.decideReadiness(id, caseNo(execution), ready, reason == null ? suggested.note() : reason,
          ReserveProcesses.actor(identity), execution.getProcessInstanceId());
    };
  }

  @Bean
  JavaDelegate recordReserveExit() {
    return execution -> plan.exit(candidate(execution), (String) execution.getVariable("exitReason"),
        (String) execution.getVariable("exitBy"), execution.getProcessInstanceId());
  }

  private static long candidate(DelegateExecution execution) {
    return ((Number) execution.getVariable(ReserveProcesses.CANDIDATE_ID)).longValue();
  }

  private static String caseNo(DelegateExecution execution) {
    return (String) execution.getVariable(CaseVariables.CASE_NO);
  }
}
