package cn.ronghe.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RongheSpringTest;
import cn.ronghe.cobuilding.Times;
import cn.ronghe.platform.notification.Notifier;
import cn.ronghe.platform.policy.PolicyParameters;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The yearly start: its date follows the policy, and it starts nothing when every street is evaluated already. */
@RongheSpringTest
class EvaluationSchedulerTest {

  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;
  @Autowired
  EvaluationSchedule schedule;
  @Autowired
  PolicyParameters policy;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  Notifier notifier;

  @AfterEach
  void restore() {
    ClockUtil.reset();
    policy.update("evaluation.cycle-start-date", "12-01", "test");
    schedule.alignTimerWithPolicy();
  }

  @Test
  void theTimerFollowsThePolicyDate() {
    schedule.alignTimerWithPolicy();
    LocalDateTime now = Times.now();
    assertThat(Times.toLocal(timer().getDuedate())).isEqualTo(EvaluationSchedule.nextStart(now, java.time.MonthDay.of(12, 1)));
    policy.update("evaluation.cycle-start-date", "11-25", "test");
    schedule.alignTimerWithPolicy();
    LocalDateTime moved = Times.toLocal(timer().getDuedate());
    assertThat(moved.getMonthValue()).isEqualTo(11);
    assertThat(moved.getDayOfMonth()).isEqualTo(25);
    assertThat(moved.toLocalTime()).hasToString("09:00");
    assertThat(moved).isAfter(now);
  }

  @Test
  void whenEveryStreetWasEvaluatedThatYearTheTimerStartsNothingAndSaysSo() {
    int year = 2018;
    jdbc.sql("INSERT INTO ev_cycle (cycle_no, eval_year, period_from, period_to, scope_type, scope_label, trigger_kind, "
            + "status, pairing_count, rating_reminder, rating_due, rating_close, started_by, started_at) VALUES "
            + "('KP-2019-9001', :y, DATE '2018-01-01', DATE '2018-12-31', 'CITY', '全市', 'MANUAL', 'PUBLISHED', 0, "
            + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'test', CURRENT_TIMESTAMP)")
        .param("y", year).update();
    jdbc.sql("INSERT INTO ev_cycle_street (cycle_id, eval_year, street_code) SELECT c.id, :y, s.code FROM ev_cycle c, "
        + "org_street s WHERE c.cycle_no = 'KP-2019-9001' AND s.active").param("y", year).update();
    int cycles = jdbc.sql("SELECT COUNT(*) FROM ev_cycle").query(Integer.class).single();

    ClockUtil.setCurrentTime(Times.toDate(LocalDateTime.of(2019, 1, 15, 9, 0, 30)));
    management.executeJob(timer().getId());

    HistoricProcessInstance run = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(EvaluationProcesses.SCHEDULER).processInstanceBusinessKey("KP-2018-YEARLY").singleResult();
    assertThat(run.getEndActivityId()).isEqualTo("End_CycleRefused");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ev_cycle").query(Integer.class).single()).isEqualTo(cycles);
    assertThat(notifier.forCase("KP-2018-YEARLY")).singleElement().satisfies(n -> {
      assertThat(n.recipientGroup()).isEqualTo("org-dept");
      assertThat(n.body()).contains("均已开展考评", "KP-2019-9001");
    });
    assertThat(timer()).as("the next year's timer").isNotNull();
  }

  private Job timer() {
    return management.createJobQuery().processDefinitionKey(EvaluationProcesses.SCHEDULER)
        .activityId(EvaluationSchedule.START_EVENT).timers().singleResult();
  }
}
