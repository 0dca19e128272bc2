package cn.ronghe.career.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;

/** Decision tables already parsed, each with the version label the audit trail records. */
public final class ParsedDecisionTables implements DecisionTables {

  private final DmnEngine engine;
  private final Map<String, DmnDecision> decisions;
  private final Map<String, String> versions;

  public ParsedDecisionTables(DmnEngine engine, Map<String, DmnDecision> decisions, Map<String, String> versions) {
    this.engine = engine;
    this.decisions = Map.copyOf(decisions);
    this.versions = Map.copyOf(versions);
  }

  @Override
  public Map<String, Object> single(String key, Map<String, Object> inputs) {
    DmnDecisionRuleResult row = evaluate(key, inputs).getFirstResult();
    if (row == null) {
      throw new IllegalStateException("Decision table " + version(key) + " has no rule for " + inputs);
    }
    return new HashMap<>(row.getEntryMap());
  }

  @Override
  public List<Map<String, Object>> collect(String key, Map<String, Object> inputs) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (DmnDecisionRuleResult r : evaluate(key, inputs)) {
      rows.add(new HashMap<>(r.getEntryMap()));
    }
    return rows;
  }

  @Override
  public String version(String key) {
    String v = versions.get(key);
    if (v == null) {
      throw new IllegalStateException("Decision table " + key + " is not deployed");
    }
    return v;
  }

  private DmnDecisionTableResult evaluate(String key, Map<String, Object> inputs) {
    DmnDecision decision = decisions.get(key);
    if (decision == null) {
      throw new IllegalStateException("Decision table " + key + " is not deployed");
    }
    return engine.evaluateDecisionTable(decision, new HashMap<>(inputs));
  }
}
