package cn.ronghe.admission;

import java.util.List;

/** Process {@code catalogue-change} (事项变更、取消): process key, case prefix, variable names and values. */
final class CatalogueChangeProcess {

  static final String PROCESS_KEY = "catalogue-change";
  static final String CASE_PREFIX = "BG";

  static final String ITEM_CODE = "itemCode";
  static final String CHANGE_TYPE = "changeType";
  static final String CHANGE_REASON = "changeReason";
  static final String NEW_NAME = "newName";
  static final String NEW_CONTENT = "newContent";
  static final String NEW_LEGAL_BASIS = "newLegalBasis";
  static final String NEW_FREQUENCY = "newFrequency";
  static final String NEW_WORKLOAD_HOURS = "newWorkloadHours";
  static final String NEW_FUNDING = "newFunding";
  /** Whether the 市委 must approve: a change that may add work to communities. */
  static final String NEEDS_CITY_APPROVAL = "needsCityApproval";

  static final String CHANGE = "CHANGE";
  static final String REVOKE = "REVOKE";
  static final List<String> CHANGE_TYPES = List.of(CHANGE, REVOKE);

  private CatalogueChangeProcess() {
  }
}
