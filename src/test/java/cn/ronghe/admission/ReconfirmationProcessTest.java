package cn.ronghe.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ronghe.RongheSpringTest;
import cn.ronghe.admission.catalogue.CatalogueItem;
import cn.ronghe.admission.catalogue.CatalogueService;
import cn.ronghe.admission.catalogue.ChangeKind;
import cn.ronghe.admission.catalogue.Frequency;
import cn.ronghe.admission.catalogue.ListType;
import cn.ronghe.admission.catalogue.Publication;
import cn.ronghe.platform.notification.Notifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The yearly re-confirmation, started by hand and by its timer, with its checks and timers. */
@RongheSpringTest
class ReconfirmationProcessTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  RepositoryService repository;
  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;
  @Autowired
  TaskService tasks;
  @Autowired
  AdmissionTestSupport support;
  @Autowired
  Reconfirmations reconfirmations;
  @Autowired
  CatalogueService catalogue;
  @Autowired
  Notifier notifier;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void eachDepartmentConfirmsItsItemsAndTheYearEndsInANewVersion() {
    CatalogueItem fresh = freshHealthItem();
    int year = freeYear(2070);
    ProcessInstance pi = support.startAs("minzheng", ReconfirmationProcess.PROCESS_KEY, Map.of("confirmYear", year));
    assertThat(pi.getBusinessKey()).startsWith("QR-");
    List<Task> open = support.openTasks(pi, "Task_ConfirmItems");
    assertThat(open).hasSizeGreaterThanOrEqualTo(10);
    assertThat(reconfirmations.departments(pi.getBusinessKey())).contains("health", "civil", "housing");

    Task health = support.task(pi, "Task_ConfirmItems", "weijian");
    assertThat(tasks.getVariableLocal(health.getId(), "itemList").toString()).contains(fresh.code(), "XZ-12");
    assertThat(tasks.getVariableLocal(health.getId(), "itemOptions").toString()).contains(fresh.code());
    assertThatThrownBy(() -> support.complete(pi, "Task_ConfirmItems", "weijian",
        Map.of("givenUp", List.of("XZ-07")))).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("不由本部门负责：XZ-07").hasMessageContaining("不再保留的理由为必填项");
    support.complete(pi, "Task_ConfirmItems", "weijian", Map.of("givenUp", List.of(fresh.code()),
        "giveUpReason", "已纳入区域卫生信息平台，社区无需再做"));
    for (Task t : support.openTasks(pi, "Task_ConfirmItems")) {
      tasks.complete(t.getId(), new HashMap<>(Map.of("giveUpReason", "")));
    }
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_PublishReconfirmed");
    support.runDueJobs(pi);
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("End_Published");

    Reconfirmations.Reconfirmation r = reconfirmations.find(pi.getBusinessKey()).orElseThrow();
    assertThat(r.status()).isEqualTo("PUBLISHED");
    assertThat(catalogue.item(r.versionNo(), fresh.code())).isEmpty();
    assertThat(catalogue.item(r.versionNo(), "XZ-12")).isPresent();
    assertThat(catalogue.version(r.versionNo()).changeKind()).isEqualTo(ChangeKind.RECONFIRMATION);
    assertThat(catalogue.version(r.versionNo()).summary()).contains(year + " 年度确认", "取消 " + fresh.code());
    assertThat(reconfirmations.entries(pi.getBusinessKey(), "health")).filteredOn(e -> e.itemCode().equals(fresh.code()))
        .singleElement().satisfies(e -> {
          assertThat(e.decision()).isEqualTo("GIVE_UP");
          assertThat(e.decidedBy()).isEqualTo("weijian");
        });
    assertThat(notifier.forCase(pi.getBusinessKey())).hasSizeGreaterThanOrEqualTo(65);
  }

  @Test
  void theYearlyTimerOpensTheYearUnlessItWasStartedByHand() {
    int year = freeYear(2080);
    while (reconfirmations.exists(year + 1)) {
      year = freeYear(year + 1);
    }
    support.startAs("minzheng", ReconfirmationProcess.PROCESS_KEY, Map.of("confirmYear", year));

    long before = reconfirmations.all().size();

    assertThat(fireYearlyTimer(year)).isFalse();
    assertThat(reconfirmations.all()).hasSize((int) before);

    assertThat(fireYearlyTimer(year + 1)).isTrue();
    assertThat(reconfirmations.exists(year + 1)).isTrue();
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(ReconfirmationProcess.PROCESS_KEY)
        .variableValueEquals("confirmYear", year + 1).singleResult().getStartUserId()).isNull();
  }

  @Test
  void departmentsAreRemindedAndEscalatedAndBadYearsAreRefused() {
    int year = freeYear(2060);
    ProcessInstance pi = support.startAs("minzheng", ReconfirmationProcess.PROCESS_KEY, Map.of("confirmYear", year));
    support.fireTimer(pi, "Timer_ConfirmReminder");
    support.fireTimer(pi, "Timer_ConfirmOverdue");
    BpmnAwareTests.assertThat(pi).hasPassed("Task_RemindDepartments", "End_DepartmentsReminded",
        "Task_EscalateDepartments", "End_DepartmentsEscalated").isWaitingAt("Task_ConfirmItems");
    assertThat(notifier.forCase(pi.getBusinessKey())).anySatisfy(n -> {
      assertThat(n.recipientGroup()).isEqualTo("dept-health");
      assertThat(n.title()).startsWith("任务已逾期");
    });

    assertThatThrownBy(() -> support.startAs("minzheng", ReconfirmationProcess.PROCESS_KEY,
        Map.of("confirmYear", year))).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("已经发起");
    assertThatThrownBy(() -> support.startAs("minzheng", ReconfirmationProcess.PROCESS_KEY,
        Map.of("confirmYear", 1999))).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("2020");
  }

  /** Fires the yearly schedule in the given year; true when it started a re-confirmation. */
  private boolean fireYearlyTimer(int year) {
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(
        ReconfirmationProcess.SCHEDULE_KEY).latestVersion().singleResult().getId();
    JobDefinition timer = management.createJobDefinitionQuery().processDefinitionId(definitionId)
        .activityIdIn("Start_Yearly").singleResult();
    Job job = management.createJobQuery().jobDefinitionId(timer.getId()).singleResult();
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, 1, 15, 9, 0, 1).atZone(ZoneId.systemDefault())
        .toInstant()));
    management.executeJob(job.getId());
    var run = history.createHistoricProcessInstanceQuery().processDefinitionId(definitionId).finished()
        .orderByProcessInstanceStartTime().desc().list().get(0);
    assertThat(run.getEndActivityId()).isEqualTo("End_Scheduled");
    return (Boolean) history.createHistoricVariableInstanceQuery().processInstanceId(run.getId())
        .variableName(ReconfirmationProcess.STARTED).singleResult().getValue();
  }

  private int freeYear(int from) {
    int year = from;
    while (reconfirmations.exists(year)) {
      year++;
    }
    return year;
  }

  private CatalogueItem freshHealthItem() {
    String caseNo = "TEST-" + UUID.randomUUID().toString().substring(0, 8);
    CatalogueItem draft = new CatalogueItem(null, AdmissionTestSupport.freshName("协助"), ListType.ASSISTANCE, "health",
        null, "内容", Frequency.YEARLY, 8, BigDecimal.valueOf(500), false, false, false, caseNo,
        LocalDate.of(2026, 3, 1), List.of(), false);
    int v = catalogue.publish(new Publication(caseNo, ChangeKind.ADMISSION, "test", List.of(draft), List.of(), Set.of(),
        null)).versionNo();
    return catalogue.items(v).stream().filter(i -> caseNo.equals(i.admittedBy())).findFirst().orElseThrow();
  }
}
