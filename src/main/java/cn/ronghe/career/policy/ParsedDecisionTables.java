package cn.ronghe.career.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;

/**
 * Decision tables already parsed, each with the version label the audit trail records. A table is a pure
 * function of its inputs and the inputs of the career rules take few distinct values (grades, results, years),
 * so answers are remembered per parsed table: a review of 100,000 workers evaluates each combination once.
 */
public final class ParsedDecisionTables implements DecisionTables {

  /** Bound on remembered answers per table; beyond it tables are simply evaluated again. */
  private static final int MAX_REMEMBERED = 20_000;

  private final DmnEngine engine;
  private final Map<String, DmnDecision> decisions;
  private final Map<String, String> versions;
  private final Map<DmnDecision, Map<String, List<Map<String, Object>>>> answers;

  public ParsedDecisionTables(DmnEngine engine, Map<String, DmnDecision> decisions, Map<String, String> versions) {
    this(engine, decisions, versions, new ConcurrentHashMap<>());
  }

  ParsedDecisionTables(DmnEngine engine, Map<String, DmnDecision> decisions, Map<String, String> versions,
      Map<DmnDecision, Map<String, List<Map<String, Object>>>> answers) {
    this.engine = engine;
    this.decisions = Map.copyOf(decisions);
    this.versions = Map.copyOf(versions);
    this.answers = answers;
  }

  @Override
  public Map<String, Object> single(String key, Map<String, Object> inputs) {
    List<Map<String, Object>> rows = rows(key, inputs);
    if (rows.isEmpty()) {
      throw new IllegalStateException("Decision table " + version(key) + " has no rule for " + inputs);
    }
    return new HashMap<>(rows.get(0));
  }

  @Override
  public List<Map<String, Object>> collect(String key, Map<String, Object> inputs) {
    return rows(key, inputs).stream().<Map<String, Object>>map(HashMap::new).toList();
  }

  private List<Map<String, Object>> rows(String key, Map<String, Object> inputs) {
    DmnDecision decision = decision(key);
    Map<String, List<Map<String, Object>>> remembered = answers.computeIfAbsent(decision,
        d -> new ConcurrentHashMap<>());
    String signature = new TreeMap<>(inputs).toString();
    List<Map<String, Object>> rows = remembered.get(signature);
    if (rows == null) {
      rows = new ArrayList<>();
      for (DmnDecisionRuleResult r : engine.evaluateDecisionTable(decision, new HashMap<>(inputs))) {
        rows.add(Collections.unmodifiableMap(new HashMap<>(r.getEntryMap())));
      }
      rows = List.copyOf(rows);
      if (remembered.size() < MAX_REMEMBERED) {
        remembered.put(signature, rows);
      }
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

  private DmnDecision decision(String key) {
    DmnDecision decision = decisions.get(key);
    if (decision == null) {
      throw new IllegalStateException("Decision table " + key + " is not deployed");
    }
    return decision;
  }
}
