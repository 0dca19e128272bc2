package cn.ronghe.platform.calendar;

import java.time.LocalDate;

/** A date that breaks the weekday/weekend rule: a public holiday or an adjusted working weekend. */
public record SpecialDay(LocalDate date, WorkingDays.Kind kind, String name) {
}
