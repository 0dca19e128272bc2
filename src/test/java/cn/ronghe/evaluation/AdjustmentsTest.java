package cn.ronghe.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.platform.error.FieldProblem;
import cn.ronghe.platform.process.FormInput;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** Every edge of reading a street's grade adjustments. */
class AdjustmentsTest {

  static final PairingResult P = new PairingResult(7, 1, "KP-2026-0001", 2026, "u109", "中国农业银行太仓分行", "dongcang",
      "东仓社区", "loudong", "RATED", "KP-2026-u109-dongcang", "pid", true, new BigDecimal("84.0"), "GOOD", "GOOD",
      new BigDecimal("91.5"), "EXCELLENT", "EXCELLENT");

  final FormInput in = FormInput.of(Mockito.mock(VariableScope.class));

  List<Adjustments.Adjustment> read(Object raw) {
    return Adjustments.read(List.of(), raw, in, key -> key.equals("u109|dongcang") ? Optional.of(P) : Optional.empty());
  }

  static Map<String, Object> item(String pairing, String side, String grade, String reason) {
    java.util.HashMap<String, Object> m = new java.util.HashMap<>();
    m.put("pairing", pairing);
    m.put("ratedSide", side);
    m.put("newGrade", grade);
    m.put("reason", reason);
    return m;
  }

  @Test
  void aValidAdjustmentFromJsonTextOrAListIsRead() {
    String json = "[{\"pairing\":\"u109|dongcang\",\"ratedSide\":\"UNIT\",\"newGrade\":\"EXCELLENT\","
        + "\"reason\":\"牵头完成街道重点项目，上调为优秀\"}]";
    assertThat(read(json)).singleElement().satisfies(a -> {
      assertThat(a.pairing()).isEqualTo(P);
      assertThat(a.side()).isEqualTo(RatingDirection.RatedSide.UNIT);
      assertThat(a.grade()).isEqualTo(Grade.EXCELLENT);
    });
    assertThat(read(List.of(item("u109|dongcang", "COMMUNITY", "GOOD", "社区换届期间对接人空缺，酌情下调")))).hasSize(1);
    assertThat(in.valid()).isTrue();
  }

  @Test
  void nothingOrEmptyRowsMeanNoAdjustment() {
    assertThat(read(null)).isEmpty();
    assertThat(read("")).isEmpty();
    assertThat(read(List.of(item("", " ", null, "")))).isEmpty();
    assertThat(in.valid()).isTrue();
  }

  @Test
  void eachProblemIsNamedByItsRow() {
    read(List.of(
        item("u404|nowhere", "UNIT", "GOOD", "不是本街道的结对，不能调整"),
        item("u109|dongcang", "SOMEONE", "GOOD", "被调整方无效的一项调整"),
        item("u109|dongcang", "UNIT", "BEST", "新等级无效的一项调整理由"),
        item("u109|dongcang", "UNIT", "FAIR", "太短"),
        item("u109|dongcang", "UNIT", "GOOD", "与现等级相同的调整理由"),
        item("u109|dongcang", "UNIT", "FAIR", "第一次调整本结对单位等级"),
        item("u109|dongcang", "UNIT", "POOR", "第二次调整同一结对同一方")));
    assertThat(in.problems()).extracting(FieldProblem::field).containsExactly("adjustments[1]", "adjustments[2]",
        "adjustments[3]", "adjustments[4]", "adjustments[5]", "adjustments[7]");
    assertThat(in.problems()).extracting(FieldProblem::messageZh).anySatisfy(m -> assertThat(m).contains("不属于本街道"))
        .anySatisfy(m -> assertThat(m).contains("重复调整")).anySatisfy(m -> assertThat(m).contains("与现等级相同"));
  }

  @Test
  void theFormsSlotsComeFirstAndAreNamedBySlot() {
    VariableScope scope = Mockito.mock(VariableScope.class);
    Map<String, Object> vars = Map.of("adjustment1Pairing", "u109|dongcang", "adjustment1Side", "COMMUNITY",
        "adjustment1Grade", "GOOD", "adjustment1Reason", "社区换届期间对接人空缺，酌情下调", "adjustment2Side", "UNIT");
    Mockito.when(scope.getVariable(Mockito.anyString())).thenAnswer(a -> vars.get(a.getArgument(0, String.class)));
    List<Adjustments.Adjustment> read = Adjustments.read(Adjustments.slots(scope),
        List.of(item("u109|dongcang", "UNIT", "FAIR", "第一次调整本结对单位等级")), in,
        key -> key.equals("u109|dongcang") ? Optional.of(P) : Optional.empty());
    assertThat(read).extracting(Adjustments.Adjustment::grade).containsExactly(Grade.GOOD, Grade.FAIR);
    assertThat(in.problems()).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("adjustment2");
      assertThat(p.messageZh()).isEqualTo("调整 2：须选择结对");
    });
  }

  @Test
  void somethingThatIsNotAListIsRefused() {
    read("{\"pairing\":\"u109|dongcang\"}");
    read(42);
    assertThat(in.problems()).hasSize(2).allSatisfy(p -> assertThat(p.field()).isEqualTo("adjustments"));
  }
}
