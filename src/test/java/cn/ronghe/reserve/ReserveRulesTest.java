package cn.ronghe.reserve;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.career.policy.FileDecisionTables;
import org.junit.jupiter.api.Test;

/** The assessment and readiness suggestions at every edge, with the DMN files as shipped. */
class ReserveRulesTest {

  final ReserveRules rules = new ReserveRules(FileDecisionTables.tables("bpmn/reserve"));

  @Test
  void excellentNeedsThreeRoundsThreeForumsAndAGoodMentor() {
    assertThat(rules.suggest(3, 3, "GOOD")).isEqualTo("EXCELLENT");
    assertThat(rules.suggest(4, 4, "GOOD")).isEqualTo("EXCELLENT");
    assertThat(rules.suggest(2, 3, "GOOD")).isEqualTo("COMPETENT");
    assertThat(rules.suggest(3, 2, "GOOD")).isEqualTo("COMPETENT");
    assertThat(rules.suggest(3, 3, "FAIR")).isEqualTo("COMPETENT");
  }

  @Test
  void competentNeedsTwoOfEachAndAMentorWhoIsNotPoor() {
    assertThat(rules.suggest(2, 2, "FAIR")).isEqualTo("COMPETENT");
    assertThat(rules.suggest(1, 4, "GOOD")).isEqualTo("WEAK");
    assertThat(rules.suggest(4, 1, "GOOD")).isEqualTo("WEAK");
    assertThat(rules.suggest(4, 4, "POOR")).isEqualTo("WEAK");
    assertThat(rules.suggest(0, 0, "GOOD")).isEqualTo("WEAK");
  }

  @Test
  void readyWithoutAWeakYear() {
    assertThat(rules.readiness(0, 1).ready()).isEqualTo("READY");
    assertThat(rules.readiness(0, 1).note()).contains("优先");
    assertThat(rules.readiness(0, 0).ready()).isEqualTo("READY");
    assertThat(rules.readiness(1, 2).ready()).isEqualTo("NOT_READY");
    assertThat(rules.readiness(3, 0).ready()).isEqualTo("NOT_READY");
    assertThat(rules.version()).contains("reserve-assessment", "reserve-readiness");
  }
}
