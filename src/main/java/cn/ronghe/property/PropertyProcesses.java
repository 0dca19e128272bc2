package cn.ronghe.property;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Process keys, prefixes and messages of the property red/black list (物业红黑榜). */
public final class PropertyProcesses {

  public static final String RATING = "property-credit-rating";
  public static final String RATING_TIMER = "property-credit-rating-timer";
  public static final String ENTRY = "property-credit-entry";
  /** WY-2026-0001 a rating; WJ-2026-0001 an entry (正负面记录). */
  public static final String RATING_PREFIX = "WY";
  public static final String ENTRY_PREFIX = "WJ";
  public static final String MSG_NOTICE_SETTLED = "property-credit-notice-settled";
  public static final String NOTICE_KIND = "property-credit";
  public static final String DMN_PREFIX = "property-";
  public static final String CYCLE_NO = "cycleNo";

  private PropertyProcesses() {
  }

  static String actor(IdentityService identity) {
    Authentication a = identity.getCurrentAuthentication();
    return a == null || a.getUserId() == null ? "system" : a.getUserId();
  }
}
