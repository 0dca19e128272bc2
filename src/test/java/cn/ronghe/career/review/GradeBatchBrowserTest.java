package cn.ronghe.career.review;

import static cn.ronghe.career.AssessmentResult.COMPETENT;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.browser.Browser;
import cn.ronghe.browser.BrowserTest;
import cn.ronghe.browser.TaskView;
import cn.ronghe.browser.Tasklist;
import cn.ronghe.career.AssessmentResult;
import cn.ronghe.career.CareerTestSupport;
import cn.ronghe.career.Post;
import cn.ronghe.career.Worker;
import cn.ronghe.career.policy.DeployedDecisionTables;
import cn.ronghe.career.registry.WorkerRepository;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The street committee of 娄东街道 (loudong) approves what 东仓社区 confirmed — a promotion, an unchanged grade and a
 * demotion — in one action in Tasklist: it opens the batch, sees the people in the form's table, ticks 同意本批次其余
 * 全部建议 and completes. Civil affairs starts the review, the street enters the assessments and the community
 * confirms through the project API beforehand.
 */
@BrowserTest
class GradeBatchBrowserTest {

  /** A review year no other test and no demo data uses. */
  static final int YEAR = 2017;

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  ManagementService management;
  @Autowired
  TaskService tasks;
  @Autowired
  WorkerRepository workers;
  @Autowired
  DeployedDecisionTables decisions;

  @Test
  void theStreetApprovesACommunitysProposalsInOneBatch(Browser browser) {
    ReviewTestSupport support = new ReviewTestSupport(port, jdbc, management, tasks);
    Worker promote = worker(Map.of(YEAR - 2, COMPETENT, YEAR - 1, COMPETENT));
    Worker hold = worker(Map.of(YEAR - 1, COMPETENT));
    Worker demote = worker(Map.of(YEAR - 1, AssessmentResult.INCOMPETENT));
    List<String> ids = List.of(promote.workerId(), hold.workerId(), demote.workerId());
    ReviewTestSupport.Started cycle = support.started(support.start("minzheng", YEAR, "WORKERS", null, ids, null));
    support.drain(cycle.cycleNo());
    String street = support.streetProcess(cycle.cycleNo(), "loudong");
    String results = promote.workerId() + ",称职\n" + hold.workerId() + ",基本称职\n" + demote.workerId() + ",不称职\n";
    assertThat(RestClient.as(port, "loudong").postBytes("/api/career/assessments/" + YEAR + "/import", "text/csv",
        results.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
    CareerTestSupport.completeOk(port, "loudong", support.task(street, "Task_EnterAssessments").getId(), Map.of());
    support.drain(cycle.cycleNo());
    support.decideOk("dongcang", support.communityTask(street, "dongcang").getId(), Map.of());
    support.drain(cycle.cycleNo());
    assertThat(support.stages(cycle.cycleNo()).values()).containsOnly("CONFIRMED");

    Task batch = support.task(street, "Task_ReviewProposals");
    String caseNo = (String) tasks.getVariable(batch.getId(), "caseNo");
    assertThat(batch.getName()).isEqualTo("街道审核评定建议 · " + caseNo + " · 娄东街道 · " + YEAR
        + " 年度 · 3 人（晋升 1 · 保持 1 · 降级 1）");
    assertThat(batch.getPriority()).isEqualTo(60);

    TaskView task = Tasklist.loginAs(browser, "loudong").selectFilter("本街道待办").openTask(batch.getName());
    task.claim();
    String table = browser.withText(org.openqa.selenium.By.cssSelector(".task-details .fjs-form-field-table"),
        promote.workerId()).getText();
    assertThat(table).contains(promote.workerId(), hold.workerId(), demote.workerId(), promote.name());
    browser.screenshot("batch-open");
    task.form().tick("同意本批次其余全部建议").fill("意见（选填）", "经大工委会议研究，同意东仓社区的三条评定建议");
    assertThat(task.complete()).isEmpty();

    assertThat(support.stages(cycle.cycleNo())).containsEntry(promote.workerId(), "REVIEWED")
        .containsEntry(hold.workerId(), "REVIEWED").containsEntry(demote.workerId(), "REVIEWED");
    assertThat(support.task(street, "Task_ApproveProposals").getName()).startsWith("审批评定建议 · " + caseNo + " · ");
  }

  private Worker worker(Map<Integer, AssessmentResult> results) {
    return CareerTestSupport.worker(workers, decisions, "dongcang", "loudong", Post.OTHER, 5,
        LocalDate.of(2008, 3, 1), results);
  }
}
