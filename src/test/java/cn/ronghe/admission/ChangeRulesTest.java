package cn.ronghe.admission;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.admission.ChangeRules.Proposed;
import cn.ronghe.admission.catalogue.CatalogueItem;
import cn.ronghe.admission.catalogue.Frequency;
import cn.ronghe.admission.catalogue.ListType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeRulesTest {

  static final CatalogueItem ITEM = new CatalogueItem("XZ-12", "协助组织老年人健康体检", ListType.ASSISTANCE, "health",
      "《国家基本公共卫生服务规范》", "通知老年人参加体检", Frequency.YEARLY, 24, new BigDecimal("2000.00"), false, false,
      false, null, LocalDate.of(2026, 1, 1), List.of(), true);
  static final CatalogueItem OTHER = new CatalogueItem("XZ-13", "协助适龄儿童疫苗接种通知", ListType.ASSISTANCE, "health",
      null, "通知", Frequency.MONTHLY, 24, BigDecimal.TEN, false, false, false, null, LocalDate.of(2026, 1, 1),
      List.of(), true);

  static CatalogueItem change(Proposed p) {
    return ChangeRules.apply(ITEM, p);
  }

  static List<String> problems(Proposed p) {
    return ChangeRules.problems(ITEM, change(p), List.of(ITEM, OTHER),
        List.of(new ApplicationChecks.Banned("招商引资", "经济发展", "不再承担")), ApplicationChecksTest.POLICY);
  }

  @Test
  void onlyGivenFieldsChange() {
    CatalogueItem c = change(new Proposed(null, null, null, null, 30, null));
    assertThat(c.workloadHours()).isEqualTo(30);
    assertThat(c.name()).isEqualTo(ITEM.name());
    assertThat(c.funding()).isEqualByComparingTo("2000");
  }

  @Test
  void lighteningChangesDoNotAddBurden() {
    assertThat(ChangeRules.addsBurden(ITEM, change(new Proposed(null, null, null, null, 20, null)))).isFalse();
    assertThat(ChangeRules.addsBurden(ITEM, change(new Proposed(null, null, null, null, null, new BigDecimal("2500")))))
        .isFalse();
    assertThat(ChangeRules.addsBurden(ITEM, change(new Proposed(null, null, null, Frequency.MULTI_YEAR, null, null))))
        .isFalse();
    assertThat(ChangeRules.addsBurden(ITEM, change(new Proposed(null, null, "《新依据》", null, null, null)))).isFalse();
    assertThat(ChangeRules.addsBurden(ITEM, change(new Proposed(null, null, null, Frequency.YEARLY, 24,
        new BigDecimal("2000"))))).isFalse();
  }

  @Test
  void anythingThatMayAddWorkAddsBurden() {
    assertThat(ChangeRules.addsBurden(ITEM, change(new Proposed(null, null, null, null, 25, null)))).isTrue();
    assertThat(ChangeRules.addsBurden(ITEM, change(new Proposed(null, null, null, null, null, new BigDecimal("1999.99")))))
        .isTrue();
    assertThat(ChangeRules.addsBurden(ITEM, change(new Proposed(null, null, null, Frequency.QUARTERLY, null, null))))
        .isTrue();
    assertThat(ChangeRules.addsBurden(ITEM, change(new Proposed(null, "通知并陪同老年人体检", null, null, null, null))))
        .isTrue();
    assertThat(ChangeRules.addsBurden(ITEM, change(new Proposed("协助组织高龄老人健康体检", null, null, null, null, null))))
        .isTrue();
  }

  @Test
  void aChangeMustChangeSomethingAndStayOutOfBannedCategoriesAndDuplicates() {
    assertThat(problems(new Proposed(null, null, null, Frequency.YEARLY, 24, null))).singleElement()
        .asString().contains("未提出任何变更");
    assertThat(problems(new Proposed(null, "配合招商引资走访企业", null, null, null, null))).singleElement()
        .asString().contains("招商引资");
    assertThat(problems(new Proposed("协助开展适龄儿童疫苗接种通知", null, null, null, null, null))).singleElement()
        .asString().contains("XZ-13");
    assertThat(problems(new Proposed("协助组织高龄老人健康体检", null, null, null, 30, null))).isEmpty();
  }

  @Test
  void aByLawItemKeepsItsLegalBasis() {
    CatalogueItem byLaw = new CatalogueItem("YF-01", "组织召开居民会议", ListType.BY_LAW, "civil", null, "召集会议",
        Frequency.HALF_YEARLY, 40, BigDecimal.ZERO, false, true, false, null, LocalDate.of(2026, 1, 1), List.of(), true);
    CatalogueItem changed = ChangeRules.apply(byLaw, new Proposed(null, null, null, null, 30, null));
    assertThat(ChangeRules.problems(byLaw, changed, List.of(byLaw), List.of(), ApplicationChecksTest.POLICY))
        .singleElement().asString().contains("法律依据");
  }
}
