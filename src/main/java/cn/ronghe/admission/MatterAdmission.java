package cn.ronghe.admission;

import java.util.List;

/** Process {@code matter-admission} (社区事项准入): process key, case prefix, variable names and values. */
final class MatterAdmission {

  static final String PROCESS_KEY = "matter-admission";
  static final String CASE_PREFIX = "ZR";

  // Application, as submitted at the start and after each correction.
  static final String MATTER_NAME = "matterName";
  static final String LIST_TYPE = "listType";
  static final String LEGAL_BASIS = "legalBasis";
  static final String CONTENT = "content";
  static final String TARGET_SCOPE = "targetScope";
  static final String TARGET_STREETS = "targetStreets";
  static final String EXPECTED_START = "expectedStart";
  static final String FREQUENCY = "frequency";
  static final String WORKLOAD_HOURS = "workloadHours";
  static final String FUNDING = "funding";
  static final String ADDS_SIGNBOARD = "addsSignboard";
  static final String ADDS_LEDGER = "addsLedger";
  static final String ADDS_CERTIFICATE = "addsCertificate";
  static final String DISTINCTION_NOTE = "distinctionNote";
  static final String CONTACT_NAME = "contactName";
  static final String CONTACT_PHONE = "contactPhone";
  /** Only for a start without a department group (system, administrator): the applying department's code. */
  static final String APPLICANT_DEPT = "applicantDept";
  static final String APPLICANT_USER = "applicantUser";
  static final String APPLICATION_SUMMARY = "applicationSummary";

  // Automatic checks and corrections.
  static final String CHECK_OUTCOME = "checkOutcome";
  static final String CHECK_PROBLEMS = "checkProblems";
  static final String CHECK_MATCH = "checkClosestItem";
  static final String RETURN_COUNT = "returnCount";
  static final String CORRECTION_ACTION = "correctionAction";
  static final String WITHDRAW_REASON = "withdrawReason";

  // Reviews and decisions.
  static final String NECESSITY_DECISION = "necessityDecision";
  static final String NECESSITY_OPINION = "necessityOpinion";
  static final String BURDEN_DECISION = "burdenDecision";
  static final String BURDEN_OPINION = "burdenOpinion";
  static final String LEGALITY_DECISION = "legalityDecision";
  static final String LEGALITY_OPINION = "legalityOpinion";
  static final String STREET_CODE = "streetCode";
  static final String STREET_OPINION = "streetOpinion";
  static final String STREET_COMMENT = "streetComment";
  static final String REVIEW_SUMMARY = "reviewSummary";
  static final String MEETING_DECISION = "meetingDecision";
  static final String MEETING_MINUTES = "meetingMinutes";
  static final String MEETING_DATE = "meetingDate";
  static final String CITY_DECISION = "cityDecision";
  static final String CITY_REASON = "cityReason";
  static final String CITY_APPROVER = "cityApprover";

  // Outcome.
  static final String OUTCOME = "outcome";
  static final String REJECTION_STAGE = "rejectionStage";
  static final String REJECTION_REASONS = "rejectionReasons";
  static final String ITEM_CODE = "itemCode";
  static final String CATALOGUE_VERSION = "catalogueVersion";

  static final String APPROVE = "APPROVE";
  static final String REJECT = "REJECT";
  static final List<String> DECISIONS = List.of(APPROVE, REJECT);
  static final String RESUBMIT = "RESUBMIT";
  static final String WITHDRAW = "WITHDRAW";
  static final List<String> STREET_OPINIONS = List.of("AGREE", "AGREE_WITH_CONDITIONS", "DISAGREE");
  static final String NO_OPINION = "NO_OPINION";

  private MatterAdmission() {
  }
}
