package cn.ronghe.branch;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Process key, variables and messages of the branch star rating (支部星级化评定). */
public final class BranchProcesses {

  public static final String RATING = "branch-star-rating";
  /** XJ-2026-0001 a rating cycle; one branch's rating of a year XJ-2025-PB00017. */
  public static final String PREFIX = "XJ";
  /** Sent when no rating of the cycle is in notice any more: every item was released or withdrawn. */
  public static final String MSG_NOTICE_SETTLED = "branch-rating-notice-settled";
  public static final String NOTICE_KIND = "branch-star";
  public static final String DMN_PREFIX = "branch-";

  public static final String CYCLE_NO = "cycleNo";
  public static final String RATING_YEAR = "ratingYear";
  public static final String COMMUNITY_CODE = "communityCode";
  public static final String STREET_CODE = "streetCode";
  public static final String STREETS_TO_RATE = "streetsToRate";

  private BranchProcesses() {
  }

  /** The user completing the task or starting the process; "system" for timers and jobs. */
  static String actor(IdentityService identity) {
    Authentication a = identity.getCurrentAuthentication();
    return a == null || a.getUserId() == null ? "system" : a.getUserId();
  }

  /** Audit case of one branch's rating of a year (and of negative-list events of that year). */
  static String branchCase(int year, String branchCode) {
    return PREFIX + "-" + year + "-" + branchCode;
  }
}
