package cn.ronghe.admission;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import cn.ronghe.admission.catalogue.CatalogueService;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The demo cases are seeded through the real processes, once, and leave each demo user something to do. */
@RongheSpringTest
class AdmissionDemoDataTest {

  @LocalServerPort
  int port;
  @Autowired
  AdmissionDemoData demoData;
  @Autowired
  ApplicationRepository applications;
  @Autowired
  UnadmittedReports reports;
  @Autowired
  CatalogueService catalogue;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;

  @Test
  void theDemoCasesAreSeededOnceAndLeaveWorkForTheDemoUsers() {
    demoData.seed();
    demoData.seed();
    assertThat(ClockUtil.getCurrentTime().getTime()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));

    List<ApplicationRepository.Record> sample = applications.list(null, 500).stream()
        .filter(ApplicationRepository.Record::sampleData).toList();
    assertThat(sample).extracting(r -> r.status().name())
        .containsExactlyInAnyOrder("APPROVED", "CITY_APPROVAL", "RETURNED");
    ApplicationRepository.Record approved = sample.stream()
        .filter(r -> r.status() == ApplicationRepository.Status.APPROVED).findFirst().orElseThrow();
    var item = catalogue.item(approved.versionNo(), approved.itemCode()).orElseThrow();
    assertThat(item.sampleData()).isTrue();
    assertThat(catalogue.version(approved.versionNo()).sourceCaseNo()).isEqualTo(approved.caseNo());

    assertThat(tasks.createTaskQuery().taskCandidateUser("shiwei").taskDefinitionKey("Task_CityApproval").count())
        .isGreaterThanOrEqualTo(1);
    assertThat(tasks.createTaskQuery().taskCandidateUser("weijian").taskDefinitionKey("Task_CorrectApplication")
        .count()).isGreaterThanOrEqualTo(1);
    assertThat(tasks.createTaskQuery().taskCandidateUser("minzheng").taskDefinitionKey("Task_VerifyReport").count())
        .isGreaterThanOrEqualTo(1);
    assertThat(reports.list(null, "housing", 500).stream().filter(UnadmittedReports.Report::sampleData)
        .filter(r -> "CLOSED".equals(r.status()))).hasSize(2);
    // No demo timer is already due: the running app would fire reminders and escalations at once.
    for (ApplicationRepository.Record r : sample) {
      assertThat(management.createJobQuery().processInstanceId(r.processInstanceId()).executable().timers().count())
          .as(r.caseNo()).isZero();
    }

    JsonNode offenders = RestClient.as(port, "minzheng").get("/api/admission/reports/repeat-offenders").json();
    assertThat(offenders.path("offenders").toString()).contains("市住建局");
  }
}
