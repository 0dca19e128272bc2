package cn.ronghe.cobuilding;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a unit's resource can serve a community's demand, how well, and why — in words a caseworker reads.
 * A match needs the same category, a resource that reaches the community (its service scope) and overlapping
 * periods; the score then ranks matches: reach counts most (a paired unit first), then overlap and capacity.
 */
public final class Matching {

  static final int CATEGORY = 20;
  static final int PAIRED = 50;
  static final int SAME_STREET = 30;
  static final int CITY_WIDE = 10;
  static final int PERIOD = 20;
  static final int CAPACITY = 10;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  /** Where a unit works: the communities it is paired with and their streets. */
  public record Reach(Set<String> communities, Set<String> streets) {
  }

  public record Match(DemandItem demand, ResourceItem resource, int score, List<String> reasons) {
    public String explanation() {
      return String.join("；", reasons);
    }
  }

  private Matching() {
  }

  public static Optional<Match> evaluate(DemandItem d, ResourceItem r, Reach unitReach) {
    if (!d.category().equals(r.category())) {
      return Optional.empty();
    }
    List<String> reasons = new ArrayList<>();
    int score = CATEGORY;
    reasons.add("类别一致（" + d.categoryName() + "）");
    if (unitReach.communities().contains(d.communityCode())) {
      score += PAIRED;
      reasons.add(r.unitName() + "与" + d.communityName() + "结对");
    } else if (r.serviceScope() != ServiceScope.PAIRED && unitReach.streets().contains(d.streetCode())) {
      score += SAME_STREET;
      reasons.add(r.unitName() + "的结对社区同在" + d.streetName());
    } else if (r.serviceScope() == ServiceScope.CITY) {
      score += CITY_WIDE;
      reasons.add("该资源面向全市社区");
    } else {
      return Optional.empty();
    }
    if (!overlaps(d.expectedFrom(), d.expectedTo(), r.availableFrom(), r.availableTo())) {
      return Optional.empty();
    }
    score += PERIOD;
    reasons.add("服务期 " + DAY.format(r.availableFrom()) + " 至 " + DAY.format(r.availableTo()) + " 与期望时间 "
        + DAY.format(d.expectedFrom()) + " 至 " + DAY.format(d.expectedTo()) + " 重叠");
    if (r.capacityCount() >= d.beneficiaryCount()) {
      score += CAPACITY;
      reasons.add("可服务 " + r.capacityCount() + " 人，满足受益 " + d.beneficiaryCount() + " 人");
    } else {
      reasons.add("可服务 " + r.capacityCount() + " 人，少于受益 " + d.beneficiaryCount() + " 人，可部分满足");
    }
    return Optional.of(new Match(d, r, score, List.copyOf(reasons)));
  }

  static boolean overlaps(LocalDate aFrom, LocalDate aTo, LocalDate bFrom, LocalDate bTo) {
    return !aTo.isBefore(bFrom) && !bTo.isBefore(aFrom);
  }
}
