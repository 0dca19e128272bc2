package cn.ronghe.admission;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.admission.RepeatOffenders.Offence;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatOffendersTest {

  static final LocalDate FROM = LocalDate.of(2025, 12, 1);

  @Test
  void departmentsReachingTheThresholdInTheWindowAreListedWorstFirst() {
    List<Offence> offences = List.of(
        new Offence("housing", "FY-1", LocalDate.of(2026, 3, 1), "dongcang"),
        new Offence("health", "FY-2", LocalDate.of(2026, 1, 5), "nanyuan"),
        new Offence("housing", "FY-3", LocalDate.of(2026, 2, 1), "taiping"),
        new Offence("health", "FY-4", LocalDate.of(2026, 5, 5), "nanyuan"),
        new Offence("housing", "FY-5", LocalDate.of(2026, 4, 1), "dongcang"),
        new Offence("market", "FY-6", LocalDate.of(2026, 4, 1), "dongcang"));
    var offenders = RepeatOffenders.find(offences, FROM, 2);
    assertThat(offenders).extracting(RepeatOffenders.Offender::departmentCode).containsExactly("housing", "health");
    var housing = offenders.get(0);
    assertThat(housing.count()).isEqualTo(3);
    assertThat(housing.caseNos()).containsExactly("FY-3", "FY-1", "FY-5");
    assertThat(housing.first()).isEqualTo(LocalDate.of(2026, 2, 1));
    assertThat(housing.last()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(housing.communities()).containsExactly("taiping", "dongcang");
  }

  @Test
  void theWindowStartIsInclusiveAndOlderPushesDoNotCount() {
    List<Offence> offences = List.of(
        new Offence("health", "FY-1", FROM.minusDays(1), "dongcang"),
        new Offence("health", "FY-2", FROM, "dongcang"),
        new Offence("health", "FY-3", FROM.plusDays(10), "dongcang"));
    assertThat(RepeatOffenders.find(offences, FROM, 2)).singleElement().satisfies(o -> assertThat(o.count()).isEqualTo(2));
    assertThat(RepeatOffenders.find(offences, FROM, 3)).isEmpty();
  }

  @Test
  void aThresholdOfOneListsEveryOffender() {
    assertThat(RepeatOffenders.find(List.of(new Offence("market", "FY-9", FROM, "dongcang")), FROM, 1)).hasSize(1);
    assertThat(RepeatOffenders.find(List.of(), FROM, 1)).isEmpty();
  }
}
