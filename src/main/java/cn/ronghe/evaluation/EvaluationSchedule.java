package cn.ronghe.evaluation;

import cn.ronghe.cobuilding.Times;
import cn.ronghe.platform.policy.PolicyParameters;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The yearly start of the evaluation cycle. The date is policy {@code evaluation.cycle-start-date} (MM-DD,
 * default 12-01) at 09:00. The BPMN timer start event takes its first date from {@link #timeCycle()} when the
 * process is deployed; because a policy change needs no redeployment, the timer job's due date is brought in
 * line with the policy at start-up and every hour.
 */
@Component("evaluationSchedule")
public class EvaluationSchedule {

  static final MonthDay DEFAULT_DATE = MonthDay.of(12, 1);
  static final String START_EVENT = "Start_Yearly";
  private static final Logger log = LoggerFactory.getLogger(EvaluationSchedule.class);

  private final PolicyParameters policy;
  private final ManagementService management;

  EvaluationSchedule(PolicyParameters policy, ManagementService management) {
    this.policy = policy;
    this.management = management;
  }

  /** ISO 8601 repeating interval for the timer start event: the next start date, then every year. */
  public String timeCycle() {
    return "R/" + nextStart(Times.now(), startDate()) + "/P1Y";
  }

  MonthDay startDate() {
    String value = policy.textValue("evaluation.cycle-start-date");
    try {
      return MonthDay.parse("--" + value.strip());
    } catch (DateTimeParseException e) {
      log.warn("Policy evaluation.cycle-start-date '{}' is not MM-DD; using {}", value, DEFAULT_DATE);
      return DEFAULT_DATE;
    }
  }

  /** The first start date strictly after {@code now}. */
  static LocalDateTime nextStart(LocalDateTime now, MonthDay date) {
    LocalDateTime thisYear = date.atYear(now.getYear()).atTime(9, 0);
    return thisYear.isAfter(now) ? thisYear : date.atYear(now.getYear() + 1).atTime(9, 0);
  }

  /** A cycle opened in January to June evaluates the year before; one opened later, the current year. */
  static int evaluatedYear(LocalDate opened) {
    return opened.getMonthValue() <= 6 ? opened.getYear() - 1 : opened.getYear();
  }

  @EventListener(ApplicationReadyEvent.class)
  @Scheduled(cron = "0 7 * * * *")
  public void alignTimerWithPolicy() {
    Job timer = management.createJobQuery().processDefinitionKey(EvaluationProcesses.SCHEDULER).activityId(START_EVENT)
        .timers().singleResult();
    if (timer == null) {
      return;
    }
    Date expected = Times.toDate(nextStart(Times.now(), startDate()));
    if (!expected.equals(timer.getDuedate())) {
      management.setJobDuedate(timer.getId(), expected);
      log.info("Yearly evaluation start moved to {} (policy evaluation.cycle-start-date)", expected);
    }
  }
}
