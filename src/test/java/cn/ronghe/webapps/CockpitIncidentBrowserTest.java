package cn.ronghe.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.browser.Browser;
import cn.ronghe.browser.BrowserTest;
import cn.ronghe.browser.Cockpit;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An administrator in Cockpit: the deployed processes with their running instances, an incident (a job whose
 * downstream system is down, retries used up) with its message, and the retry that clears it.
 */
@BrowserTest
class CockpitIncidentBrowserTest {

  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;

  String instance;

  @BeforeEach
  void aJobThatFailedUntilItsRetriesRanOut() {
    repository.createDeployment().name("test-failing-job").enableDuplicateFiltering(true)
        .addClasspathResource("testprocess/failing-job.bpmn").deploy();
    FlakyCityPlatform.available.set(false);
    instance = runtime.startProcessInstanceByKey("test-failing-job").getId();
    for (Job job = retryableJob(); job != null; job = retryableJob()) {
      try {
        management.executeJob(job.getId());
      } catch (RuntimeException expected) {
        // each failure takes one retry; the last one raises the incident
      }
    }
    assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isOne();
  }

  @AfterEach
  void downstreamBackToNormal() {
    FlakyCityPlatform.available.set(false);
  }

  @Test
  void adminSeesTheIncidentWithItsMessageAndRetriesIt(Browser browser) {
    Cockpit cockpit = Cockpit.loginAs(browser, "admin");
    assertThat(cockpit.header().brand()).isEqualTo("融合 · 太仓社区治理 流程监控");

    List<Cockpit.ProcessRow> processes = cockpit.processes("test-failing-job");
    Cockpit.ProcessRow failing = processes.stream().filter(p -> p.key().equals("test-failing-job")).findFirst()
        .orElseThrow();
    assertThat(failing.name()).isEqualTo("测试：推送市级平台");
    assertThat(failing.runningInstances()).isGreaterThanOrEqualTo(1);
    assertThat(failing.incidents()).isGreaterThanOrEqualTo(1);

    Cockpit.Incidents incidents = cockpit.incidentsOf(instance);
    assertThat(incidents.waitFor(FlakyCityPlatform.FAILURE_MESSAGE)).contains("推送到市级平台");
    assertThat(incidents.retry(FlakyCityPlatform.FAILURE_MESSAGE)).contains("已增加");

    assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
    Job job = management.createJobQuery().processInstanceId(instance).singleResult();
    assertThat(job.getRetries()).isEqualTo(1);

    // The city platform is back: the retried job now goes through and the case finishes.
    FlakyCityPlatform.available.set(true);
    management.executeJob(job.getId());
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).completed().count()).isOne();
  }

  private Job retryableJob() {
    return management.createJobQuery().processInstanceId(instance).withRetriesLeft().singleResult();
  }
}
