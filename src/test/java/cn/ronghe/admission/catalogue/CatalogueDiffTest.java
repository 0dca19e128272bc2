package cn.ronghe.admission.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueDiffTest {

  static final CatalogueDiff.Naming NAMES = new CatalogueDiff.Naming(c -> c.equals("health") ? "市卫健委" : c,
      c -> c.equals("loudong") ? "娄东街道" : c);

  static CatalogueItem item(String code, String name, BigDecimal funding, List<String> streets) {
    return new CatalogueItem(code, name, ListType.ASSISTANCE, "health", null, "内容", Frequency.YEARLY, 10, funding,
        false, false, false, null, LocalDate.of(2026, 1, 1), streets, true);
  }

  @Test
  void addedRemovedAndChangedItemsAreFound() {
    List<CatalogueItem> v1 = List.of(item("XZ-01", "甲", BigDecimal.TEN, List.of()), item("XZ-02", "乙", BigDecimal.ONE,
        List.of()));
    List<CatalogueItem> v2 = List.of(item("XZ-01", "甲", new BigDecimal("20.00"), List.of("loudong")),
        item("XZ-03", "丙", BigDecimal.ONE, List.of()));
    CatalogueDiff d = CatalogueDiff.between(1, v1, 2, v2, NAMES);
    assertThat(d.added()).extracting(CatalogueItem::code).containsExactly("XZ-03");
    assertThat(d.removed()).extracting(CatalogueItem::code).containsExactly("XZ-02");
    assertThat(d.changed()).singleElement().satisfies(c -> {
      assertThat(c.code()).isEqualTo("XZ-01");
      assertThat(c.fields()).extracting(CatalogueDiff.FieldChange::field).containsExactly("funding", "scopeStreets");
      assertThat(c.fields().get(0).oldValue()).isEqualTo("10");
      assertThat(c.fields().get(0).newValue()).isEqualTo("20");
      assertThat(c.fields().get(1).oldValue()).isEqualTo("全部社区");
      assertThat(c.fields().get(1).newValue()).isEqualTo("娄东街道");
    });
    assertThat(d.isEmpty()).isFalse();
  }

  @Test
  void equalAmountsWithDifferentScalesAreNoChange() {
    CatalogueDiff d = CatalogueDiff.between(1, List.of(item("XZ-01", "甲", new BigDecimal("3000"), List.of())), 2,
        List.of(item("XZ-01", "甲", new BigDecimal("3000.00"), List.of())), NAMES);
    assertThat(d.isEmpty()).isTrue();
  }

  @Test
  void fieldsAreShownWithNamesAndYesNo() {
    CatalogueItem a = item("XZ-01", "甲", BigDecimal.ONE, List.of());
    CatalogueItem b = new CatalogueItem("XZ-01", "甲", ListType.BY_LAW, "civil", "《法》", "内容", Frequency.MONTHLY, 10,
        BigDecimal.ONE, true, false, false, null, LocalDate.of(2026, 1, 1), List.of(), true);
    var changes = CatalogueDiff.compare(a, b, NAMES);
    assertThat(changes).extracting(CatalogueDiff.FieldChange::label)
        .containsExactly("清单类型", "责任部门", "法律依据", "频次", "新增挂牌");
    assertThat(changes.get(1).oldValue()).isEqualTo("市卫健委");
    assertThat(changes.get(2).oldValue()).isEmpty();
    assertThat(changes.get(4).newValue()).isEqualTo("是");
  }
}
