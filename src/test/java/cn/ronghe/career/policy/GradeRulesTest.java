package cn.ronghe.career.policy;

import static cn.ronghe.career.AssessmentResult.BASIC;
import static cn.ronghe.career.AssessmentResult.COMPETENT;
import static cn.ronghe.career.AssessmentResult.EXCELLENT;
import static cn.ronghe.career.AssessmentResult.INCOMPETENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ronghe.career.AssessmentResult;
import cn.ronghe.career.Education;
import cn.ronghe.career.GradeAction;
import cn.ronghe.career.Post;
import cn.ronghe.career.Qualification;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The default policy of the DMN tables in bpmn/career/, edge by edge. */
class GradeRulesTest {

  static final GradeRules RULES = FileDecisionTables.rules();
  static final int YEAR = 2025;
  static final LocalDate LONG_AGO = LocalDate.of(2015, 3, 1);

  @ParameterizedTest
  @CsvSource({"PRINCIPAL,7,18,12", "DEPUTY,4,15,9", "OTHER,1,12,6"})
  void postBands(Post post, int min, int max, int initialMax) {
    Band band = RULES.band(post);
    assertThat(band.minGrade()).isEqualTo(min);
    assertThat(band.maxGrade()).isEqualTo(max);
    assertThat(band.initialMaxGrade()).isEqualTo(initialMax);
    assertThat(band.contains(min)).isTrue();
    assertThat(band.contains(min - 1)).isFalse();
    assertThat(band.contains(max)).isTrue();
    assertThat(band.contains(max + 1)).isFalse();
  }

  // ---- initial grade ----

  @Test
  void aPrincipalStartsAtSeven() {
    InitialGrade g = RULES.initialGrade(Post.PRINCIPAL, Education.HIGH_SCHOOL, Qualification.NONE, 0);
    assertThat(g.grade()).isEqualTo(7);
    assertThat(g.explanationText()).contains("社区正职 7–18 级", "初始等级 7 级");
    assertThat(g.ruleVersion()).contains("career-post-band", "career-initial-grade");
  }

  @ParameterizedTest
  @CsvSource({"HIGH_SCHOOL,1", "JUNIOR_COLLEGE,2", "BACHELOR,3", "MASTER,4"})
  void educationAddsSteps(Education education, int expected) {
    assertThat(RULES.initialGrade(Post.OTHER, education, Qualification.NONE, 0).grade()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"0,1", "2,1", "3,2", "5,2", "6,3", "9,3", "10,4", "14,4", "15,5", "40,5", "-1,1"})
  void yearsOfRelevantServiceAddSteps(int years, int expected) {
    assertThat(RULES.initialGrade(Post.OTHER, Education.HIGH_SCHOOL, Qualification.NONE, years).grade())
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"NONE,4", "ASSISTANT,5", "SOCIAL_WORKER,6", "SENIOR,7"})
  void qualificationAddsSteps(Qualification q, int expected) {
    assertThat(RULES.initialGrade(Post.DEPUTY, Education.HIGH_SCHOOL, q, 0).grade()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"OTHER,6", "DEPUTY,9", "PRINCIPAL,12"})
  void theInitialGradeIsCappedPerPost(Post post, int cap) {
    InitialGrade g = RULES.initialGrade(post, Education.MASTER, Qualification.SENIOR, 20);
    assertThat(g.grade()).isEqualTo(cap);
    assertThat(g.explanationText()).contains("按初定上限");
  }

  @Test
  void theExplanationNamesEveryFactor() {
    InitialGrade g = RULES.initialGrade(Post.OTHER, Education.BACHELOR, Qualification.ASSISTANT, 4);
    assertThat(g.grade()).isEqualTo(1 + 2 + 1 + 1);
    assertThat(g.explanation()).hasSize(5);
    assertThat(g.explanationText()).contains("本科学历，加 2 级", "相关工作满 3 年，加 1 级", "助理社会工作师，加 1 级",
        "合计加 4 级");
  }

  // ---- promotion, waits and band ceilings ----

  @Test
  void otherWorkersAtGradeTwelveCannotRise() {
    Proposal p = propose(Post.OTHER, 12, results(EXCELLENT, EXCELLENT, EXCELLENT));
    assertThat(p.action()).isEqualTo(GradeAction.HOLD);
    assertThat(p.newGrade()).isEqualTo(12);
    assertThat(p.reason()).contains("已达岗位最高等级");
    assertThat(propose(Post.OTHER, 11, results(COMPETENT, COMPETENT, COMPETENT)).newGrade()).isEqualTo(12);
  }

  @ParameterizedTest
  @CsvSource({"PRINCIPAL,18", "DEPUTY,15", "OTHER,12"})
  void noPostRisesAboveItsBand(Post post, int max) {
    assertThat(propose(post, max, results(EXCELLENT, EXCELLENT, EXCELLENT, EXCELLENT)).action())
        .isEqualTo(GradeAction.HOLD);
    assertThat(propose(post, max - 1, results(COMPETENT, COMPETENT, COMPETENT, COMPETENT)).newGrade())
        .isEqualTo(max);
  }

  @Test
  void gradesUpToNineWaitTwoYears() {
    assertThat(propose(Post.OTHER, 9, results(BASIC, COMPETENT)).action()).isEqualTo(GradeAction.HOLD);
    Proposal p = propose(Post.OTHER, 9, results(BASIC, COMPETENT, COMPETENT));
    assertThat(p.action()).isEqualTo(GradeAction.PROMOTE);
    assertThat(p.newGrade()).isEqualTo(10);
    assertThat(p.reason()).contains("需满 2 年");
  }

  @Test
  void gradesFromTenWaitThreeYears() {
    assertThat(propose(Post.OTHER, 10, results(BASIC, COMPETENT, COMPETENT)).action()).isEqualTo(GradeAction.HOLD);
    assertThat(propose(Post.OTHER, 10, results(BASIC, COMPETENT, COMPETENT, COMPETENT)).action())
        .isEqualTo(GradeAction.PROMOTE);
  }

  @Test
  void anExcellentYearShortensTheWait() {
    assertThat(propose(Post.OTHER, 9, results(BASIC, EXCELLENT)).action()).isEqualTo(GradeAction.PROMOTE);
    assertThat(propose(Post.OTHER, 10, results(BASIC, EXCELLENT, COMPETENT)).action()).isEqualTo(GradeAction.PROMOTE);
    assertThat(propose(Post.OTHER, 10, results(BASIC, COMPETENT, EXCELLENT)).reason()).contains("需满 2 年");
  }

  @Test
  void theWaitCountsOnlyYearsInTheCurrentGrade() {
    Map<Integer, AssessmentResult> r = results(EXCELLENT, EXCELLENT, COMPETENT);
    Proposal p = RULES.propose(Post.OTHER, 5, LocalDate.of(YEAR, 3, 1), YEAR, r);
    assertThat(p.action()).isEqualTo(GradeAction.HOLD);
    assertThat(p.reason()).contains("连续称职及以上 1 年");
    assertThat(RULES.propose(Post.OTHER, 5, LocalDate.of(YEAR - 1, 3, 1), YEAR, r).action())
        .isEqualTo(GradeAction.PROMOTE);
  }

  @Test
  void aYearWithoutResultOrBelowCompetentRestartsTheWait() {
    Map<Integer, AssessmentResult> gap = new HashMap<>(results(COMPETENT, COMPETENT));
    gap.remove(YEAR - 1);
    gap.put(YEAR - 2, COMPETENT);
    assertThat(propose(Post.OTHER, 5, gap).action()).isEqualTo(GradeAction.HOLD);
    assertThat(propose(Post.OTHER, 5, results(COMPETENT, INCOMPETENT, COMPETENT)).action())
        .isEqualTo(GradeAction.HOLD);
  }

  @Test
  void theCurrentYearsResultMustBeRecorded() {
    assertThatThrownBy(() -> RULES.propose(Post.OTHER, 5, LONG_AGO, YEAR, Map.of(YEAR - 1, COMPETENT)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- demotion ----

  @Test
  void twoYearsIncompetentInARowProposeOneGradeDown() {
    Proposal p = propose(Post.OTHER, 5, results(COMPETENT, INCOMPETENT, INCOMPETENT));
    assertThat(p.action()).isEqualTo(GradeAction.DEMOTE);
    assertThat(p.newGrade()).isEqualTo(4);
    assertThat(p.reason()).contains("连续两年考核不称职，降低一级");
    assertThat(p.ruleVersion()).contains("career-demotion");
  }

  @ParameterizedTest
  @CsvSource({"OTHER,1", "DEPUTY,4", "PRINCIPAL,7"})
  void demotionStopsAtTheBandFloor(Post post, int min) {
    Proposal p = propose(post, min, results(INCOMPETENT, INCOMPETENT));
    assertThat(p.action()).isEqualTo(GradeAction.HOLD);
    assertThat(p.newGrade()).isEqualTo(min);
    assertThat(p.reason()).contains("已在岗位最低等级，不再降级");
    assertThat(propose(post, min + 1, results(INCOMPETENT, INCOMPETENT)).newGrade()).isEqualTo(min);
  }

  @Test
  void oneIncompetentYearOnlyBlocks() {
    Proposal p = propose(Post.OTHER, 5, results(COMPETENT, COMPETENT, INCOMPETENT));
    assertThat(p.action()).isEqualTo(GradeAction.HOLD);
    assertThat(p.reason()).contains("本年度考核不称职，不晋升");
    assertThat(propose(Post.OTHER, 5, results(BASIC, INCOMPETENT)).action()).isEqualTo(GradeAction.HOLD);
  }

  /** Every pair of this year's and last year's result (or none), for a worker long in grade 5 with 称职 before. */
  @ParameterizedTest(name = "{0} after {1} → {2}")
  @MethodSource("patterns")
  void everyAssessmentPattern(AssessmentResult current, AssessmentResult previous, GradeAction expected) {
    Map<Integer, AssessmentResult> r = new HashMap<>();
    for (int y = YEAR - 6; y <= YEAR - 2; y++) {
      r.put(y, COMPETENT);
    }
    if (previous != null) {
      r.put(YEAR - 1, previous);
    }
    r.put(YEAR, current);
    Proposal p = propose(Post.OTHER, 5, r);
    assertThat(p.action()).isEqualTo(expected);
    assertThat(p.newGrade()).isEqualTo(switch (expected) {
      case PROMOTE -> 6;
      case HOLD -> 5;
      case DEMOTE -> 4;
    });
    assertThat(p.reason()).isNotBlank();
  }

  static Stream<Arguments> patterns() {
    AssessmentResult[] previous = {EXCELLENT, COMPETENT, BASIC, INCOMPETENT, null};
    Stream.Builder<Arguments> s = Stream.builder();
    for (AssessmentResult prev : previous) {
      boolean prevQualifies = prev != null && prev.qualifies();
      s.add(Arguments.of(EXCELLENT, prev, GradeAction.PROMOTE));
      s.add(Arguments.of(COMPETENT, prev, prevQualifies ? GradeAction.PROMOTE : GradeAction.HOLD));
      s.add(Arguments.of(BASIC, prev, GradeAction.HOLD));
      s.add(Arguments.of(INCOMPETENT, prev, prev == INCOMPETENT ? GradeAction.DEMOTE : GradeAction.HOLD));
    }
    return s.build();
  }

  // ---- post change ----

  @ParameterizedTest
  @CsvSource({
      "3,DEPUTY,4", "4,DEPUTY,4", "10,DEPUTY,10", "15,DEPUTY,15",
      "5,PRINCIPAL,7", "6,PRINCIPAL,7", "7,PRINCIPAL,7", "12,PRINCIPAL,12",
      "15,OTHER,12", "13,OTHER,12", "12,OTHER,12", "9,OTHER,9", "1,OTHER,1",
      "18,DEPUTY,15", "16,DEPUTY,15", "8,DEPUTY,8"})
  void postChangeMapsIntoTheNewBand(int current, Post newPost, int expected) {
    PostMapping m = RULES.mapPost(current, newPost);
    assertThat(m.newGrade()).isEqualTo(expected);
    assertThat(m.band().contains(m.newGrade())).isTrue();
    assertThat(m.ruleVersion()).contains("career-post-change");
    assertThat(m.reason()).contains(current + " 级 → " + expected + " 级");
  }

  // ---- pay ----

  @Test
  void payCoefficientsRiseWithEveryGrade() {
    assertThat(RULES.payCoefficient(1)).isEqualByComparingTo("1.00");
    assertThat(RULES.payCoefficient(7)).isEqualByComparingTo("1.35");
    assertThat(RULES.payCoefficient(18)).isEqualByComparingTo("2.30");
    BigDecimal previous = BigDecimal.ZERO;
    for (int g = 1; g <= 18; g++) {
      BigDecimal c = RULES.payCoefficient(g);
      assertThat(c).isGreaterThan(previous);
      previous = c;
    }
    assertThatThrownBy(() -> RULES.payCoefficient(19)).isInstanceOf(IllegalStateException.class);
  }

  /** Results for the last years, oldest first, ending with the review year. */
  static Map<Integer, AssessmentResult> results(AssessmentResult... oldestFirst) {
    Map<Integer, AssessmentResult> r = new HashMap<>();
    for (int i = 0; i < oldestFirst.length; i++) {
      r.put(YEAR - oldestFirst.length + 1 + i, oldestFirst[i]);
    }
    return r;
  }

  static Proposal propose(Post post, int grade, Map<Integer, AssessmentResult> results) {
    return RULES.propose(post, grade, LONG_AGO, YEAR, results);
  }
}
