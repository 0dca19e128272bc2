package cn.ronghe.evaluation;

import cn.ronghe.platform.policy.PolicyParameters;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Service;

/**
 * Scores an evaluation with the rules an administrator can change without a rebuild: the dimension weights
 * (DMN {@code evaluation-weights}), the grade bands with the rule "a unit that never reported to its community
 * cannot be rated above 一般" (DMN {@code evaluation-grade}), and the score of a missing evaluation (policy
 * {@code evaluation.missing-score}). The latest deployed version of each table is used and named in the result;
 * a newly deployed version takes effect within a minute.
 */
@Service
public class ScoringRules {

  static final String WEIGHTS = "evaluation-weights";
  static final String GRADE = "evaluation-grade";

  /** The outcome, with the versions of the rules that produced it. */
  public record Result(BigDecimal total, Grade grade, boolean capped, String ruleVersion) {
  }

  static final Duration CACHE_TTL = Duration.ofMinutes(1);

  private record Cached(List<WeightedTotal.Weight> weights, String version, Instant at) {
  }

  private record Latest(DecisionDefinition definition, Instant at) {
  }

  private final Map<RatingDirection, Cached> weightCache = new ConcurrentHashMap<>();
  private final Map<String, Latest> latestCache = new ConcurrentHashMap<>();
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();
  /** A plain DMN engine (no engine context, no history) for {@link #scoreImported}. */
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final RepositoryService repository;
  private final DecisionService decisions;
  private final PolicyParameters policy;

  ScoringRules(RepositoryService repository, DecisionService decisions, PolicyParameters policy) {
    this.repository = repository;
    this.decisions = decisions;
    this.policy = policy;
  }

  /** The weights of a direction; read from the latest table at most once a minute (a form needs them twice). */
  public List<WeightedTotal.Weight> weights(RatingDirection direction) {
    Cached cached = weightCache.get(direction);
    if (cached == null || Instant.now().isAfter(cached.at().plus(CACHE_TTL))) {
      DecisionDefinition def = latest(WEIGHTS);
      DmnDecisionResult rows = decisions.evaluateDecisionById(def.getId())
          .variables(Map.of("direction", direction.name())).evaluate();
      cached = new Cached(rows.getResultList().stream().map(r -> new WeightedTotal.Weight((String) r.get("dimension"),
          (String) r.get("label"), ((Number) r.get("weight")).intValue())).toList(), describe(def), Instant.now());
      weightCache.put(direction, cached);
    }
    return cached.weights();
  }

  public Result score(RatingDirection direction, Map<String, Integer> scores, boolean unitReported) {
    BigDecimal total = WeightedTotal.of(weights(direction), scores);
    return grade(direction, total, unitReported, weightCache.get(direction).version(), false);
  }

  /** A missing evaluation scores the rated side with the policy's default, then grades it like any other. */
  public Result missing(RatingDirection direction, boolean unitReported) {
    BigDecimal total = BigDecimal.valueOf(policy.intValue("evaluation.missing-score")).setScale(1);
    return grade(direction, total, unitReported, "policy evaluation.missing-score=" + total.intValue(), false);
  }

  /**
   * The same rules for a bulk import of past results (the demo's earlier cycles): the grade table is evaluated
   * in memory, without a decision-history entry for each of a thousand evaluations.
   */
  public Result scoreImported(RatingDirection direction, Map<String, Integer> scores, boolean unitReported) {
    BigDecimal total = scores.isEmpty() ? BigDecimal.valueOf(policy.intValue("evaluation.missing-score")).setScale(1)
        : WeightedTotal.of(weights(direction), scores);
    return grade(direction, total, unitReported, scores.isEmpty() ? "policy evaluation.missing-score" : "imported", true);
  }

  private Result grade(RatingDirection direction, BigDecimal total, boolean unitReported, String inputRule,
      boolean quiet) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("direction", direction.name());
    vars.put("unitReported", unitReported);
    vars.put("totalScore", total.doubleValue());
    DecisionDefinition def = latest(GRADE);
    Map<String, Object> row = quiet ? inMemory(def, vars)
        : decisions.evaluateDecisionById(def.getId()).variables(vars).evaluate().getSingleResult().getEntryMap();
    return new Result(total, Grade.valueOf((String) row.get("grade")), Boolean.TRUE.equals(row.get("capped")),
        inputRule + ", " + describe(def));
  }

  private Map<String, Object> inMemory(DecisionDefinition def, Map<String, Object> vars) {
    DmnDecision table = parsed.computeIfAbsent(def.getId(), id -> {
      try (java.io.InputStream in = repository.getDecisionModel(id)) {
        return dmn.parseDecision(def.getKey(), in);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    return dmn.evaluateDecision(table, vars).getSingleResult().getEntryMap();
  }

  /** The latest version of a table, looked up at most once a minute. */
  private DecisionDefinition latest(String key) {
    Latest cached = latestCache.get(key);
    if (cached == null || Instant.now().isAfter(cached.at().plus(CACHE_TTL))) {
      cached = new Latest(repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion()
          .singleResult(), Instant.now());
      latestCache.put(key, cached);
    }
    return cached.definition();
  }

  private static String describe(DecisionDefinition def) {
    return def.getKey() + " v" + def.getVersion() + (def.getVersionTag() == null ? "" : " (" + def.getVersionTag() + ")");
  }
}
