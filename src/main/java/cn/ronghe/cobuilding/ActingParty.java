package cn.ronghe.cobuilding;

import cn.ronghe.identity.Groups;
import cn.ronghe.platform.process.FormInput;
import java.util.List;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Which community or unit the person submitting a form acts for, from their groups. A caseworker of one
 * community acts for it; a member of several names one; the system (no authentication) and administrators
 * entering data on someone's behalf must name one.
 */
public final class ActingParty {

  private ActingParty() {
  }

  /**
   * @param prefix    {@code community-} or {@code unit-}
   * @param requested the code the form named, or null
   * @return the code, or null when a problem was added to {@code in}
   */
  public static String resolve(Authentication auth, String prefix, String requested, FormInput in, String field,
      String kindZh, String kindEn) {
    if (auth == null || (auth.getGroupIds() != null && auth.getGroupIds().contains(Groups.ADMIN))) {
      if (requested == null) {
        in.addProblem(field, "请填写代表的" + kindZh + "编码", "name the " + kindEn + " you act for");
      }
      return requested;
    }
    List<String> codes = auth.getGroupIds() == null ? List.of() : auth.getGroupIds().stream()
        .filter(g -> g.startsWith(prefix)).map(g -> g.substring(prefix.length())).sorted().toList();
    if (requested != null) {
      if (!codes.contains(requested)) {
        in.addProblem(field, "您不属于" + kindZh + " " + requested + "，不能代表其办理",
            "you are not a member of " + kindEn + " " + requested + " and cannot act for it");
        return null;
      }
      return requested;
    }
    if (codes.isEmpty()) {
      in.addProblem(field, "只有" + kindZh + "的工作人员可以办理此事项", "only staff of a " + kindEn + " may do this");
      return null;
    }
    if (codes.size() > 1) {
      in.addProblem(field, "您属于多个" + kindZh + "，请填写代表哪一个：" + String.join("、", codes),
          "you belong to several; name the " + kindEn + " you act for: " + String.join(", ", codes));
      return null;
    }
    return codes.get(0);
  }

  public static String actor(Authentication auth) {
    return auth == null ? "system" : auth.getUserId();
  }
}
