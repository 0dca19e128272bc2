package cn.ronghe.branch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.career.policy.FileDecisionTables;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The star-rating rules at every edge, with the DMN files as shipped. */
class StarRulesTest {

  final StarRules rules = new StarRules(FileDecisionTables.tables("bpmn/branch"));

  @Test
  void bothKindsOfBranchHaveFiveIndicatorsWhoseWeightsMakeOneHundred() {
    for (String kind : List.of(PartyBranch.REGULAR, PartyBranch.ACTION)) {
      List<StarRules.Indicator> index = rules.indicators(kind);
      assertThat(index).extracting(StarRules.Indicator::code)
          .containsExactly("ORGANISATION", "EDUCATION", "SERVICE", "CENTRAL_TASK", "INNOVATION");
      assertThat(index.stream().map(StarRules.Indicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add))
          .isEqualByComparingTo("100");
    }
    assertThat(rules.indicators(PartyBranch.ACTION).get(3).weight()).as("action branches weigh their central task")
        .isEqualByComparingTo("30");
    assertThat(rules.indicators(PartyBranch.REGULAR).get(3).weight()).isEqualByComparingTo("10");
  }

  @Test
  void theTotalIsTheWeightedMeanRoundedToTwoDecimals() {
    List<StarRules.Indicator> index = rules.indicators(PartyBranch.ACTION);
    Map<String, BigDecimal> scores = Map.of("ORGANISATION", bd("90"), "EDUCATION", bd("80"), "SERVICE", bd("85"),
        "CENTRAL_TASK", bd("95"), "INNOVATION", bd("70"));
    // 90×20 + 80×15 + 85×20 + 95×30 + 70×15 = 8600 → 86.00
    assertThat(StarRules.total(index, scores)).isEqualByComparingTo("86.00");
    Map<String, BigDecimal> thirds = Map.of("ORGANISATION", bd("100"), "EDUCATION", bd("0"), "SERVICE", bd("0"),
        "CENTRAL_TASK", bd("0"), "INNOVATION", bd("0"));
    assertThat(StarRules.total(rules.indicators(PartyBranch.REGULAR), thirds)).isEqualByComparingTo("25.00");
  }

  @Test
  void starBandsAtEveryEdge() {
    assertThat(rules.stars(bd("100"))).isEqualTo(5);
    assertThat(rules.stars(bd("90"))).isEqualTo(5);
    assertThat(rules.stars(bd("89.99"))).isEqualTo(4);
    assertThat(rules.stars(bd("80"))).isEqualTo(4);
    assertThat(rules.stars(bd("79.99"))).isEqualTo(3);
    assertThat(rules.stars(bd("70"))).isEqualTo(3);
    assertThat(rules.stars(bd("69.99"))).isEqualTo(2);
    assertThat(rules.stars(bd("60"))).isEqualTo(2);
    assertThat(rules.stars(bd("59.99"))).isEqualTo(1);
    assertThat(rules.stars(bd("0"))).isEqualTo(1);
  }

  @Test
  void theNegativeListCapsAndLowersNeverBelowOneStar() {
    StarRules.Effect serious = rules.effect("SERIOUS_VIOLATION");
    StarRules.Effect incident = rules.effect("MAJOR_INCIDENT");
    StarRules.Effect noLife = rules.effect("NO_ORGANISATION_LIFE");
    StarRules.Effect member = rules.effect("MEMBER_DISCIPLINED");
    assertThat(rules.effect("PUBLIC_CRITICISM").kind()).isEqualTo("LOWER");
    assertThat(rules.effect("UNKNOWN")).isNull();
    assertThat(StarRules.lower(5, List.of(serious)).stars()).isEqualTo(1);
    assertThat(StarRules.lower(5, List.of(incident)).stars()).isEqualTo(2);
    assertThat(StarRules.lower(1, List.of(incident)).stars()).as("a cap never raises").isEqualTo(1);
    assertThat(StarRules.lower(5, List.of(noLife)).stars()).isEqualTo(3);
    assertThat(StarRules.lower(2, List.of(noLife)).stars()).isEqualTo(1);
    assertThat(StarRules.lower(1, List.of(member)).stars()).isEqualTo(1);
    assertThat(StarRules.lower(4, List.of(member, member)).stars()).isEqualTo(2);
    assertThat(StarRules.lower(5, List.of(incident, member)).stars()).as("lower first, then cap").isEqualTo(2);
    assertThat(StarRules.lower(3, List.of(member, incident)).stars()).isEqualTo(2);
    assertThat(StarRules.lower(4, List.of()).stars()).isEqualTo(4);
    assertThat(StarRules.lower(4, List.of(member)).note()).contains("降 1 星");
  }

  @Test
  void quotasAreFloorsOfTheSharesAndOnlyLimitTheirLevels() {
    Map<Integer, Integer> percents = Map.of(5, 10, 4, 40, 3, 30);
    assertThat(StarRules.allowed(132, 10)).isEqualTo(13);
    assertThat(StarRules.allowed(10, 10)).isEqualTo(1);
    assertThat(StarRules.allowed(9, 10)).isZero();
    assertThat(StarRules.breaches(Map.of(5, 13, 4, 52, 3, 39, 2, 28), 132, percents)).isEmpty();
    List<StarRules.Breach> over = StarRules.breaches(Map.of(5, 14, 4, 53, 3, 40), 132, percents);
    assertThat(over).extracting(StarRules.Breach::stars).containsExactly(5, 4, 3);
    assertThat(over.get(0).allowed()).isEqualTo(13);
    assertThat(over.get(0).describe()).contains("5 星 14 个", "限额 13 个");
    assertThat(StarRules.breaches(Map.of(1, 100, 2, 100), 200, percents)).as("one and two stars are not limited")
        .isEmpty();
    assertThat(StarRules.breaches(Map.of(5, 1), 9, percents)).hasSize(1);
  }

  private static BigDecimal bd(String v) {
    return new BigDecimal(v);
  }
}
