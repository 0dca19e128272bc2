package cn.ronghe.platform.process;

/**
 * Variables every process sets at its start, shown as columns in every Tasklist filter and used in task
 * names, so an inbox says what each task is about.
 */
public final class CaseVariables {

  /** The case number, also the business key: ZR-2026-0007. */
  public static final String CASE_NO = "caseNo";
  /** What the case is about, in Chinese: the matter's name, "东仓社区 ↔ 农业银行太仓分行 2026 年度互评"... */
  public static final String CASE_TITLE = "caseTitle";
  /** The organisation the case concerns: community, street, unit or department name. */
  public static final String CASE_ORG = "caseOrg";

  private CaseVariables() {
  }
}
