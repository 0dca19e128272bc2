package cn.ronghe.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ronghe.platform.calendar.WorkingDays.Kind;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

  // 2026 National Day: 1-7 October off (1, 2, 5, 6, 7 are weekdays), Saturday 10 October worked.
  private final WorkingDays calendar = new WorkingDays(Map.of(
      LocalDate.of(2026, 10, 1), Kind.HOLIDAY, LocalDate.of(2026, 10, 2), Kind.HOLIDAY,
      LocalDate.of(2026, 10, 5), Kind.HOLIDAY, LocalDate.of(2026, 10, 6), Kind.HOLIDAY,
      LocalDate.of(2026, 10, 7), Kind.HOLIDAY, LocalDate.of(2026, 10, 10), Kind.WORKDAY,
      LocalDate.of(2026, 9, 20), Kind.WORKDAY));

  @Test
  void weekdaysWorkAndWeekendsRest() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 30))).isTrue();   // Monday
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 28))).isFalse();  // Saturday
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 29))).isFalse();  // Sunday
  }

  @Test
  void holidaysRestAndAdjustedWeekendsWork() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();   // Thursday, holiday
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();   // Saturday, 调休上班
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();    // Sunday, 调休上班
  }

  @Test
  void addingWorkingDaysSkipsWeekendsAndHolidays() {
    // From Wednesday 30 September: 8 and 9 October are the first two working days, then the Saturday.
    assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
    assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
    assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 9, 30), 4)).isEqualTo(LocalDate.of(2026, 10, 12));
  }

  @Test
  void zeroDaysGivesTheFirstWorkingDayOnOrAfter() {
    assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 11, 30), 0)).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 10, 3), 0)).isEqualTo(LocalDate.of(2026, 10, 8));
  }

  @Test
  void thirtyWorkingDaysAcrossTheHoliday() {
    // 1 September 2026 (Tuesday) + 30: September gives 22 after the 1st (with Sunday the 20th),
    // October 8, 9, the Saturday 10th, then 12-16.
    LocalDate due = calendar.plusWorkingDays(LocalDate.of(2026, 9, 1), 30);
    assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 1), due)).isEqualTo(30);
    assertThat(due).isEqualTo(LocalDate.of(2026, 10, 16));
  }

  @Test
  void subtractingIsTheInverseOfAdding() {
    LocalDate start = LocalDate.of(2026, 9, 28);
    for (int n = 0; n <= 20; n++) {
      LocalDate later = calendar.plusWorkingDays(start, n);
      assertThat(calendar.minusWorkingDays(later, n)).isBeforeOrEqualTo(start);
      assertThat(calendar.workingDaysBetween(start, later)).isEqualTo(n);
    }
  }

  @Test
  void countingBackwardsIsNegative() {
    assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 11, 30))).isEqualTo(-5);
    assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 30))).isZero();
  }

  @Test
  void negativeDaysAreRefused() {
    assertThatThrownBy(() -> calendar.plusWorkingDays(LocalDate.of(2026, 1, 1), -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calendar.minusWorkingDays(LocalDate.of(2026, 1, 1), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
