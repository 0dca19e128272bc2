package cn.ronghe.admission;

/** Process {@code catalogue-reconfirmation} (清单年度确认): key, case prefix, variable names. */
final class ReconfirmationProcess {

  static final String PROCESS_KEY = "catalogue-reconfirmation";
  static final String CASE_PREFIX = "QR";

  static final String CONFIRM_YEAR = "confirmYear";
  static final String SCHEDULE_KEY = "catalogue-reconfirmation-schedule";
  /** Set by the yearly schedule: whether it started the year's re-confirmation (false: started by hand before). */
  static final String STARTED = "reconfirmationStarted";
  static final String DEPT_CODE = "deptCode";
  static final String DEPT_NAME = "deptName";
  static final String ITEM_OPTIONS = "itemOptions";
  static final String ITEM_LIST = "itemList";
  static final String GIVEN_UP = "givenUp";
  static final String GIVE_UP_REASON = "giveUpReason";

  static final int FIRST_YEAR = 2020;
  static final int LAST_YEAR = 2100;

  private ReconfirmationProcess() {
  }
}
