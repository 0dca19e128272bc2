package cn.ronghe.career.policy;

import cn.ronghe.platform.security.AsSystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Hands out {@link GradeRules} bound to the latest deployed version of every career decision table.
 *
 * <p>Tables are evaluated with a stand-alone DMN engine rather than the process engine's decision service: the
 * annual review evaluates four tables per worker, and the engine would write some ten history rows per
 * evaluation (a million rows for a province). The audit trail keeps, per worker, the decision, its reason and
 * the key and version of each table that decided ({@code audit_decision.rule_version}). Parsed tables are cached
 * by decision definition id, so a new deployment is picked up by the next {@link #current()}.
 */
@Component
public class DeployedDecisionTables {

  private static final String PREFIX = "career-";

  private final RepositoryService repository;
  private final AsSystem asSystem;
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();
  private final Map<DmnDecision, Map<String, List<Map<String, Object>>>> answers = new ConcurrentHashMap<>();

  public DeployedDecisionTables(RepositoryService repository, AsSystem asSystem) {
    this.repository = repository;
    this.asSystem = asSystem;
  }

  /** The rules as deployed now; keep the instance for one unit of work so all its decisions use one version. */
  public GradeRules current() {
    return new GradeRules(latest(PREFIX));
  }

  /**
   * The latest deployed version of every decision table whose key starts with {@code keyPrefix}, for other
   * capabilities that keep their rules in DMN ({@code branch-}, {@code property-} ...). Same caching.
   */
  public DecisionTables latest(String keyPrefix) {
    List<DecisionDefinition> latest = asSystem.call(() -> repository.createDecisionDefinitionQuery()
        .decisionDefinitionKeyLike(keyPrefix + "%").latestVersion().list());
    Map<String, DmnDecision> decisions = new HashMap<>();
    Map<String, String> versions = new HashMap<>();
    for (DecisionDefinition d : latest) {
      decisions.put(d.getKey(), parsed.computeIfAbsent(d.getId(), id -> parse(d)));
      versions.put(d.getKey(), d.getKey() + " v" + d.getVersion()
          + (d.getVersionTag() == null ? "" : " (" + d.getVersionTag() + ")"));
    }
    return new ParsedDecisionTables(dmn, decisions, versions, answers);
  }

  private DmnDecision parse(DecisionDefinition d) {
    try (InputStream in = asSystem.call(() -> repository.getDecisionModel(d.getId()))) {
      return dmn.parseDecision(d.getKey(), in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read decision " + d.getId(), e);
    }
  }
}
