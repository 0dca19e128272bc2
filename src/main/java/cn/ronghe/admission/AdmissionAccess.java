package cn.ronghe.admission;

import cn.ronghe.identity.Groups;
import cn.ronghe.platform.error.RongheException;
import cn.ronghe.platform.security.ApiUser;
import java.util.List;

/** Who may read what of the admission cases through the project API. */
final class AdmissionAccess {

  /** City bodies that oversee admission and may read every case. */
  static final List<String> OVERSEERS = List.of(Groups.CITY_COMMITTEE, Groups.ORG_DEPT, Groups.CIVIL_AFFAIRS,
      Groups.JUSTICE_BUREAU);

  private AdmissionAccess() {
  }

  static boolean oversees(ApiUser user) {
    return user.isAdmin() || OVERSEERS.stream().anyMatch(user::inGroup);
  }

  static void requireOverseer(ApiUser user) {
    if (!oversees(user)) {
      throw RongheException.forbidden("仅市委、市委组织部、市民政局、市司法局可查看",
          "Only the city bodies overseeing admission may read this");
    }
  }

  /** Overseers, or a member of the department concerned. */
  static void requireOverseerOrDepartment(ApiUser user, String departmentCode) {
    if (!oversees(user) && !user.inGroup(Groups.dept(departmentCode))) {
      throw RongheException.forbidden("您无权查看其他部门的案件", "You may not read another department's case");
    }
  }

  /** The catalogue office (民政局) and administrators maintain the admission lists. */
  static void requireCatalogueOffice(ApiUser user) {
    user.requireAnyGroup(Groups.CIVIL_AFFAIRS);
  }
}
