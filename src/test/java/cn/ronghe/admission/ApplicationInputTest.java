package cn.ronghe.admission;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.admission.catalogue.ListType;
import cn.ronghe.platform.process.FormInput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class ApplicationInputTest {

  static final Set<String> STREETS = Set.of("loudong", "chengxiang");

  private final Map<String, Object> vars = new HashMap<>(Map.of("matterName", "协助开展某事项", "listType", "ASSISTANCE",
      "content", "内容", "targetScope", "STREETS", "targetStreets", List.of("loudong", "loudong", "chengxiang"),
      "expectedStart", "2027-03-01", "frequency", "YEARLY", "workloadHours", 12, "contactName", "顾丽",
      "contactPhone", "0512-5352 0000"));

  private FormInput input() {
    VariableScope scope = Mockito.mock(VariableScope.class);
    Mockito.when(scope.getVariable(Mockito.anyString())).thenAnswer(a -> vars.get(a.getArgument(0, String.class)));
    return FormInput.of(scope);
  }

  @Test
  void aCompleteApplicationIsReadWithDefaultsForTheFlags() {
    FormInput in = input();
    Application a = ApplicationInput.read(in, STREETS);
    assertThat(in.valid()).isTrue();
    assertThat(a.listType()).isEqualTo(ListType.ASSISTANCE);
    assertThat(a.scopeStreets()).containsExactly("loudong", "chengxiang");
    assertThat(a.funding()).isNull();
    assertThat(a.addsLedger()).isFalse();
  }

  @Test
  void aCityWideApplicationIgnoresTheStreetList() {
    vars.put("targetScope", "ALL");
    vars.put("targetStreets", List.of("atlantis"));
    FormInput in = input();
    assertThat(ApplicationInput.read(in, STREETS).scopeStreets()).isEmpty();
    assertThat(in.valid()).isTrue();
  }

  @Test
  void formLevelProblemsAreAllReported() {
    vars.put("targetStreets", List.of("loudong", "atlantis"));
    vars.put("funding", "12.345");
    vars.put("contactPhone", "call me");
    vars.put("frequency", "SOMETIMES");
    vars.put("listType", null);
    FormInput in = input();
    assertThat(ApplicationInput.read(in, STREETS)).isNull();
    assertThat(in.problems()).extracting(p -> p.field())
        .containsExactlyInAnyOrder("listType", "targetStreets", "funding", "contactPhone", "frequency");
  }

  @Test
  void aStreetScopeNeedsStreets() {
    vars.remove("targetStreets");
    FormInput in = input();
    ApplicationInput.read(in, STREETS);
    assertThat(in.problems()).singleElement().satisfies(p -> assertThat(p.messageZh()).contains("为必填项"));
  }
}
