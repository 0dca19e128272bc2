package cn.ronghe.cobuilding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every edge of the matching rule. */
class MatchingTest {

  static final LocalDate JAN = LocalDate.of(2026, 1, 1);

  static DemandItem demand(String category, LocalDate from, LocalDate to, int beneficiaries) {
    return new DemandItem(1, "XQ-2026-0001", "dongcang", "东仓社区", "loudong", "娄东街道", category, "为老服务",
        "助餐", "独居老人助餐", "独居老人", beneficiaries, from, to, "王芳", ItemStatus.Demand.OPEN,
        LocalDateTime.of(2026, 1, 5, 9, 0), "dongcang");
  }

  static ResourceItem resource(String category, ServiceScope scope, LocalDate from, LocalDate to, int capacity) {
    return new ResourceItem(2, "ZY-2026-0001", "u109", "中国农业银行太仓分行", category, "为老服务", "志愿送餐",
        "党员志愿者送餐", "每周两次", capacity, from, to, scope, "张伟", ItemStatus.Resource.OPEN,
        LocalDateTime.of(2026, 1, 6, 9, 0), "nonghang");
  }

  static final Matching.Reach PAIRED_WITH_DONGCANG = new Matching.Reach(Set.of("dongcang"), Set.of("loudong"));
  static final Matching.Reach PAIRED_IN_LOUDONG = new Matching.Reach(Set.of("nanyuan"), Set.of("loudong"));
  static final Matching.Reach PAIRED_ELSEWHERE = new Matching.Reach(Set.of("taiping"), Set.of("chengxiang"));

  @Test
  void aPairedUnitWithEnoughCapacityInTheRightPeriodScoresFull() {
    var m = Matching.evaluate(demand("ELDERLY", JAN, JAN.plusMonths(6), 50),
        resource("ELDERLY", ServiceScope.PAIRED, JAN, JAN.plusYears(1), 60), PAIRED_WITH_DONGCANG).orElseThrow();
    assertThat(m.score()).isEqualTo(100);
    assertThat(m.explanation()).isEqualTo("类别一致（为老服务）；中国农业银行太仓分行与东仓社区结对；服务期 2026-01-01 至 2027-01-01 "
        + "与期望时间 2026-01-01 至 2026-07-01 重叠；可服务 60 人，满足受益 50 人");
  }

  @Test
  void anotherCategoryNeverMatches() {
    assertThat(Matching.evaluate(demand("ELDERLY", JAN, JAN.plusMonths(6), 50),
        resource("FINANCE", ServiceScope.CITY, JAN, JAN.plusYears(1), 60), PAIRED_WITH_DONGCANG)).isEmpty();
  }

  @Test
  void reachFollowsTheServiceScope() {
    DemandItem d = demand("ELDERLY", JAN, JAN.plusMonths(6), 50);
    assertThat(Matching.evaluate(d, resource("ELDERLY", ServiceScope.STREET, JAN, JAN.plusYears(1), 60),
        PAIRED_IN_LOUDONG).orElseThrow().score()).isEqualTo(80);
    assertThat(Matching.evaluate(d, resource("ELDERLY", ServiceScope.PAIRED, JAN, JAN.plusYears(1), 60),
        PAIRED_IN_LOUDONG)).isEmpty();
    var city = Matching.evaluate(d, resource("ELDERLY", ServiceScope.CITY, JAN, JAN.plusYears(1), 60),
        PAIRED_ELSEWHERE).orElseThrow();
    assertThat(city.score()).isEqualTo(60);
    assertThat(city.reasons()).contains("该资源面向全市社区");
    assertThat(Matching.evaluate(d, resource("ELDERLY", ServiceScope.STREET, JAN, JAN.plusYears(1), 60),
        PAIRED_ELSEWHERE)).isEmpty();
  }

  @Test
  void periodsMustOverlapEvenOnASingleDay() {
    DemandItem d = demand("ELDERLY", JAN, JAN.plusMonths(1), 10);
    assertThat(Matching.evaluate(d, resource("ELDERLY", ServiceScope.PAIRED, JAN.plusMonths(1), JAN.plusMonths(2), 60),
        PAIRED_WITH_DONGCANG)).isPresent();
    assertThat(Matching.evaluate(d, resource("ELDERLY", ServiceScope.PAIRED, JAN.plusMonths(1).plusDays(1),
        JAN.plusMonths(2), 60), PAIRED_WITH_DONGCANG)).isEmpty();
    assertThat(Matching.evaluate(d, resource("ELDERLY", ServiceScope.PAIRED, JAN.minusYears(1), JAN.minusDays(1), 60),
        PAIRED_WITH_DONGCANG)).isEmpty();
  }

  @Test
  void lessCapacityStillMatchesButScoresLessAndSaysSo() {
    var m = Matching.evaluate(demand("ELDERLY", JAN, JAN.plusMonths(6), 80),
        resource("ELDERLY", ServiceScope.PAIRED, JAN, JAN.plusYears(1), 60), PAIRED_WITH_DONGCANG).orElseThrow();
    assertThat(m.score()).isEqualTo(90);
    assertThat(m.reasons()).last().asString().contains("少于受益 80 人，可部分满足");
  }

  @Test
  void csvCellsAreQuotedAndFormulasDefused() {
    assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Csv.cell("=SUM(A1)")).isEqualTo("'=SUM(A1)");
    assertThat(Csv.cell(-5)).isEqualTo("-5");
    assertThat(Csv.cell(null)).isEmpty();
    assertThat(new Csv(java.util.List.of("编号")).row("x").toString()).isEqualTo("\uFEFF编号\r\nx\r\n");
  }
}
