package cn.ronghe.career;

import cn.ronghe.identity.Groups;
import cn.ronghe.platform.process.FormInput;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Process keys and case number prefixes of the career ladder, and who is acting in a step. */
public final class CareerProcesses {

  public static final String ONBOARDING = "worker-onboarding";
  public static final String POST_CHANGE = "post-change";
  public static final String REVIEW_CYCLE = "annual-grade-review";
  public static final String REVIEW_STREET = "annual-grade-review-street";
  public static final String REVIEW_TIMER = "annual-grade-review-timer";

  /** 入职定级 RZ-2026-0001, 年度评定 NJ-2026-0001 (a worker's review NJ-2026-W000123), 岗位调整 GW-2026-0001. */
  public static final String ONBOARDING_PREFIX = "RZ";
  public static final String REVIEW_PREFIX = "NJ";
  public static final String POST_CHANGE_PREFIX = "GW";

  private CareerProcesses() {
  }

  /** The user completing the task or starting the process; "system" for timers and jobs. */
  public static String actor(IdentityService identity) {
    Authentication a = identity.getCurrentAuthentication();
    return a == null ? "system" : a.getUserId();
  }

  /** Groups of the acting user (none for system steps). */
  public static Set<String> actorGroups(IdentityService identity) {
    Authentication a = identity.getCurrentAuthentication();
    return a == null || a.getGroupIds() == null ? Set.of() : Set.copyOf(a.getGroupIds());
  }

  /**
   * The community a user acts for: the one named (which must be theirs unless they act for the city), or their
   * only community group. Adds a problem to {@code in} when there is none.
   */
  public static String actingCommunity(IdentityService identity, FormInput in, String named) {
    Set<String> groups = actorGroups(identity);
    List<String> own = groups.stream().filter(g -> g.startsWith(Groups.COMMUNITY_PREFIX))
        .map(g -> g.substring(Groups.COMMUNITY_PREFIX.length())).sorted().toList();
    if (named != null) {
      if (own.contains(named) || groups.contains(Groups.ADMIN)) {
        return named;
      }
      in.addProblem("communityCode", "您不能代表社区 " + named + " 提出", "you do not act for community " + named);
      return null;
    }
    if (own.size() == 1) {
      return own.get(0);
    }
    in.addProblem("communityCode", "请以所在社区的身份发起（未能确定所在社区）",
        "start this as a member of exactly one community");
    return null;
  }
}
