package cn.ronghe.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The evaluation rules without an engine: the two DMN tables as shipped, the weighted total, scope, schedule. */
class EvaluationRulesTest {

  static DmnEngine dmn;
  static DmnDecision grade;
  static DmnDecision weights;

  @BeforeAll
  static void parseTables() throws IOException {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = new FileInputStream("bpmn/evaluation/evaluation-grade.dmn")) {
      grade = dmn.parseDecision("evaluation-grade", in);
    }
    try (InputStream in = new FileInputStream("bpmn/evaluation/evaluation-weights.dmn")) {
      weights = dmn.parseDecision("evaluation-weights", in);
    }
  }

  static String grade(String direction, Boolean reported, double total) {
    java.util.HashMap<String, Object> vars = new java.util.HashMap<>();
    vars.put("direction", direction);
    vars.put("unitReported", reported);
    vars.put("totalScore", total);
    return dmn.evaluateDecision(grade, vars).getFirstResult().getEntry("grade");
  }

  @ParameterizedTest(name = "{0} reported={1} {2} -> {3}")
  @CsvSource({
      "C2U, true, 100, EXCELLENT", "C2U, true, 90, EXCELLENT", "C2U, true, 89.9, GOOD", "C2U, true, 80, GOOD",
      "C2U, true, 79.9, FAIR", "C2U, true, 60, FAIR", "C2U, true, 59.9, POOR", "C2U, true, 0, POOR",
      "U2C, true, 95, EXCELLENT", "U2C, false, 95, EXCELLENT", "U2C, false, 85, GOOD", "U2C, true, 59, POOR",
      // The rule from practice: a unit that never reported to its community is at most 一般.
      "C2U, false, 100, FAIR", "C2U, false, 80, FAIR", "C2U, false, 79.9, FAIR", "C2U, false, 60, FAIR",
      "C2U, false, 59.9, POOR"})
  void gradeBands(String direction, boolean reported, double total, String expected) {
    assertThat(grade(direction, reported, total)).isEqualTo(expected);
  }

  @Test
  void onlyTheNotReportedRuleMarksAGradeAsCapped() {
    DmnDecisionResult capped = dmn.evaluateDecision(grade, Map.of("direction", "C2U", "unitReported", false,
        "totalScore", 92.0));
    assertThat((Boolean) capped.getFirstResult().getEntry("capped")).isTrue();
    DmnDecisionResult fair = dmn.evaluateDecision(grade, Map.of("direction", "C2U", "unitReported", false,
        "totalScore", 70.0));
    assertThat((Boolean) fair.getFirstResult().getEntry("capped")).isFalse();
  }

  @Test
  void defaultWeightsPerDirection() {
    DmnDecisionResult c2u = dmn.evaluateDecision(weights, Map.of("direction", "C2U"));
    assertThat(c2u.collectEntries("dimension")).containsExactly("participation", "resourcesDelivered",
        "projectsCompleted", "contactFrequency");
    assertThat(c2u.<Integer>collectEntries("weight")).containsExactly(30, 25, 25, 20);
    DmnDecisionResult u2c = dmn.evaluateDecision(weights, Map.of("direction", "U2C"));
    assertThat(u2c.collectEntries("dimension")).containsExactly("demandClarity", "cooperation", "feedback",
        "serviceResults");
    assertThat(u2c.<Integer>collectEntries("weight")).containsExactly(25, 30, 20, 25);
  }

  @Test
  void theTotalIsTheWeightedMeanRoundedHalfUpToOneDecimal() {
    List<WeightedTotal.Weight> w = List.of(new WeightedTotal.Weight("a", "A", 30), new WeightedTotal.Weight("b", "B", 25),
        new WeightedTotal.Weight("c", "C", 25), new WeightedTotal.Weight("d", "D", 20));
    assertThat(WeightedTotal.of(w, Map.of("a", 90, "b", 80, "c", 70, "d", 60))).isEqualByComparingTo("76.5");
    assertThat(WeightedTotal.of(w, Map.of("a", 100, "b", 100, "c", 100, "d", 100))).isEqualByComparingTo("100.0");
    // 81/3 = 27.0; 1/3 rounds down, 2/3 up
    List<WeightedTotal.Weight> thirds = List.of(new WeightedTotal.Weight("a", "A", 1), new WeightedTotal.Weight("b", "B", 2));
    assertThat(WeightedTotal.of(thirds, Map.of("a", 0, "b", 1))).isEqualByComparingTo("0.7");
    assertThat(WeightedTotal.of(thirds, Map.of("a", 1, "b", 0))).isEqualByComparingTo("0.3");
    assertThat(WeightedTotal.of(List.of(new WeightedTotal.Weight("a", "A", 3)), Map.of("a", 85)))
        .isEqualTo(new BigDecimal("85.0"));
  }

  @Test
  void theTotalNeedsEveryScoreAndPositiveWeights() {
    assertThatThrownBy(() -> WeightedTotal.of(List.of(new WeightedTotal.Weight("a", "A", 1)), Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WeightedTotal.of(List.of(new WeightedTotal.Weight("a", "A", 0)), Map.of("a", 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WeightedTotal.of(List.of(), Map.of())).isInstanceOf(IllegalArgumentException.class);
  }

  static final List<String> STREETS = List.of("loudong", "chengxiang", "shaxi");

  @Test
  void aStreetCycleIsRefusedWhenTheStreetWasCoveredThatYear() {
    assertThat(CycleScope.plan(2026, "STREET", "loudong", STREETS, Map.of()).streets()).containsExactly("loudong");
    CycleScope.Plan again = CycleScope.plan(2026, "STREET", "loudong", STREETS, Map.of("loudong", "KP-2026-0001"));
    assertThat(again.refused()).isTrue();
    assertThat(again.refusalZh()).contains("KP-2026-0001");
    assertThat(CycleScope.plan(2026, "STREET", "nowhere", STREETS, Map.of()).refused()).isTrue();
  }

  @Test
  void aCityCycleCoversTheStreetsNotCoveredAndIsRefusedWhenNoneAreLeft() {
    assertThat(CycleScope.plan(2026, "CITY", null, STREETS, Map.of()).streets()).isEqualTo(STREETS);
    assertThat(CycleScope.plan(2026, "CITY", null, STREETS, Map.of("loudong", "KP-2026-0001")).streets())
        .containsExactly("chengxiang", "shaxi");
    CycleScope.Plan all = CycleScope.plan(2026, "CITY", null, STREETS,
        Map.of("loudong", "KP-2026-0001", "chengxiang", "KP-2026-0002", "shaxi", "KP-2026-0002"));
    assertThat(all.refused()).isTrue();
    assertThat(all.refusalZh()).contains("KP-2026-0001、KP-2026-0002");
  }

  @Test
  void theYearlyStartIsTheNextConfiguredDateAndEvaluatesTheRightYear() {
    MonthDay dec1 = MonthDay.of(12, 1);
    assertThat(EvaluationSchedule.nextStart(LocalDateTime.of(2026, 11, 30, 12, 0), dec1))
        .isEqualTo(LocalDateTime.of(2026, 12, 1, 9, 0));
    assertThat(EvaluationSchedule.nextStart(LocalDateTime.of(2026, 12, 1, 9, 0), dec1))
        .isEqualTo(LocalDateTime.of(2027, 12, 1, 9, 0));
    assertThat(EvaluationSchedule.evaluatedYear(LocalDate.of(2026, 12, 1))).isEqualTo(2026);
    assertThat(EvaluationSchedule.evaluatedYear(LocalDate.of(2027, 1, 15))).isEqualTo(2026);
    assertThat(EvaluationSchedule.evaluatedYear(LocalDate.of(2026, 7, 1))).isEqualTo(2026);
  }
}
