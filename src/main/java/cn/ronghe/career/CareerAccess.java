package cn.ronghe.career;

import cn.ronghe.identity.Groups;
import cn.ronghe.platform.error.RongheException;
import cn.ronghe.platform.security.ApiUser;
import java.util.Set;

/**
 * Who may see and act on which workers: city bodies and administrators see all; a street's committee the
 * workers of its communities; a community its own workers.
 */
public final class CareerAccess {

  private CareerAccess() {
  }

  public static boolean seesAll(ApiUser user) {
    return user.isAdmin() || user.inGroup(Groups.CIVIL_AFFAIRS) || user.inGroup(Groups.ORG_DEPT)
        || user.inGroup(Groups.CITY_COMMITTEE);
  }

  public static boolean sees(ApiUser user, String streetCode, String communityCode) {
    return seesAll(user) || (streetCode != null && user.inGroup(Groups.street(streetCode)))
        || (communityCode != null && user.inGroup(Groups.community(communityCode)));
  }

  public static void requireSees(ApiUser user, String streetCode, String communityCode) {
    if (!sees(user, streetCode, communityCode)) {
      throw RongheException.forbidden("您无权查看该街道或社区的社区工作者信息",
          "You may not see the workers of this street or community");
    }
  }

  public static void requireCivilAffairs(ApiUser user) {
    user.requireAnyGroup(Groups.CIVIL_AFFAIRS);
  }

  /** The street committee of {@code streetCode} (or an administrator): who enters that street's assessments. */
  public static void requireStreet(ApiUser user, String streetCode) {
    if (!user.isAdmin() && !user.inGroup(Groups.street(streetCode))) {
      throw RongheException.forbidden("只有该街道（镇）大工委可以录入本街道社区工作者的年度考核结果",
          "Only the street's committee may enter the assessments of its workers");
    }
  }

  /** The one street a street user acts for, when the request names none. */
  public static String ownStreet(ApiUser user) {
    Set<String> streets = user.codes(Groups.STREET_PREFIX);
    return streets.size() == 1 ? streets.iterator().next() : null;
  }

  public static String ownCommunity(ApiUser user) {
    Set<String> communities = user.codes(Groups.COMMUNITY_PREFIX);
    return communities.size() == 1 ? communities.iterator().next() : null;
  }
}
