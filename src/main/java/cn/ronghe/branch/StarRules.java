package cn.ronghe.branch;

import cn.ronghe.career.policy.DecisionTables;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of the star rating: the dynamism index (indicators and weights per kind of branch), the star bands
 * and the negative list are DMN tables ({@code bpmn/branch/}); the quota check reads its percentages from the
 * policy table. This class only combines their answers.
 */
public final class StarRules {

  public static final String INDEX = "branch-dynamism-index";
  public static final String BANDS = "branch-star-band";
  public static final String NEGATIVE = "branch-negative-list";

  public record Indicator(int order, String code, String name, BigDecimal weight) {
  }

  /** What one negative-list event does: at most {@code stars} (CAP) or {@code stars} fewer (LOWER). */
  public record Effect(String eventType, String label, String kind, int stars) {
  }

  /** Stars after the negative list, with the explanation shown to the raters. */
  public record Lowered(int stars, String note) {
  }

  private final DecisionTables tables;

  public StarRules(DecisionTables tables) {
    this.tables = tables;
  }

  public List<Indicator> indicators(String branchKind) {
    List<Indicator> list = new ArrayList<>();
    for (Map<String, Object> row : tables.collect(INDEX, Map.of("branchKind", branchKind))) {
      list.add(new Indicator(((Number) row.get("order")).intValue(), (String) row.get("code"),
          (String) row.get("name"), new BigDecimal(row.get("weight").toString())));
    }
    if (list.isEmpty()) {
      throw new IllegalStateException(INDEX + " has no indicator for branch kind " + branchKind);
    }
    list.sort(Comparator.comparingInt(Indicator::order));
    return list;
  }

  /** Weighted total of the scores (0–100 each), on 0–100 whatever the weights add up to; two decimals. */
  public static BigDecimal total(List<Indicator> indicators, Map<String, BigDecimal> scores) {
    BigDecimal weighted = BigDecimal.ZERO;
    BigDecimal weights = BigDecimal.ZERO;
    for (Indicator i : indicators) {
      BigDecimal s = scores.get(i.code());
      if (s == null) {
        throw new IllegalArgumentException("No score for " + i.code());
      }
      weighted = weighted.add(s.multiply(i.weight()));
      weights = weights.add(i.weight());
    }
    return weighted.divide(weights, 2, RoundingMode.HALF_UP);
  }

  public int stars(BigDecimal score) {
    return ((Number) tables.single(BANDS, Map.of("score", score.doubleValue())).get("stars")).intValue();
  }

  /** The event type's effect, or null when it is not on the list. */
  public Effect effect(String eventType) {
    List<Map<String, Object>> rows = tables.collect(NEGATIVE, Map.of("eventType", eventType));
    if (rows.isEmpty()) {
      return null;
    }
    Map<String, Object> r = rows.get(0);
    return new Effect(eventType, (String) r.get("label"), (String) r.get("effect"),
        ((Number) r.get("stars")).intValue());
  }

  /**
   * Applies events to a number of stars: every LOWER first (never below one star), then every CAP. So the
   * order in which events were recorded does not matter.
   */
  public static Lowered lower(int stars, List<Effect> effects) {
    int result = stars;
    List<String> notes = new ArrayList<>();
    for (Effect e : effects) {
      if ("LOWER".equals(e.kind())) {
        result = Math.max(1, result - e.stars());
        notes.add(e.label() + "：降 " + e.stars() + " 星");
      }
    }
    for (Effect e : effects) {
      if ("CAP".equals(e.kind())) {
        result = Math.min(result, e.stars());
        notes.add(e.label() + "：最高 " + e.stars() + " 星");
      }
    }
    return new Lowered(result, String.join("；", notes));
  }

  /** A star level above its quota: how many were given and how many are allowed. */
  public record Breach(int stars, int count, int allowed, int percent) {
    public String describe() {
      return stars + " 星 " + count + " 个，超过限额 " + allowed + " 个（评定总数的 " + percent + "%）";
    }
  }

  /**
   * Quota check: for each star level with a percentage, at most floor(total × percent / 100) branches. Levels
   * without a percentage (one and two stars) are not limited.
   */
  public static List<Breach> breaches(Map<Integer, Integer> countsByStars, int total, Map<Integer, Integer> percents) {
    List<Breach> breaches = new ArrayList<>();
    for (Map.Entry<Integer, Integer> p : new java.util.TreeMap<>(percents).descendingMap().entrySet()) {
      int allowed = allowed(total, p.getValue());
      int count = countsByStars.getOrDefault(p.getKey(), 0);
      if (count > allowed) {
        breaches.add(new Breach(p.getKey(), count, allowed, p.getValue()));
      }
    }
    return breaches;
  }

  public static int allowed(int total, int percent) {
    return total * percent / 100;
  }

  /** "ORGANISATION 组织建设 25" lines of a kind, for hints. */
  public String describeIndex(String branchKind) {
    Map<String, String> parts = new LinkedHashMap<>();
    for (Indicator i : indicators(branchKind)) {
      parts.put(i.code(), i.name() + "（权重 " + i.weight().stripTrailingZeros().toPlainString() + "）");
    }
    return String.join("、", parts.values());
  }

  public String version() {
    return tables.version(INDEX) + "; " + tables.version(BANDS) + "; " + tables.version(NEGATIVE);
  }

  public String negativeVersion() {
    return tables.version(NEGATIVE);
  }
}
