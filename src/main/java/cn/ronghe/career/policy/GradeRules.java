package cn.ronghe.career.policy;

import cn.ronghe.career.AssessmentResult;
import cn.ronghe.career.Education;
import cn.ronghe.career.GradeAction;
import cn.ronghe.career.Post;
import cn.ronghe.career.Qualification;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The career ladder's rules. The values (bands, steps, waits, coefficients) are in the DMN tables; this class
 * only gathers the facts the tables read, combines their answers and keeps the grade inside the band.
 *
 * <p>Facts of the annual review, computed from the assessment results:
 * <ul>
 *   <li>qualifying years: the unbroken run of years, back from the review year and not before the year the
 *   current grade took effect, assessed 称职 or 优秀. A 基本称职 or 不称职 year, or a year without a result, ends
 *   the run, so the wait for promotion starts again after it;</li>
 *   <li>excellent years: the 优秀 years in that run (they may shorten the wait);</li>
 *   <li>this year's and last year's result (两年连续不称职 proposes a demotion).</li>
 * </ul>
 */
public final class GradeRules {

  public static final String POST_BAND = "career-post-band";
  public static final String INITIAL_GRADE = "career-initial-grade";
  public static final String PROMOTION_WAIT = "career-promotion-wait";
  public static final String PROMOTION = "career-promotion";
  public static final String DEMOTION = "career-demotion";
  public static final String POST_CHANGE = "career-post-change";
  public static final String PAY_COEFFICIENT = "career-pay-coefficient";

  private final DecisionTables tables;

  public GradeRules(DecisionTables tables) {
    this.tables = tables;
  }

  public Band band(Post post) {
    Map<String, Object> r = tables.single(POST_BAND, Map.of("post", post.name()));
    return new Band(post, integer(r, "minGrade"), integer(r, "maxGrade"), integer(r, "initialMaxGrade"),
        tables.version(POST_BAND));
  }

  /** Initial grade: the band's lowest grade plus the steps of each factor, at most the band's initial maximum. */
  public InitialGrade initialGrade(Post post, Education education, Qualification qualification, int serviceYears) {
    Band band = band(post);
    List<String> lines = new ArrayList<>();
    lines.add(band.describe() + "，新聘起点 " + band.minGrade() + " 级，初定不高于 " + band.initialMaxGrade() + " 级");
    int steps = 0;
    for (Map<String, Object> row : tables.collect(INITIAL_GRADE, Map.of("education", education.name(),
        "serviceYears", Math.max(serviceYears, 0), "qualification", qualification.name()))) {
      steps += integer(row, "steps");
      lines.add(String.valueOf(row.get("note")));
    }
    int uncapped = band.minGrade() + steps;
    int grade = Math.min(uncapped, Math.min(band.initialMaxGrade(), band.maxGrade()));
    lines.add("合计加 " + steps + " 级" + (grade < uncapped ? "，按初定上限" : "") + "，初始等级 " + grade + " 级");
    return new InitialGrade(grade, lines, versions(POST_BAND, INITIAL_GRADE));
  }

  /**
   * The proposal for one worker in the review of {@code reviewYear}.
   *
   * @param results assessment results by year; must hold the review year
   */
  public Proposal propose(Post post, int grade, LocalDate gradeSince, int reviewYear,
      Map<Integer, AssessmentResult> results) {
    AssessmentResult current = results.get(reviewYear);
    if (current == null) {
      throw new IllegalArgumentException("No assessment result for " + reviewYear);
    }
    AssessmentResult previous = results.get(reviewYear - 1);
    int qualifying = 0;
    int excellent = 0;
    for (int y = reviewYear; y >= gradeSince.getYear(); y--) {
      AssessmentResult r = results.get(y);
      if (r == null || !r.qualifies()) {
        break;
      }
      qualifying++;
      if (r == AssessmentResult.EXCELLENT) {
        excellent++;
      }
    }
    Band band = band(post);
    String facts = "（本年度" + current.label() + "，上年度" + (previous == null ? "无考核结果" : previous.label())
        + "；任现级以来连续称职及以上 " + qualifying + " 年，其中优秀 " + excellent + " 年；" + band.describe() + "）";

    Map<String, Object> demotion = tables.single(DEMOTION, Map.of("currentResult", current.name(),
        "previousResult", previous == null ? "NONE" : previous.name(), "grade", grade, "minGrade", band.minGrade()));
    if (Boolean.TRUE.equals(demotion.get("demote"))) {
      return new Proposal(GradeAction.DEMOTE, grade, Math.max(grade - 1, band.minGrade()),
          demotion.get("reason") + facts, versions(POST_BAND, DEMOTION));
    }
    String floorNote = String.valueOf(demotion.get("reason"));
    Map<String, Object> wait = tables.single(PROMOTION_WAIT, Map.of("grade", grade, "excellentYears", excellent));
    int required = integer(wait, "requiredYears");
    Map<String, Object> promotion = tables.single(PROMOTION, Map.of("currentResult", current.name(),
        "qualifyingYears", qualifying, "requiredYears", required, "grade", grade, "maxGrade", band.maxGrade()));
    String versions = versions(POST_BAND, DEMOTION, PROMOTION_WAIT, PROMOTION);
    String reason = promotion.get("reason") + (floorNote.isBlank() ? "" : "；" + floorNote) + "；需满 " + required
        + " 年" + facts;
    if (Boolean.TRUE.equals(promotion.get("promote"))) {
      return new Proposal(GradeAction.PROMOTE, grade, Math.min(grade + 1, band.maxGrade()), reason, versions);
    }
    return new Proposal(GradeAction.HOLD, grade, grade, reason, versions);
  }

  /** The grade in the new post: the mapping table's answer, kept inside the new band. */
  public PostMapping mapPost(int currentGrade, Post newPost) {
    Band band = band(newPost);
    Map<String, Object> r = tables.single(POST_CHANGE, Map.of("currentGrade", currentGrade,
        "newMinGrade", band.minGrade(), "newMaxGrade", band.maxGrade()));
    int mapped = Math.max(band.minGrade(), Math.min(band.maxGrade(), integer(r, "newGrade")));
    return new PostMapping(band, mapped, r.get("reason") + "（" + band.describe() + "，现 " + currentGrade + " 级 → "
        + mapped + " 级）", versions(POST_BAND, POST_CHANGE));
  }

  public BigDecimal payCoefficient(int grade) {
    Object c = tables.single(PAY_COEFFICIENT, Map.of("grade", grade)).get("coefficient");
    return new BigDecimal(String.valueOf(c)).setScale(2, RoundingMode.HALF_UP);
  }

  public String payVersion() {
    return tables.version(PAY_COEFFICIENT);
  }

  private String versions(String... keys) {
    Set<String> v = new LinkedHashSet<>();
    for (String k : keys) {
      v.add(tables.version(k));
    }
    return String.join("; ", v);
  }

  private static int integer(Map<String, Object> row, String name) {
    Object v = row.get(name);
    if (!(v instanceof Number n)) {
      throw new IllegalStateException("Decision output " + name + " is not a number: " + v);
    }
    return n.intValue();
  }
}
