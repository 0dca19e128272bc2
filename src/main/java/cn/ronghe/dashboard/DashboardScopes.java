package cn.ronghe.dashboard;

import cn.ronghe.dashboard.DashboardScope.Level;
import cn.ronghe.identity.Groups;
import cn.ronghe.organisation.Community;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.organisation.Street;
import cn.ronghe.platform.error.RongheException;
import cn.ronghe.platform.security.ApiUser;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Which scope a user's dashboard shows: administrators and city bodies the city, a street's committee its
 * street, a community its community, a unit itself, a line department its own applications. A user may narrow
 * the scope to a street or community inside their own ({@code ?street=}, {@code ?community=}), never widen it.
 */
@Component
class DashboardScopes {

  static final List<String> CITY_GROUPS = List.of(Groups.ADMIN, Groups.CITY_COMMITTEE, Groups.ORG_DEPT,
      Groups.CIVIL_AFFAIRS, Groups.JUSTICE_BUREAU);

  private final RegistryRepository registry;

  DashboardScopes(RegistryRepository registry) {
    this.registry = registry;
  }

  /** Years a dashboard may ask for: the registry's history does not go further back. */
  static final int FIRST_YEAR = 2000;

  /**
   * The user's own scope, narrowed as requested, in the given year; 403 when the user belongs to no body or asks
   * for another's, 400 for a year outside 2000 to next year.
   */
  DashboardScope resolve(ApiUser user, String street, String community, Integer year) {
    int last = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).getYear() + 1;
    if (year != null && (year < FIRST_YEAR || year > last)) {
      throw RongheException.badRequest("INVALID_YEAR", "年度须在 " + FIRST_YEAR + " 到 " + last + " 之间",
          "year must be between " + FIRST_YEAR + " and " + last);
    }
    return resolve(user, street, community).inYear(year);
  }

  /** The user's own scope, narrowed as requested; 403 when the user belongs to no body or asks for another's. */
  DashboardScope resolve(ApiUser user, String street, String community) {
    DashboardScope own = own(user);
    if (community != null && !community.isBlank()) {
      Community c = registry.community(community)
          .orElseThrow(() -> RongheException.notFound("社区", community));
      if (!(own.is(Level.CITY) || own.is(Level.STREET) && user.inGroup(Groups.street(c.streetCode()))
          || own.is(Level.COMMUNITY) && own.code().equals(c.code()))) {
        throw outside();
      }
      return new DashboardScope(Level.COMMUNITY, c.code(), c.name(), null);
    }
    if (street != null && !street.isBlank()) {
      Street s = registry.street(street).orElseThrow(() -> RongheException.notFound("镇区（街道）", street));
      if (!(own.is(Level.CITY) || user.inGroup(Groups.street(s.code())))) {
        throw outside();
      }
      return new DashboardScope(Level.STREET, s.code(), s.name(), null);
    }
    return own;
  }

  private DashboardScope own(ApiUser user) {
    if (CITY_GROUPS.stream().anyMatch(user::inGroup)) {
      return DashboardScope.city();
    }
    Optional<Street> street = first(user.codes(Groups.STREET_PREFIX)).flatMap(registry::street);
    if (street.isPresent()) {
      return new DashboardScope(Level.STREET, street.get().code(), street.get().name(), null);
    }
    Optional<Community> community = first(user.codes(Groups.COMMUNITY_PREFIX)).flatMap(registry::community);
    if (community.isPresent()) {
      return new DashboardScope(Level.COMMUNITY, community.get().code(), community.get().name(), null);
    }
    var unit = first(user.codes(Groups.UNIT_PREFIX)).flatMap(registry::unit);
    if (unit.isPresent()) {
      return new DashboardScope(Level.UNIT, unit.get().code(), unit.get().name(), null);
    }
    var dept = first(user.codes(Groups.DEPT_PREFIX)).flatMap(registry::department);
    if (dept.isPresent()) {
      return new DashboardScope(Level.DEPARTMENT, dept.get().code(), dept.get().name(), null);
    }
    throw RongheException.forbidden("您的账号不属于任何机构，无法查看数据看板",
        "Your account belongs to no organisation, so there is no dashboard for it");
  }

  private static Optional<String> first(Set<String> codes) {
    return codes.stream().findFirst();
  }

  private static RongheException outside() {
    return RongheException.forbidden("只能查看本单位范围内的数据", "You may only look at figures within your own organisation");
  }
}
