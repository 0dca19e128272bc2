package cn.ronghe.career.review;

import cn.ronghe.career.CareerProcesses;
import cn.ronghe.identity.Groups;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.calendar.Deadlines;
import cn.ronghe.platform.notification.Notifier;
import cn.ronghe.platform.process.CaseVariables;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of the cycle process {@code annual-grade-review} and of its daily timer process. */
@Configuration
class ReviewCycleSteps {

  /** Start listener: year, scope and date checked; the cycle registered under its NJ number. */
  @Bean
  ExecutionListener reviewCycleStart(ReviewCycles cycles, IdentityService identity, DecisionLog log) {
    return execution -> {
      String actor = CareerProcesses.actor(identity);
      ReviewCycle c = cycles.start(execution, actor);
      log.record(execution, "STARTED", c.reviewYear() + " 年度，" + c.scopeLabel() + "，" + c.workerCount() + " 人，生效日期 "
          + c.effectiveDate(), actor, null);
    };
  }

  @Bean
  JavaDelegate openNextStreet(ReviewCycles cycles) {
    return execution -> execution.setVariable("moreStreets",
        cycles.openNextStreet((String) execution.getVariable("cycleNo")));
  }

  @Bean
  JavaDelegate closeReviewCycle(ReviewCycles cycles) {
    return execution -> cycles.close((String) execution.getVariable("cycleNo"), execution.getProcessInstanceId());
  }

  /** Timer process: due today? A failing pre-check is told to civil affairs instead of becoming an incident. */
  @Bean
  JavaDelegate checkReviewSchedule(ReviewCycles cycles, Deadlines clock, Notifier notifier) {
    return execution -> {
      ReviewCycles.ScheduleCheck check = cycles.scheduled(clock.today(), execution);
      execution.setVariable(CaseVariables.CASE_NO, "定时检查 " + clock.today());
      execution.setVariable("reviewDue", check.due());
      execution.setVariable("reviewYear", check.reviewYear());
      execution.setVariable("scheduleNote", check.why());
      if (check.blocked()) {
        notifier.toGroup(Groups.CIVIL_AFFAIRS, check.reviewYear() + " 年度等级评定未能自动发起", check.why(), null,
            execution.getProcessInstanceId(), "review-auto-start-failed:" + check.reviewYear() + ":" + clock.today());
      }
    };
  }

  @Bean
  JavaDelegate startScheduledReview(RuntimeService runtime) {
    return execution -> {
      String pid = runtime.startProcessInstanceByKey(CareerProcesses.REVIEW_CYCLE, Map.of("reviewYear",
          execution.getVariable("reviewYear"), "scopeKind", "CITY")).getId();
      execution.setVariable("cycleProcessInstanceId", pid);
    };
  }
}
