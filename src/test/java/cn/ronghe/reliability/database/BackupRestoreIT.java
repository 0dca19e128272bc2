package cn.ronghe.reliability.database;

import static cn.ronghe.career.CareerTestSupport.completeOk;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 8, point 6: the backup and restore of docs/operations.md on a running system. The demo's open cases (an
 * admission waiting for the 市委, an onboarding waiting for the street, a post change waiting for civil affairs, a
 * grade review under way) are dumped with {@code pg_dump} while the app runs, restored with {@code pg_restore} into
 * a fresh database, and a new app on it completes them as their users: each ends and writes its official record
 * once.
 */
class BackupRestoreIT {

  @Test
  void openCasesDumpedFromARunningSystemCompleteAfterARestore() throws IOException {
    Figures figures = new Figures("backup-restore");
    PostgresServer server = PostgresServer.startNew("backup");
    RunningApp first = null;
    RunningApp restored = null;
    Path dump = null;
    try {
      PgClient client = PgClient.forServer(server, 15);
      server.createDatabase("ronghe");
      long t0 = System.nanoTime();
      first = RunningApp.start(server.jdbcUrl("ronghe"), Map.of("ronghe.admission.demo-cases", true,
          "ronghe.career.demo-cases", true));
      figures.seconds("first app started with the demo cases", Polling.secondsSince(t0));
      OpenCases open = OpenCases.in(first);
      long runningAtDump = first.bean(RuntimeService.class).createProcessInstanceQuery().count();

      dump = Files.createTempFile(Path.of("target", "it-postgres"), "ronghe-", ".dump");
      long dumping = System.nanoTime();
      client.dump("ronghe", dump);
      figures.seconds("pg_dump of the running system", Polling.secondsSince(dumping));
      figures.add("dump size", String.format("%.1f MB", Files.size(dump) / 1e6));

      long restoring = System.nanoTime();
      server.createDatabase("ronghe_restored");
      client.restore(dump, "ronghe_restored");
      figures.seconds("createdb and pg_restore", Polling.secondsSince(restoring));
      first.close();
      first = null;

      long starting = System.nanoTime();
      restored = RunningApp.start(server.jdbcUrl("ronghe_restored"), Map.of());
      figures.seconds("new app started on the restored database", Polling.secondsSince(starting));
      assertThat(restored.health()).as("health of the restored system").isEqualTo(200);
      figures.add("running process instances (dump / restored)", runningAtDump + " / "
          + restored.bean(RuntimeService.class).createProcessInstanceQuery().count());

      long completing = System.nanoTime();
      open.completeIn(restored);
      figures.seconds("open cases completed on the restored system", Polling.secondsSince(completing));
      long incidents = restored.bean(RuntimeService.class).createIncidentQuery().count();
      figures.add("incidents on the restored system", incidents);
      assertThat(incidents).isZero();
      open.assertRecordedOnce(restored);
    } finally {
      ClockUtil.reset();
      figures.write();
      try {
        for (RunningApp app : new RunningApp[] {first, restored}) {
          if (app != null) {
            app.close();
          }
        }
      } finally {
        server.close();
        if (dump != null) {
          Files.deleteIfExists(dump);
        }
      }
    }
  }

  /** The open cases the demo leaves, found in the first app and finished in the restored one. */
  private record OpenCases(String admission, String onboarding, String postChange) {

    static OpenCases in(RunningApp app) {
      // Found through the task each case waits at, so the dump is taken with every case at a user task.
      return new OpenCases(waitingAt(app, "matter-admission", "Task_CityApproval"),
          waitingAt(app, "worker-onboarding", "Task_ConfirmGrade"),
          waitingAt(app, "post-change", "Task_ApprovePostChange"));
    }

    void completeIn(RunningApp app) {
      int port = app.port();
      completeOk(port, "shiwei", task(app, admission, "Task_CityApproval").getId(), Map.of("cityDecision", "APPROVE",
          "cityReason", "同意准入（恢复后的系统上审批）"));
      completeOk(port, "loudong", task(app, onboarding, "Task_ConfirmGrade").getId(),
          Map.of("streetDecision", "CONFIRM"));
      completeOk(port, "minzheng", task(app, onboarding, "Task_FileOnboarding").getId(),
          Map.of("fileDecision", "FILE"));
      completeOk(port, "minzheng", task(app, postChange, "Task_ApprovePostChange").getId(),
          Map.of("approvalDecision", "APPROVE"));
      // The post change takes effect in ten days: its timer falls due once the engine's clock is past that date.
      ClockUtil.setCurrentTime(Date.from(LocalDate.now().plusDays(11).atTime(9, 0).atZone(ZoneId.systemDefault())
          .toInstant()));
      RuntimeService runtime = app.bean(RuntimeService.class);
      for (String caseNo : List.of(admission, onboarding, postChange)) {
        Polling.until(caseNo + " to end on the restored system", 300,
            () -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).count() == 0);
      }
    }

    void assertRecordedOnce(RunningApp app) {
      JdbcClient jdbc = app.bean(JdbcClient.class);
      HistoryService history = app.bean(HistoryService.class);
      for (String caseNo : List.of(admission, onboarding, postChange)) {
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult()
            .getState()).as(caseNo).isEqualTo("COMPLETED");
      }
      assertThat(count(jdbc, "SELECT COUNT(*) FROM adm_catalogue_version WHERE source_case_no = :c", admission))
          .as("catalogue versions published by " + admission).isOne();
      assertThat(count(jdbc, "SELECT COUNT(*) FROM career_worker WHERE origin_case_no = :c", onboarding))
          .as("workers registered by " + onboarding).isOne();
      assertThat(count(jdbc, "SELECT COUNT(*) FROM career_grade_history WHERE case_no = :c AND change_kind = "
          + "'INITIAL'", onboarding)).as("initial grades of " + onboarding).isOne();
      assertThat(count(jdbc, "SELECT COUNT(*) FROM career_grade_history WHERE case_no = :c AND change_kind = "
          + "'POST_CHANGE'", postChange)).as("post changes applied by " + postChange).isOne();
      assertThat(count(jdbc, "SELECT COUNT(*) FROM career_worker w JOIN career_grade_history h ON h.worker_id = "
          + "w.worker_id WHERE h.case_no = :c AND w.post = 'DEPUTY'", postChange)).as("worker now a deputy").isOne();
    }

    private static int count(JdbcClient jdbc, String sql, String caseNo) {
      return jdbc.sql(sql).param("c", caseNo).query(Integer.class).single();
    }

    private static String waitingAt(RunningApp app, String process, String taskKey) {
      TaskService tasks = app.bean(TaskService.class);
      Polling.until(process + " waiting at " + taskKey, 300,
          () -> tasks.createTaskQuery().processDefinitionKey(process).taskDefinitionKey(taskKey).count() == 1);
      String pid = tasks.createTaskQuery().processDefinitionKey(process).taskDefinitionKey(taskKey).singleResult()
          .getProcessInstanceId();
      ProcessInstance pi = app.bean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(pid)
          .singleResult();
      return pi.getBusinessKey();
    }

    private static Task task(RunningApp app, String caseNo, String taskKey) {
      TaskService tasks = app.bean(TaskService.class);
      Polling.until(taskKey + " of " + caseNo, 300,
          () -> tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey(taskKey).count() == 1);
      return tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey(taskKey).singleResult();
    }
  }
}
