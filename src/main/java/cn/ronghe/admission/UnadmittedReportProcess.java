package cn.ronghe.admission;

import java.util.List;

/** Process {@code unadmitted-matter-report} (未准入事项报告): key, case prefix, variable names and values. */
final class UnadmittedReportProcess {

  static final String PROCESS_KEY = "unadmitted-matter-report";
  static final String CASE_PREFIX = "FY";

  static final String DEPARTMENT_CODE = "departmentCode";
  static final String MATTER = "matter";
  static final String DEMANDED_ON = "demandedOn";
  static final String EVIDENCE = "evidence";
  /** Only for a start without a community group (system, administrator). */
  static final String COMMUNITY_CODE = "communityCode";
  static final String REPORT_SUMMARY = "reportSummary";
  static final String VERSION_IN_FORCE = "catalogueVersionInForce";
  static final String CATALOGUE_MATCHES = "catalogueMatches";
  static final String VERDICT = "verdict";
  static final String MATCHED_ITEM_CODE = "matchedItemCode";
  static final String VERIFICATION_NOTE = "verificationNote";
  static final String WITHDRAWAL_CONFIRMED = "withdrawalConfirmed";
  static final String WITHDRAWAL_NOTE = "withdrawalNote";

  static final String ADMITTED = "ADMITTED";
  static final String UNADMITTED = "UNADMITTED";
  static final List<String> VERDICTS = List.of(ADMITTED, UNADMITTED);

  private UnadmittedReportProcess() {
  }
}
