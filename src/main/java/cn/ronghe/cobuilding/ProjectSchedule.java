package cn.ronghe.cobuilding;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import org.springframework.stereotype.Component;

/** When monthly progress reports open, for BPMN timer expressions ({@code ${projectSchedule.nextMonthStart()}}). */
@Component("projectSchedule")
public class ProjectSchedule {

  /** 09:00 on the first day of next month: the month just ended can then be reported. */
  public Date nextMonthStart() {
    LocalDate first = YearMonth.from(Times.today()).plusMonths(1).atDay(1);
    return Times.toDate(first.atTime(9, 0));
  }

  /** The month a report opened today covers: the month before. */
  public String reportMonth() {
    return YearMonth.from(Times.today()).minusMonths(1).toString();
  }
}
