package cn.ronghe.platform.calendar;

import cn.ronghe.platform.policy.PolicyParameters;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Deadlines in working days for BPMN expressions, e.g. {@code camunda:dueDate="${deadlines.due('admission.review-days')}"}
 * and a reminder timer {@code ${deadlines.reminder('admission.review-days')}}. The number of days comes from
 * the policy table, so a city changes a deadline without a rebuild. "Now" is the engine clock, so tests can
 * move time.
 */
@Component("deadlines")
public class Deadlines {

  private final WorkCalendar calendar;
  private final PolicyParameters policy;

  public Deadlines(WorkCalendar calendar, PolicyParameters policy) {
    this.calendar = calendar;
    this.policy = policy;
  }

  /** Due at the end of the working day that lies {@code policyKey} working days from today. */
  public Date due(String policyKey) {
    return inWorkingDays(policy.intValue(policyKey));
  }

  public Date inWorkingDays(int days) {
    LocalDate day = calendar.workingDays().plusWorkingDays(today(), days);
    return endOfDay(day);
  }

  /** When to remind: a configured number of working days before the due date, but never in the past. */
  public Date reminder(String policyKey) {
    int days = policy.intValue(policyKey);
    int before = policy.intValue("calendar.reminder-working-days");
    WorkingDays wd = calendar.workingDays();
    LocalDate dueDay = wd.plusWorkingDays(today(), days);
    LocalDate remindDay = wd.minusWorkingDays(dueDay, Math.min(before, Math.max(days - 1, 0)));
    Date remind = startOfWorkingDay(remindDay);
    Date now = ClockUtil.getCurrentTime();
    return remind.before(now) ? new Date(now.getTime() + 60_000) : remind;
  }

  /** Working days from today until the given date (negative when overdue). */
  public int workingDaysUntil(Date date) {
    LocalDate target = date.toInstant().atZone(zone()).toLocalDate();
    return calendar.workingDays().workingDaysBetween(today(), target);
  }

  public LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(zone()).toLocalDate();
  }

  private Date endOfDay(LocalDate day) {
    int hour = policy.intValue("calendar.day-end-hour");
    return Date.from(LocalDateTime.of(day.getYear(), day.getMonth(), day.getDayOfMonth(), hour, 0)
        .atZone(zone()).toInstant());
  }

  private Date startOfWorkingDay(LocalDate day) {
    return Date.from(day.atTime(9, 0).atZone(zone()).toInstant());
  }

  private static ZoneId zone() {
    return ZoneId.systemDefault();
  }
}
