package cn.ronghe.reserve;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Process key, prefix, message and variables of the reserve secretaries plan (社区书记后备人选三年计划). */
public final class ReserveProcesses {

  public static final String PLAN = "reserve-secretary-plan";
  /** HB-2026-0001 one candidate's plan. */
  public static final String PREFIX = "HB";
  public static final String DMN_PREFIX = "reserve-";
  public static final String ASSESSMENT_TABLE = "reserve-assessment";
  public static final String READINESS_TABLE = "reserve-readiness";
  public static final String MSG_EXIT = "reserve-candidate-exit";

  public static final String CANDIDATE_ID = "candidateId";
  public static final String ASSESSMENT_YEAR = "assessmentYear";
  public static final String COHORT_END_YEAR = "cohortEndYear";
  public static final String ASSESSMENT_OPENS_AT = "assessmentOpensAt";

  private ReserveProcesses() {
  }

  static String actor(IdentityService identity) {
    Authentication a = identity.getCurrentAuthentication();
    return a == null || a.getUserId() == null ? "system" : a.getUserId();
  }
}
