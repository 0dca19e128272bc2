package cn.ronghe.cobuilding;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.platform.process.FormInput;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** Whom a submission acts for, from the submitter's groups. */
class ActingPartyTest {

  final FormInput in = FormInput.of(Mockito.mock(VariableScope.class));

  static Authentication user(String... groups) {
    return new Authentication("someone", List.of(groups));
  }

  String resolve(Authentication auth, String requested) {
    return ActingParty.resolve(auth, "community-", requested, in, "ownerCode", "社区", "community");
  }

  @Test
  void aMemberOfOneCommunityActsForIt() {
    assertThat(resolve(user("community-dongcang", "role-community"), null)).isEqualTo("dongcang");
    assertThat(resolve(user("community-dongcang"), "dongcang")).isEqualTo("dongcang");
    assertThat(in.valid()).isTrue();
  }

  @Test
  void aMemberOfSeveralMustNameOneOfThem() {
    assertThat(resolve(user("community-dongcang", "community-nanyuan"), null)).isNull();
    assertThat(in.problems().get(0).messageZh()).contains("dongcang、nanyuan");
    assertThat(resolve(user("community-dongcang", "community-nanyuan"), "nanyuan")).isEqualTo("nanyuan");
  }

  @Test
  void nobodyActsForABodyTheyDoNotBelongTo() {
    assertThat(resolve(user("unit-u109"), null)).isNull();
    assertThat(resolve(user("community-dongcang"), "nanyuan")).isNull();
    assertThat(in.problems()).hasSize(2);
  }

  @Test
  void theSystemAndAdministratorsMustNameTheBody() {
    assertThat(resolve(null, "dongcang")).isEqualTo("dongcang");
    assertThat(resolve(user("camunda-admin"), "taiping")).isEqualTo("taiping");
    assertThat(resolve(null, null)).isNull();
    assertThat(in.problems()).hasSize(1);
    assertThat(ActingParty.actor(null)).isEqualTo("system");
    assertThat(ActingParty.actor(user())).isEqualTo("someone");
  }
}
