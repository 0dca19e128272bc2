package cn.ronghe.platform.security;

import cn.ronghe.identity.Groups;
import cn.ronghe.platform.error.RongheException;
import java.util.Set;
import java.util.TreeSet;

/** The authenticated caller of the project's API: a Camunda identity user and its group ids. */
public record ApiUser(String id, Set<String> groups) {

  public static final String REQUEST_ATTRIBUTE = ApiUser.class.getName();

  public ApiUser {
    groups = Set.copyOf(groups);
  }

  public boolean isAdmin() {
    return groups.contains(Groups.ADMIN);
  }

  public boolean inGroup(String group) {
    return groups.contains(group);
  }

  /** Codes of the organisations this user acts for, e.g. {@code codes("street-")} gives {@code [loudong]}. */
  public Set<String> codes(String groupPrefix) {
    Set<String> codes = new TreeSet<>();
    for (String g : groups) {
      if (g.startsWith(groupPrefix)) {
        codes.add(g.substring(groupPrefix.length()));
      }
    }
    return codes;
  }

  public void requireAdmin() {
    if (!isAdmin()) {
      throw RongheException.forbidden("仅系统管理员可执行该操作", "Only administrators may do this");
    }
  }

  public void requireAnyGroup(String... anyOf) {
    if (isAdmin()) {
      return;
    }
    for (String g : anyOf) {
      if (groups.contains(g)) {
        return;
      }
    }
    throw RongheException.forbidden("您所在的组无权执行该操作", "Your groups are not allowed to do this");
  }
}
