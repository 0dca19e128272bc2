package cn.ronghe.platform.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/**
 * Working-day arithmetic on the Chinese calendar: Monday to Friday work, weekends rest, except for the
 * public holidays (法定节假日) and the adjusted working weekends (调休上班) listed in {@code specialDays}.
 * Pure and immutable, so the rules are unit-tested without a database.
 */
public final class WorkingDays {

  public enum Kind { HOLIDAY, WORKDAY }

  private final Map<LocalDate, Kind> specialDays;

  public WorkingDays(Map<LocalDate, Kind> specialDays) {
    this.specialDays = Map.copyOf(specialDays);
  }

  public boolean isWorkingDay(LocalDate date) {
    Kind special = specialDays.get(date);
    if (special != null) {
      return special == Kind.WORKDAY;
    }
    DayOfWeek dow = date.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
  }

  /**
   * The n-th working day after {@code from} (from itself not counted); n = 0 gives the first working day
   * on or after {@code from}.
   */
  public LocalDate plusWorkingDays(LocalDate from, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    LocalDate day = from;
    if (n == 0) {
      while (!isWorkingDay(day)) {
        day = day.plusDays(1);
      }
      return day;
    }
    int counted = 0;
    while (counted < n) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /** The n-th working day before {@code from} (from itself not counted). */
  public LocalDate minusWorkingDays(LocalDate from, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    LocalDate day = from;
    int counted = 0;
    while (counted < n) {
      day = day.minusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /** Working days in the half-open interval (from, to]; negative when {@code to} is before {@code from}. */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      return -workingDaysBetween(to, from);
    }
    int count = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }
}
