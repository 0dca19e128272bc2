package cn.ronghe.property;

import cn.ronghe.career.policy.DecisionTables;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The credit table: points per category of entry and the grade bands with the red/black placement are DMN tables
 * ({@code bpmn/property/}); the base score is a policy value. Score = base + positive points − negative points.
 */
public final class CreditRules {

  public static final String CATEGORY = "property-credit-category";
  public static final String GRADE = "property-credit-grade";

  public record Category(String code, String kind, String label, BigDecimal points, boolean forcesBlack) {
  }

  public record Entry(String kind, BigDecimal points, boolean forcesBlack) {
  }

  public record Result(BigDecimal base, BigDecimal positive, BigDecimal negative, BigDecimal score, String grade,
      String listKind, boolean forcedBlack) {
  }

  private final DecisionTables tables;

  public CreditRules(DecisionTables tables) {
    this.tables = tables;
  }

  /** The category, or null when the table does not have it. */
  public Category category(String code) {
    List<Map<String, Object>> rows = tables.collect(CATEGORY, Map.of("category", code));
    if (rows.isEmpty()) {
      return null;
    }
    Map<String, Object> r = rows.get(0);
    return new Category(code, (String) r.get("kind"), (String) r.get("label"),
        new BigDecimal(r.get("points").toString()).setScale(2), Boolean.TRUE.equals(r.get("forcesBlack")));
  }

  public Result rate(BigDecimal base, List<Entry> entries) {
    BigDecimal positive = BigDecimal.ZERO.setScale(2);
    BigDecimal negative = BigDecimal.ZERO.setScale(2);
    boolean forced = false;
    for (Entry e : entries) {
      if ("POSITIVE".equals(e.kind())) {
        positive = positive.add(e.points());
      } else {
        negative = negative.add(e.points());
        forced |= e.forcesBlack();
      }
    }
    BigDecimal score = base.add(positive).subtract(negative).setScale(2);
    Map<String, Object> g = tables.single(GRADE, Map.of("score", score.doubleValue(), "forcedBlack", forced));
    return new Result(base.setScale(2), positive, negative, score, (String) g.get("grade"), (String) g.get("listKind"),
        forced);
  }

  public String version() {
    return tables.version(CATEGORY) + "; " + tables.version(GRADE);
  }

  public String categoryVersion() {
    return tables.version(CATEGORY);
  }
}
