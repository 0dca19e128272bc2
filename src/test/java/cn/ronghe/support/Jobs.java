package cn.ronghe.support;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.function.Predicate;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Runs the due jobs of chosen process instances, as the job executor would (it is off in tests). Other tests'
 * and the demo's jobs are left alone, because all Spring tests share one database.
 */
public final class Jobs {

  private Jobs() {
  }

  /** Executes due jobs of the given instances until none is left; returns how many ran. */
  public static int runDue(ManagementService management, Collection<String> processInstanceIds) {
    java.util.Set<String> ids = new java.util.HashSet<>(processInstanceIds);
    return runDue(management, j -> j.getProcessInstanceId() != null && ids.contains(j.getProcessInstanceId()));
  }

  public static int runDue(ManagementService management, Predicate<Job> mine) {
    int ran = 0;
    for (int round = 0; round < 100_000; round++) {
      List<Job> due = management.createJobQuery().executable().list().stream().filter(mine).toList();
      if (due.isEmpty()) {
        return ran;
      }
      for (Job j : due) {
        if (management.createJobQuery().jobId(j.getId()).count() == 0) {
          continue;
        }
        management.executeJob(j.getId());
        ran++;
      }
    }
    throw new IllegalStateException("jobs keep coming");
  }

  /**
   * Executes due jobs of the instances whose business key starts with {@code keyPrefix} (for example every
   * pairing and evaluation of one year, {@code KP-2023-}) plus the given instance (the cycle itself).
   */
  public static int runDue(ManagementService management, org.camunda.bpm.engine.RuntimeService runtime,
      String processInstanceId, String keyPrefix) {
    java.util.Set<String> mine = new java.util.HashSet<>(java.util.List.of(processInstanceId));
    java.util.Set<String> others = new java.util.HashSet<>();
    return runDue(management, j -> {
      String pid = j.getProcessInstanceId();
      if (pid == null || others.contains(pid)) {
        return false;
      }
      if (mine.contains(pid)) {
        return true;
      }
      var pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
      boolean match = pi != null && pi.getBusinessKey() != null && pi.getBusinessKey().startsWith(keyPrefix);
      (match ? mine : others).add(pid);
      return match;
    });
  }

  /** Moves the engine clock; call {@link ClockUtil#reset()} after the test. */
  public static void at(Date time) {
    ClockUtil.setCurrentTime(time);
  }
}
