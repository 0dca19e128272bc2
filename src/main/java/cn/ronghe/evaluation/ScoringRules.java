package cn.ronghe.evaluation;

import cn.ronghe.platform.policy.PolicyParameters;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Service;

/**
 * Scores an evaluation with the rules an administrator can change without a rebuild: the dimension weights
 * (DMN {@code evaluation-weights}), the grade bands with the rule "a unit that never reported to its community
 * cannot be rated above 一般" (DMN {@code evaluation-grade}), and the score of a missing evaluation (policy
 * {@code evaluation.missing-score}). The latest deployed version of each table is used and named in the result.
 */
@Service
public class ScoringRules {

  static final String WEIGHTS = "evaluation-weights";
  static final String GRADE = "evaluation-grade";

  /** The outcome, with the versions of the rules that produced it. */
  public record Result(BigDecimal total, Grade grade, boolean capped, String ruleVersion) {
  }

  private final RepositoryService repository;
  private final DecisionService decisions;
  private final PolicyParameters policy;

  ScoringRules(RepositoryService repository, DecisionService decisions, PolicyParameters policy) {
    this.repository = repository;
    this.decisions = decisions;
    this.policy = policy;
  }

  public List<WeightedTotal.Weight> weights(RatingDirection direction) {
    DmnDecisionResult rows = decisions.evaluateDecisionById(latest(WEIGHTS).getId())
        .variables(Map.of("direction", direction.name())).evaluate();
    return rows.getResultList().stream().map(r -> new WeightedTotal.Weight((String) r.get("dimension"),
        (String) r.get("label"), ((Number) r.get("weight")).intValue())).toList();
  }

  public Result score(RatingDirection direction, Map<String, Integer> scores, boolean unitReported) {
    BigDecimal total = WeightedTotal.of(weights(direction), scores);
    return grade(direction, total, unitReported, version(WEIGHTS));
  }

  /** A missing evaluation scores the rated side with the policy's default, then grades it like any other. */
  public Result missing(RatingDirection direction, boolean unitReported) {
    BigDecimal total = BigDecimal.valueOf(policy.intValue("evaluation.missing-score")).setScale(1);
    return grade(direction, total, unitReported, "policy evaluation.missing-score=" + total.intValue());
  }

  private Result grade(RatingDirection direction, BigDecimal total, boolean unitReported, String inputRule) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("direction", direction.name());
    vars.put("unitReported", unitReported);
    vars.put("totalScore", total.doubleValue());
    DecisionDefinition def = latest(GRADE);
    Map<String, Object> row = decisions.evaluateDecisionById(def.getId()).variables(vars).evaluate().getSingleResult()
        .getEntryMap();
    return new Result(total, Grade.valueOf((String) row.get("grade")), Boolean.TRUE.equals(row.get("capped")),
        inputRule + ", " + describe(def));
  }

  private String version(String key) {
    return describe(latest(key));
  }

  private DecisionDefinition latest(String key) {
    return repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
  }

  private static String describe(DecisionDefinition def) {
    return def.getKey() + " v" + def.getVersion() + (def.getVersionTag() == null ? "" : " (" + def.getVersionTag() + ")");
  }
}
