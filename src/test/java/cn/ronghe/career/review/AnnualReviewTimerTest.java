package cn.ronghe.career.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RongheSpringTest;
import cn.ronghe.career.CareerProcesses;
import cn.ronghe.career.CareerTestSupport;
import cn.ronghe.career.Post;
import cn.ronghe.career.Worker;
import cn.ronghe.career.policy.DeployedDecisionTables;
import cn.ronghe.career.registry.WorkerRepository;
import cn.ronghe.platform.policy.PolicyParameters;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The yearly start: the daily timer starts the city-wide review on the configured date, once. */
@RongheSpringTest
class AnnualReviewTimerTest {

  @Autowired
  ManagementService management;
  @Autowired
  RuntimeService runtime;
  @Autowired
  HistoryService history;
  @Autowired
  ReviewRepository reviews;
  @Autowired
  PolicyParameters policy;

  @Autowired
  JdbcClient jdbc;
  @Autowired
  WorkerRepository workers;
  @Autowired
  DeployedDecisionTables decisions;

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  /** Fires the daily timer on the given day; returns how the timer process ended. */
  String fireOn(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(1, 31).atZone(ZoneId.systemDefault()).toInstant()));
    Job timer = management.createJobQuery().processDefinitionKey(CareerProcesses.REVIEW_TIMER).timers()
        .singleResult();
    management.setJobDuedate(timer.getId(), ClockUtil.getCurrentTime());
    java.util.Set<String> before = new java.util.HashSet<>();
    history.createHistoricProcessInstanceQuery().processDefinitionKey(CareerProcesses.REVIEW_TIMER).list()
        .forEach(p -> before.add(p.getId()));
    management.executeJob(timer.getId());
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(CareerProcesses.REVIEW_TIMER).list()
        .stream().filter(p -> !before.contains(p.getId())).findFirst().orElseThrow().getEndActivityId();
  }

  @Test
  void theCityWideReviewStartsOnTheConfiguredDateOnly() {
    String date = policy.textValue("career.review.auto-start-date");
    policy.update("career.review.auto-start-date", "02-10", "test");
    try {
      assertThat(fireOn(LocalDate.of(2031, 2, 9))).isEqualTo("End_NotDue");
      assertThat(reviews.cycles(2030)).isEmpty();
      assertThat(fireOn(LocalDate.of(2031, 2, 11))).isEqualTo("End_ReviewStarted");
      ReviewCycle started = reviews.cycles(2030).get(0);
      assertThat(started.scopeKind()).isEqualTo("CITY");
      assertThat(started.startedBy()).isEqualTo("system");
      assertThat(started.effectiveDate()).isEqualTo(LocalDate.of(2031, 3, 1));
      assertThat(started.workerCount()).isGreaterThan(900);
      assertThat(fireOn(LocalDate.of(2031, 2, 12))).as("only once a year").isEqualTo("End_NotDue");
      assertThat(reviews.cycles(2030)).hasSize(1);
      assertThat(fireOn(LocalDate.of(2031, 3, 1))).as("outside the catch-up window").isEqualTo("End_NotDue");
      runtime.deleteProcessInstance(started.processInstanceId(), "test over", true);
    } finally {
      policy.update("career.review.auto-start-date", date, "test");
    }
  }

  @Test
  void aStartThatWouldFailIsToldToCivilAffairsInstead() {
    String date = policy.textValue("career.review.auto-start-date");
    policy.update("career.review.auto-start-date", "02-10", "test");
    try {
      ClockUtil.setCurrentTime(Date.from(LocalDate.of(2033, 1, 5).atStartOfDay(ZoneId.systemDefault()).toInstant()));
      Worker w = CareerTestSupport.worker(workers, decisions, "dongcang", "loudong", Post.OTHER, 3,
          LocalDate.of(2030, 3, 1), Map.of());
      runtime.startProcessInstanceByKey(CareerProcesses.REVIEW_CYCLE, Map.of("reviewYear", 2032, "scopeKind", "WORKERS",
          "workerIds", w.workerId()));
      assertThat(fireOn(LocalDate.of(2033, 2, 11))).isEqualTo("End_NotDue");
      assertThat(reviews.cycles(2032)).hasSize(1);
      assertThat(jdbc.sql("SELECT body FROM notification WHERE dedup_key = 'review-auto-start-failed:2032:2033-02-11'")
          .query(String.class).single()).contains("无法自动发起", "2032", "重叠");
    } finally {
      policy.update("career.review.auto-start-date", date, "test");
    }
  }
}
