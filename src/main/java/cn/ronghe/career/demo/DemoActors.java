package cn.ronghe.career.demo;

import cn.ronghe.identity.Groups;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Acts in the demo cases as the README's demo users where they exist (their own authorizations apply), and as
 * "demo-seed" for the bodies that have none; waits for or runs the background jobs the steps create.
 */
@Component
class DemoActors {

  static final Set<String> DEMO_USERS = Set.of("dongcang", "nanyuan", "taiping", "loudong", "chengxiang", "minzheng");
  static final String SEED_ACTOR = "demo-seed";

  private final IdentityService identity;
  private final ManagementService management;
  private final ProcessEngineConfiguration configuration;

  DemoActors(IdentityService identity, ManagementService management, ProcessEngineConfiguration configuration) {
    this.identity = identity;
    this.management = management;
    this.configuration = configuration;
  }

  /** Runs {@code work} as the demo user {@code user} if there is one, else as the demo seed. */
  <T> T as(String user, Supplier<T> work) {
    if (DEMO_USERS.contains(user)) {
      List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId())
          .toList();
      identity.setAuthentication(user, groups);
    } else {
      identity.setAuthentication(SEED_ACTOR, List.of(Groups.ADMIN));
    }
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  void as(String user, Runnable work) {
    as(user, () -> {
      work.run();
      return null;
    });
  }

  /**
   * Lets the due jobs of these process instances run: by the job executor when it is running (the app), else
   * here (tests, where it is off).
   */
  void awaitJobs(Supplier<Set<String>> processes) {
    boolean executor = ((ProcessEngineConfigurationImpl) configuration).getJobExecutor().isActive();
    long deadline = System.currentTimeMillis() + 300_000;
    while (System.currentTimeMillis() < deadline) {
      Set<String> processInstanceIds = processes.get();
      List<Job> due = management.createJobQuery().executable().list().stream()
          .filter(j -> j.getProcessInstanceId() != null && processInstanceIds.contains(j.getProcessInstanceId()))
          .toList();
      if (due.isEmpty()) {
        return;
      }
      if (executor) {
        sleep();
        continue;
      }
      for (Job j : due) {
        try {
          management.executeJob(j.getId());
        } catch (OptimisticLockingException e) {
          // run by someone else meanwhile: the next round sees what is left
        }
      }
    }
    throw new IllegalStateException("Demo jobs did not finish in five minutes");
  }

  private static void sleep() {
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
