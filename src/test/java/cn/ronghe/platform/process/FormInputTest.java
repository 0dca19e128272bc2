package cn.ronghe.platform.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class FormInputTest {

  private final Map<String, Object> vars = new HashMap<>();

  private FormInput input() {
    VariableScope scope = Mockito.mock(VariableScope.class);
    Mockito.when(scope.getVariable(Mockito.anyString())).thenAnswer(a -> vars.get(a.getArgument(0, String.class)));
    return FormInput.of(scope);
  }

  @Test
  void validValuesAreReadAndTrimmed() {
    vars.putAll(Map.of("name", "  社区消防安全检查台账 ", "count", 12, "amount", 2.5, "start", "2026-12-01",
        "flag", true, "kind", "BY_LAW", "streets", List.of("loudong", "chengxiang")));
    FormInput in = input();
    assertThat(in.text("name", "事项名称", 100, true)).isEqualTo("社区消防安全检查台账");
    assertThat(in.integer("count", "次数", 0, 100, true)).isEqualTo(12);
    assertThat(in.decimal("amount", "金额", BigDecimal.ZERO, BigDecimal.TEN, true)).isEqualByComparingTo("2.5");
    assertThat(in.date("start", "开始日期", true)).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(in.bool("flag", "是否", true)).isTrue();
    assertThat(in.choice("kind", "类型", List.of("BY_LAW", "ASSIST"), true)).isEqualTo("BY_LAW");
    assertThat(in.texts("streets", "镇街", 11, 32, true)).containsExactly("loudong", "chengxiang");
    assertThat(in.valid()).isTrue();
    in.throwIfInvalid();
  }

  @Test
  void missingRequiredFieldsAreAllReported() {
    vars.put("name", "   ");
    FormInput in = input();
    in.text("name", "事项名称", 100, true);
    in.integer("count", "次数", 0, 100, true);
    in.date("start", "开始日期", false);
    assertThat(in.problems()).extracting(p -> p.field()).containsExactly("name", "count");
    assertThatThrownBy(in::throwIfInvalid).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("事项名称为必填项").hasMessageContaining("count: is required");
  }

  @Test
  void wrongTypesAndRangesAreReported() {
    vars.putAll(Map.of("name", 42, "count", "abc", "score", 101, "half", 1.5, "start", "30/02/2026",
        "flag", "yes", "kind", "OTHER", "amount", "-1"));
    FormInput in = input();
    assertThat(in.text("name", "名称", 100, true)).isNull();
    assertThat(in.integer("count", "次数", 0, 100, true)).isNull();
    assertThat(in.integer("score", "分数", 0, 100, true)).isNull();
    assertThat(in.integer("half", "分数", 0, 100, true)).isNull();
    assertThat(in.date("start", "日期", true)).isNull();
    assertThat(in.bool("flag", "是否", true)).isNull();
    assertThat(in.choice("kind", "类型", List.of("A"), true)).isNull();
    assertThat(in.decimal("amount", "金额", BigDecimal.ZERO, BigDecimal.TEN, true)).isNull();
    assertThat(in.problems()).hasSize(8);
  }

  @Test
  void overlongTextAndControlCharactersAreRefused() {
    vars.put("long", "字".repeat(101));
    vars.put("ctl", "abc\u0000def");
    vars.put("surrogate", "ab\uD800c");
    vars.put("multiline", "第一行\n第二行");
    FormInput in = input();
    assertThat(in.text("long", "说明", 100, true)).isNull();
    assertThat(in.text("ctl", "说明", 100, true)).isNull();
    assertThat(in.text("surrogate", "说明", 100, true)).isNull();
    assertThat(in.text("multiline", "说明", 100, true)).isEqualTo("第一行\n第二行");
    assertThat(in.problems()).hasSize(3);
  }

  @Test
  void listsAcceptJsonTextAndRejectBadItems() {
    vars.put("good", "[\"a\",\"b\"]");
    vars.put("notList", 5);
    vars.put("badItem", List.of("a", ""));
    vars.put("tooMany", List.of("a", "b", "c"));
    FormInput in = input();
    assertThat(in.texts("good", "列表", 5, 10, true)).containsExactly("a", "b");
    assertThat(in.texts("notList", "列表", 5, 10, true)).isNull();
    assertThat(in.texts("badItem", "列表", 5, 10, true)).isNull();
    assertThat(in.texts("tooMany", "列表", 2, 10, true)).isNull();
    assertThat(in.texts("absent", "列表", 2, 10, false)).isEmpty();
    assertThat(in.problems()).hasSize(3);
  }
}
