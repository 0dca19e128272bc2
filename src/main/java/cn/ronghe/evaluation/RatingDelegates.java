package cn.ronghe.evaluation;

import static cn.ronghe.evaluation.EvaluationProcesses.*;

import cn.ronghe.cobuilding.ActingParty;
import cn.ronghe.cobuilding.ContactRepository;
import cn.ronghe.cobuilding.OnCompletion;
import cn.ronghe.cobuilding.Times;
import cn.ronghe.identity.Groups;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.notification.Notifier;
import cn.ronghe.platform.policy.PolicyParameters;
import cn.ronghe.platform.process.CaseVariables;
import cn.ronghe.platform.process.FormInput;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One evaluation ({@code evaluation-rating}): context for the form, validation, scoring, deadlines. */
@Configuration
class RatingDelegates {

  private final EvaluationRepository repository;
  private final ScoringRules scoring;
  private final ContactRepository contacts;
  private final RegistryRepository registry;
  private final PolicyParameters policy;
  private final IdentityService identity;
  private final Notifier notifier;
  private final DecisionLog decisions;

  RatingDelegates(EvaluationRepository repository, ScoringRules scoring, ContactRepository contacts,
      RegistryRepository registry, PolicyParameters policy, IdentityService identity, Notifier notifier,
      DecisionLog decisions) {
    this.repository = repository;
    this.scoring = scoring;
    this.contacts = contacts;
    this.registry = registry;
    this.policy = policy;
    this.identity = identity;
    this.notifier = notifier;
    this.decisions = decisions;
  }

  /** What the rater sees besides the scores: the recorded contacts and the projects closed this period. */
  @Bean
  ExecutionListener prepareRating() {
    return execution -> {
      RatingDirection direction = direction(execution);
      String unit = str(execution, UNIT_CODE);
      String community = str(execution, COMMUNITY_CODE);
      LocalDate from = LocalDate.parse(str(execution, PERIOD_FROM));
      LocalDate to = LocalDate.parse(str(execution, PERIOD_TO));
      execution.setVariable("reportedCount", contacts.count(unit, community, from, to));
      execution.setVariable("closedProjectCount", contacts.closedProjects(unit, community, from, to));
      execution.setVariable("lowScore", policy.intValue("evaluation.low-score"));
      String rater = direction == RatingDirection.C2U ? str(execution, COMMUNITY_NAME) : str(execution, UNIT_NAME);
      String rated = direction == RatingDirection.C2U ? str(execution, UNIT_NAME) : str(execution, COMMUNITY_NAME);
      execution.setVariable("raterName", rater);
      execution.setVariable("ratedName", rated);
      execution.setVariable(CaseVariables.CASE_TITLE, rater + "评价" + rated + "（" + execution.getVariable(EVAL_YEAR) + " 年度）");
      execution.setVariable(CaseVariables.CASE_ORG, rater);
    };
  }

  /**
   * End listener of the rating task: every dimension 0–100, a comment for any score below the policy's
   * threshold, a rater who belongs to the rating side, and a pairing that still exists; else HTTP 400.
   */
  @Bean
  ExecutionListener validateRating() {
    return OnCompletion.of(execution -> {
      FormInput in = FormInput.of(execution);
      RatingDirection direction = direction(execution);
      int low = policy.intValue("evaluation.low-score");
      int minComment = policy.intValue("evaluation.comment-min-length");
      boolean anyLow = false;
      for (WeightedTotal.Weight w : scoring.weights(direction)) {
        Integer score = in.integer(w.dimension(), w.label(), 0, 100, true);
        anyLow |= score != null && score < low;
      }
      String comment = in.text(RATING_COMMENT, "评价意见", 1000, false);
      if (anyLow && (comment == null || comment.length() < minComment)) {
        in.addProblem(RATING_COMMENT, "有评分低于 " + low + " 分，须填写不少于 " + minComment + " 字的评价意见",
            "a score below " + low + " needs a comment of at least " + minComment + " characters");
      }
      Authentication auth = identity.getCurrentAuthentication();
      String raterGroup = str(execution, RATER_GROUP);
      if (auth != null && (auth.getGroupIds() == null || !auth.getGroupIds().contains(raterGroup))) {
        in.addProblem("rater", "您不是该结对的评价方，不能代为评价", "you are not the rating side of this pairing");
      }
      if (!registry.isPaired(str(execution, UNIT_CODE), str(execution, COMMUNITY_CODE))) {
        in.addProblem("pairing", "该结对关系已解除，评价已停止，无需填写",
            "this pairing no longer exists; the evaluation is void");
      }
      in.throwIfInvalid();
      execution.setVariable(RATED_BY, ActingParty.actor(auth));
    });
  }

  /** Scores the submitted evaluation and records it, with the rule versions used. */
  @Bean
  JavaDelegate scoreRating() {
    return execution -> {
      RatingDirection direction = direction(execution);
      Map<String, Integer> scores = new LinkedHashMap<>();
      List<WeightedTotal.Weight> weights = scoring.weights(direction);
      for (WeightedTotal.Weight w : weights) {
        scores.put(w.dimension(), ((Number) execution.getVariable(w.dimension())).intValue());
      }
      boolean reported = reported(execution);
      ScoringRules.Result result = scoring.score(direction, scores, reported);
      Date due = (Date) execution.getVariable(RATING_DUE);
      boolean late = Times.now().isAfter(Times.toLocal(due));
      String actor = str(execution, RATED_BY);
      String comment = str(execution, RATING_COMMENT);
      repository.saveRating(pairingId(execution), direction, "SUBMITTED", result, comment == null ? null : comment.strip(),
          late, actor, execution.getProcessInstanceId(), scores, weights);
      execution.setVariable("totalScore", result.total().doubleValue());
      execution.setVariable("grade", result.grade().name());
      decisions.record(execution, "RATED", direction.label() + "：" + result.total() + " 分，" + result.grade().label()
          + (result.capped() ? "（未到社区报到，最高一般）" : "") + (late ? "，逾期提交" : ""), actor, result.ruleVersion());
    };
  }

  /** The deadline passed without an evaluation: the rule scores it as missing (or void if the pairing is gone). */
  @Bean
  JavaDelegate recordMissingRating() {
    return execution -> {
      RatingDirection direction = direction(execution);
      long pairingId = pairingId(execution);
      if (!registry.isPaired(str(execution, UNIT_CODE), str(execution, COMMUNITY_CODE))) {
        repository.saveRating(pairingId, direction, "DISSOLVED", null, null, false, "system",
            execution.getProcessInstanceId(), Map.of(), List.of());
        decisions.record(execution, "VOID", direction.label() + "：结对关系已解除，评价作废", "system", null);
        return;
      }
      ScoringRules.Result result = scoring.missing(direction, reported(execution));
      repository.saveRating(pairingId, direction, "MISSING", result, null, true, "system",
          execution.getProcessInstanceId(), Map.of(), List.of());
      decisions.record(execution, "MISSING", direction.label() + "：逾期未评，按缺评计 " + result.total() + " 分，"
          + result.grade().label(), "system", result.ruleVersion());
      notifier.toGroup(Groups.street(str(execution, STREET_CODE)), "缺评：" + execution.getVariable(CaseVariables.CASE_NO),
          str(execution, "raterName") + "未在期限内评价" + str(execution, "ratedName") + "，已按缺评规则计分。",
          str(execution, CaseVariables.CASE_NO), execution.getProcessInstanceId(),
          "rating-missing:" + execution.getProcessBusinessKey() + ":" + direction);
    };
  }

  @Bean
  JavaDelegate remindRater() {
    return execution -> notifier.toGroup(str(execution, RATER_GROUP), "双向考评即将截止：" + str(execution, CaseVariables.CASE_NO),
        "请在 " + Times.toLocal((Date) execution.getVariable(RATING_DUE)).toLocalDate() + " 前完成对"
            + str(execution, "ratedName") + "的评价。",
        str(execution, CaseVariables.CASE_NO), execution.getProcessInstanceId(),
        "rating-reminder:" + execution.getProcessBusinessKey() + ":" + str(execution, DIRECTION));
  }

  @Bean
  JavaDelegate escalateOverdueRating() {
    return execution -> {
      String text = str(execution, "raterName") + "对" + str(execution, "ratedName") + "的评价已逾期，将于 "
          + Times.toLocal((Date) execution.getVariable(RATING_CLOSE)).toLocalDate() + " 按缺评处理。";
      for (String group : List.of(str(execution, RATER_GROUP), Groups.street(str(execution, STREET_CODE)))) {
        notifier.toGroup(group, "双向考评逾期：" + str(execution, CaseVariables.CASE_NO), text,
            str(execution, CaseVariables.CASE_NO), execution.getProcessInstanceId(),
            "rating-overdue:" + execution.getProcessBusinessKey() + ":" + str(execution, DIRECTION) + ":" + group);
      }
    };
  }

  private boolean reported(DelegateExecution execution) {
    return contacts.reported(str(execution, UNIT_CODE), str(execution, COMMUNITY_CODE),
        LocalDate.parse(str(execution, PERIOD_FROM)), LocalDate.parse(str(execution, PERIOD_TO)));
  }

  static RatingDirection direction(DelegateExecution execution) {
    return RatingDirection.valueOf(str(execution, DIRECTION));
  }

  static long pairingId(DelegateExecution execution) {
    return ((Number) execution.getVariable(PAIRING_ID)).longValue();
  }

  static String str(DelegateExecution execution, String name) {
    Object v = execution.getVariable(name);
    return v == null ? null : v.toString();
  }
}
