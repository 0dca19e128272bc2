package cn.ronghe.career.policy;

import java.util.List;
import java.util.Map;

/**
 * Evaluates the career DMN tables. In the application they are the versions deployed from {@code bpmn/career/}
 * (so an administrator deploys a new version without a rebuild); in rule tests they are read from the files.
 */
public interface DecisionTables {

  /** The one matching row of a FIRST or UNIQUE table; an exception when no rule matches (a gap in the table). */
  Map<String, Object> single(String key, Map<String, Object> inputs);

  /** Every matching row of a COLLECT table. */
  List<Map<String, Object>> collect(String key, Map<String, Object> inputs);

  /** Which version decided, for the audit trail: {@code career-promotion v2 (2026.1)}. */
  String version(String key);
}
