package cn.ronghe.admission;

import static cn.ronghe.admission.ReconfirmationProcess.*;

import cn.ronghe.platform.calendar.Deadlines;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The yearly timer's step: starts this year's re-confirmation unless it exists. The new instance runs in the
 * timer job's transaction; if a start by hand races it, the year's unique key fails the job, and its retry
 * finds the year started.
 */
@Component("startYearlyReconfirmation")
class StartYearlyReconfirmation implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(StartYearlyReconfirmation.class);

  private final Reconfirmations reconfirmations;
  private final Deadlines deadlines;

  StartYearlyReconfirmation(Reconfirmations reconfirmations, Deadlines deadlines) {
    this.reconfirmations = reconfirmations;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int year = deadlines.today().getYear();
    boolean start = !reconfirmations.exists(year);
    if (start) {
      execution.getProcessEngineServices().getRuntimeService()
          .startProcessInstanceByKey(PROCESS_KEY, Map.of(CONFIRM_YEAR, year));
    } else {
      log.info("The {} re-confirmation of the catalogue was already started; the yearly schedule leaves it", year);
    }
    execution.setVariable(CONFIRM_YEAR, year);
    execution.setVariable(STARTED, start);
  }
}
