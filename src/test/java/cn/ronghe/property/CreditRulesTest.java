package cn.ronghe.property;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.career.policy.FileDecisionTables;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The credit table at every edge, with the DMN files as shipped (base score 100, A ≥ 110, B ≥ 90, C below). */
class CreditRulesTest {

  final CreditRules rules = new CreditRules(FileDecisionTables.tables("bpmn/property"));
  static final BigDecimal BASE = new BigDecimal("100");

  static CreditRules.Entry pos(String points) {
    return new CreditRules.Entry("POSITIVE", new BigDecimal(points), false);
  }

  static CreditRules.Entry neg(String points) {
    return new CreditRules.Entry("NEGATIVE", new BigDecimal(points), false);
  }

  @Test
  void theScoreIsBasePlusPositiveMinusNegative() {
    CreditRules.Result r = rules.rate(BASE, List.of(pos("10"), pos("5"), neg("2"), neg("8")));
    assertThat(r.positive()).isEqualByComparingTo("15");
    assertThat(r.negative()).isEqualByComparingTo("10");
    assertThat(r.score()).isEqualByComparingTo("105");
    assertThat(r.grade()).isEqualTo("B");
    assertThat(r.listKind()).isEqualTo("NONE");
    assertThat(rules.rate(BASE, List.of()).score()).as("no entries: the base score").isEqualByComparingTo("100");
  }

  @Test
  void gradeBandsAtTheirEdges() {
    assertThat(grade("110")).isEqualTo("A/RED");
    assertThat(grade("109.99")).isEqualTo("B/NONE");
    assertThat(grade("90")).isEqualTo("B/NONE");
    assertThat(grade("89.99")).isEqualTo("C/BLACK");
    assertThat(grade("-20")).isEqualTo("C/BLACK");
    assertThat(grade("180")).isEqualTo("A/RED");
  }

  String grade(String points) {
    BigDecimal delta = new BigDecimal(points).subtract(BASE);
    CreditRules.Result r = rules.rate(BASE, delta.signum() >= 0 ? List.of(pos(delta.toPlainString()))
        : List.of(neg(delta.negate().toPlainString())));
    assertThat(r.score()).isEqualByComparingTo(points);
    return r.grade() + "/" + r.listKind();
  }

  @Test
  void anEntryThatForcesBlackListsTheCompanyWhateverItsScore() {
    CreditRules.Result r = rules.rate(BASE, List.of(pos("10"), pos("10"), pos("10"), pos("10"),
        new CreditRules.Entry("NEGATIVE", new BigDecimal("30"), true)));
    assertThat(r.score()).isEqualByComparingTo("110");
    assertThat(r.forcedBlack()).isTrue();
    assertThat(r.grade()).isEqualTo("C");
    assertThat(r.listKind()).isEqualTo("BLACK");
    assertThat(rules.rate(BASE, List.of(new CreditRules.Entry("POSITIVE", new BigDecimal("5"), true))).forcedBlack())
        .as("only negative entries can force the black list").isFalse();
  }

  @Test
  void categoriesCarryKindPointsAndTheForcedBlackFlag() {
    CreditRules.Category award = rules.category("POS_AWARD");
    assertThat(award.kind()).isEqualTo("POSITIVE");
    assertThat(award.points()).isEqualByComparingTo("10");
    assertThat(award.forcesBlack()).isFalse();
    assertThat(rules.category("NEG_COMPLAINT").points()).isEqualByComparingTo("2");
    assertThat(rules.category("NEG_PENALTY").points()).isEqualByComparingTo("15");
    CreditRules.Category abandon = rules.category("NEG_ABANDON");
    assertThat(abandon.kind()).isEqualTo("NEGATIVE");
    assertThat(abandon.forcesBlack()).isTrue();
    assertThat(rules.category("NOPE")).isNull();
    assertThat(rules.version()).contains("property-credit-category", "property-credit-grade");
  }

  @Test
  void everyCategoryOfTheStartFormIsInTheTable() throws Exception {
    String form = java.nio.file.Files.readString(java.nio.file.Path.of("forms/property/property-entry-start.form"));
    var values = new com.fasterxml.jackson.databind.ObjectMapper().readTree(form).findValues("values");
    int checked = 0;
    for (var list : values) {
      for (var v : list) {
        String code = v.get("value").asText();
        CreditRules.Category c = rules.category(code);
        assertThat(c).as(code).isNotNull();
        assertThat(v.get("label").asText()).as(code).contains(c.label())
            .contains(c.points().stripTrailingZeros().toPlainString());
        checked++;
      }
    }
    assertThat(checked).isEqualTo(11);
  }
}
