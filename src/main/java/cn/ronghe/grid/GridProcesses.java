package cn.ronghe.grid;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Process key, prefix, levels and variables of the grid reports (网格问题上报). */
public final class GridProcesses {

  public static final String REPORT = "grid-issue-report";
  /** WG-2026-0001 a report. */
  public static final String PREFIX = "WG";
  public static final String DMN_PREFIX = "grid-";
  public static final String CATEGORY_TABLE = "grid-issue-category";

  public static final String COMMUNITY = "COMMUNITY";
  public static final String STREET = "STREET";
  public static final String DEPT = "DEPT";

  /** RESOLVED or ESCALATE, set by the handling level. */
  public static final String HANDLING = "handling";
  /** The level that gave the outcome the reporter confirms: a reopened report goes back there. */
  public static final String RESOLVED_LEVEL = "resolvedLevel";
  /** CONFIRM or REOPEN; absent when the confirmation timed out. */
  public static final String CONFIRMATION = "confirmation";
  public static final String REPORTER = "reporter";

  private GridProcesses() {
  }

  static String actor(IdentityService identity) {
    Authentication a = identity.getCurrentAuthentication();
    return a == null || a.getUserId() == null ? "system" : a.getUserId();
  }

  static String levelLabel(String level) {
    return switch (level) {
      case COMMUNITY -> "社区";
      case STREET -> "街道";
      default -> "职能部门";
    };
  }
}
