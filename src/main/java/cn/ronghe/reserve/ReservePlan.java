package cn.ronghe.reserve;

import cn.ronghe.career.policy.DeployedDecisionTables;
import cn.ronghe.identity.Groups;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.notification.Notifier;
import cn.ronghe.reserve.ReserveRecords.Assessment;
import cn.ronghe.reserve.ReserveRecords.Candidate;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * One candidate's plan: nomination, reviews, the yearly assessments, the readiness decision at the end of the
 * cohort, or an exit. Every decision is audited under the candidate's {@code HB-} number.
 */
@Service
public class ReservePlan {

  private final ReserveRepository repository;
  private final DeployedDecisionTables decisions;
  private final DecisionLog log;
  private final Notifier notifier;
  private final RuntimeService runtime;
  private final IdentityService identity;

  ReservePlan(ReserveRepository repository, DeployedDecisionTables decisions, DecisionLog log, Notifier notifier,
      RuntimeService runtime, IdentityService identity) {
    this.identity = identity;
    this.repository = repository;
    this.decisions = decisions;
    this.log = log;
    this.notifier = notifier;
    this.runtime = runtime;
  }

  public ReserveRules rules() {
    return new ReserveRules(decisions.latest(ReserveProcesses.DMN_PREFIX));
  }

  long nominate(Candidate c, String actor, String pid) {
    long id = repository.insertCandidate(c, actor, now());
    log.record(c.caseNo(), ReserveProcesses.PLAN, pid, "Start_Nominated", "NOMINATED", c.fullName() + "（"
        + c.currentPost() + "）" + (c.replacesId() == null ? "" : "，替补退出的后备人选 " + c.replacesId()) + "："
        + c.reasons(), actor, null);
    return id;
  }

  void reviewed(String caseNo, String step, boolean approved, String opinion, String actor, String pid) {
    log.record(caseNo, ReserveProcesses.PLAN, pid, step, approved ? "APPROVED" : "NOT_APPROVED", opinion, actor, null);
  }

  void reject(long id, String caseNo, String communityCode, String reason, String pid) {
    if (repository.move(id, List.of("NOMINATED"), "REJECTED", reason)) {
      notifier.toGroup(Groups.community(communityCode), "后备人选提名未通过", caseNo + "：" + reason, caseNo, pid,
          "reserve-rejected:" + caseNo);
    }
  }

  /** ACTIVE from now; the first assessment is that of the later of this year and the cohort's first year. */
  int activate(long id, String caseNo, int cohortStart, String pid) {
    if (repository.move(id, List.of("NOMINATED"), "ACTIVE", null)) {
      log.record(caseNo, ReserveProcesses.PLAN, pid, "Task_ActivateCandidate", "ACTIVE", "纳入后备人才库", "system",
          null);
    }
    return Math.max(today().getYear(), cohortStart);
  }

  /** The facts of the year the street assesses, with the table's suggestion. */
  Map<String, Object> facts(long id, int year, String mentorOpinion) {
    int training = repository.attended(id, "TRAINING", year);
    int forums = repository.attended(id, "FORUM", year);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("trainingCount", training);
    m.put("forumCount", forums);
    if (mentorOpinion != null) {
      m.put("suggested", rules().suggest(training, forums, mentorOpinion));
    }
    return m;
  }

  void assess(long id, String caseNo, int year, String mentor, String result, String comment, String actor,
      String pid) {
    Map<String, Object> f = facts(id, year, mentor);
    ReserveRules rules = rules();
    Assessment a = new Assessment(year, (Integer) f.get("trainingCount"), (Integer) f.get("forumCount"), mentor,
        (String) f.get("suggested"), result, comment, actor);
    if (repository.insertAssessment(id, a, rules.version())) {
      log.record(caseNo, ReserveProcesses.PLAN, pid, "Task_YearlyAssessment", "ASSESSED_" + result, year + " 年度"
          + ReserveRules.resultLabel(result) + "（培训 " + a.trainingCount() + " 轮，论坛 " + a.forumCount() + " 次，建议"
          + ReserveRules.resultLabel(a.suggested()) + "）" + (comment == null ? "" : "：" + comment), actor,
          rules.version());
    }
  }

  ReserveRules.Readiness suggestReadiness(long id) {
    List<Assessment> years = repository.assessments(id);
    return rules().readiness((int) years.stream().filter(a -> "WEAK".equals(a.result())).count(),
        (int) years.stream().filter(a -> "EXCELLENT".equals(a.result())).count());
  }

  void decideReadiness(long id, String caseNo, String ready, String reason, String actor, String pid) {
    if (repository.move(id, List.of("ACTIVE"), ready, reason)) {
      log.record(caseNo, ReserveProcesses.PLAN, pid, "Task_ReadinessDecision", ready, reason, actor,
          rules().version());
    }
  }

  /** Ends an active or nominated candidate's plan; the community is asked to nominate a replacement. */
  void exit(long id, String reason, String actor, String pid) {
    Candidate c = repository.candidate(id).orElseThrow();
    if (repository.move(id, List.of("NOMINATED", "ACTIVE"), "EXITED", reason)) {
      log.record(c.caseNo(), ReserveProcesses.PLAN, pid, "Task_RecordExit", "EXITED", reason, actor, null);
      notifier.toGroup(Groups.community(c.communityCode()), "后备人选退出，请补充提名", c.fullName() + "（" + c.caseNo()
          + "）退出后备计划：" + reason + "。可在同一届内提名替补人选（填写被替补人编号 " + c.id() + "）。", c.caseNo(), pid,
          "reserve-exit:" + c.caseNo());
    }
  }

  /** Sends the exit to the candidate's running plan. @return false when no plan waits for it */
  boolean requestExit(Candidate c, String reason, String actor) {
    // the caller's right was checked by the endpoint; a street user has no engine permission on the plan itself
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      var instance = runtime.createProcessInstanceQuery().processDefinitionKey(ReserveProcesses.PLAN)
          .processInstanceBusinessKey(c.caseNo()).singleResult();
      if (instance == null) {
        return false;
      }
      runtime.createMessageCorrelation(ReserveProcesses.MSG_EXIT).processInstanceId(instance.getId())
          .setVariable("exitReason", reason).setVariable("exitBy", actor).correlate();
      return true;
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  static Date opensAt(int year) {
    return Date.from(LocalDate.of(year, 12, 1).atTime(8, 30).atZone(ZoneId.systemDefault()).toInstant());
  }

  static LocalDate today() {
    return now().toLocalDate();
  }

  static LocalDateTime now() {
    return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
  }
}
