package cn.ronghe.evaluation;

import java.util.List;
import java.util.Map;

/**
 * Which streets a new cycle covers. A street is evaluated once a year: a cycle for one street is refused when
 * that street was already covered in the year (by a street or a city cycle); a city cycle covers the streets
 * not yet covered and is refused when there are none left.
 */
public final class CycleScope {

  public static final String CITY = "CITY";
  public static final String STREET = "STREET";

  /** Either the streets to cover or why the cycle is refused. */
  public record Plan(List<String> streets, String refusalZh, String refusalEn) {
    public boolean refused() {
      return refusalZh != null;
    }
  }

  private CycleScope() {
  }

  /**
   * @param activeStreets streets in the registry, in their order
   * @param coveredBy     street code → number of the cycle that already covers it in the year
   */
  public static Plan plan(int year, String scopeType, String street, List<String> activeStreets,
      Map<String, String> coveredBy) {
    if (STREET.equals(scopeType)) {
      if (!activeStreets.contains(street)) {
        return refuse("镇街 " + street + " 不存在", "street " + street + " does not exist");
      }
      if (coveredBy.containsKey(street)) {
        return refuse(year + " 年度该镇街已有考评周期 " + coveredBy.get(street) + "，不能重复开启",
            "a " + year + " cycle for this street already exists: " + coveredBy.get(street));
      }
      return new Plan(List.of(street), null, null);
    }
    List<String> open = activeStreets.stream().filter(s -> !coveredBy.containsKey(s)).toList();
    if (open.isEmpty()) {
      return refuse(year + " 年度全市各镇街均已开展考评（" + String.join("、", coveredBy.values().stream().distinct().sorted()
          .toList()) + "），不能重复开启", "every street already has a " + year + " cycle");
    }
    return new Plan(open, null, null);
  }

  private static Plan refuse(String zh, String en) {
    return new Plan(List.of(), zh, en);
  }
}
