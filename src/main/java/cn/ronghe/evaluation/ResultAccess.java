package cn.ronghe.evaluation;

import cn.ronghe.identity.Groups;
import cn.ronghe.platform.error.RongheException;
import cn.ronghe.platform.security.ApiUser;
import java.util.List;

/**
 * Who may read evaluation results: administrators and city bodies everything; a street its own pairings at
 * any time; a community or unit only its own pairings, and only once the cycle is published.
 */
final class ResultAccess {

  static final List<String> CITY_BODIES = List.of(Groups.ORG_DEPT, Groups.CITY_COMMITTEE, Groups.CIVIL_AFFAIRS);

  private ResultAccess() {
  }

  static boolean seesAll(ApiUser user) {
    return user.isAdmin() || CITY_BODIES.stream().anyMatch(user::inGroup);
  }

  static boolean sees(ApiUser user, PairingResult p, boolean published) {
    if (seesAll(user) || user.inGroup(Groups.street(p.streetCode()))) {
      return true;
    }
    return published && (user.inGroup(Groups.unit(p.unitCode())) || user.inGroup(Groups.community(p.communityCode())));
  }

  static void requireOrgDept(ApiUser user) {
    if (!user.isAdmin() && !user.inGroup(Groups.ORG_DEPT)) {
      throw RongheException.forbidden("仅市委组织部可执行该操作", "Only the organisation department may do this");
    }
  }
}
