package cn.ronghe.admission;

import static cn.ronghe.admission.AdmissionTestSupport.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ronghe.RongheSpringTest;
import cn.ronghe.admission.catalogue.CatalogueItem;
import cn.ronghe.admission.catalogue.CatalogueService;
import cn.ronghe.admission.catalogue.ChangeKind;
import cn.ronghe.admission.catalogue.Frequency;
import cn.ronghe.admission.catalogue.ListType;
import cn.ronghe.admission.catalogue.Publication;
import cn.ronghe.platform.notification.Notification;
import cn.ronghe.platform.notification.Notifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of {@code catalogue-change}, on items each test publishes for itself. */
@RongheSpringTest
class CatalogueChangeProcessTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  AdmissionTestSupport support;
  @Autowired
  CatalogueService catalogue;
  @Autowired
  ChangeRequests requests;
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
  void aRevocationIsReviewedAndPublishedWithoutTheCityCommittee() {
    CatalogueItem item = freshItem(List.of("loudong"));
    ProcessInstance pi = start("weijian", Map.of("itemCode", item.code(), "changeType", "REVOKE",
        "changeReason", "该工作已由区域卫生信息平台自动完成"));
    assertThat(pi.getBusinessKey()).startsWith("BG-");
    approveReviews(pi);
    BpmnAwareTests.assertThat(pi).hasPassed("Gateway_NeedsCityApproval").isWaitingAt("Task_PublishChange");
    support.runDueJobs(pi);
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("End_Changed").hasNotPassed("Task_CityApproval");
    int version = catalogue.currentOrFail().versionNo();
    assertThat(catalogue.item(version, item.code())).isEmpty();
    assertThat(catalogue.version(version).summary()).contains("取消 " + item.code());
    assertThat(requests.get(pi.getBusinessKey()).status()).isEqualTo(ChangeRequests.Status.APPROVED);
    assertThat(notifier.forCase(pi.getBusinessKey())).extracting(Notification::recipientGroup)
        .contains("dept-health", "community-dongcang").doesNotContain("community-taiping");
  }

  @Test
  void aChangeThatAddsWorkNeedsTheCityCommitteeAndIsPublishedFieldByField() {
    CatalogueItem item = freshItem(List.of());
    ProcessInstance pi = start("weijian", Map.of("itemCode", item.code(), "changeType", "CHANGE",
        "changeReason", "体检人群扩大到 60 岁以上", "newWorkloadHours", 40, "newFunding", 3000));
    assertThat(requests.get(pi.getBusinessKey()).addsBurden()).isTrue();
    approveReviews(pi);
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_CityApproval");
    support.complete(pi, "Task_CityApproval", "shiwei", Map.of("cityDecision", "APPROVE", "cityReason", "同意"));
    support.runDueJobs(pi);
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("Task_PublishChange", "End_Changed");
    int version = requests.get(pi.getBusinessKey()).versionNo();
    CatalogueItem changed = catalogue.item(version, item.code()).orElseThrow();
    assertThat(changed.workloadHours()).isEqualTo(40);
    assertThat(changed.funding()).isEqualByComparingTo("3000");
    assertThat(changed.name()).isEqualTo(item.name());
    assertThat(catalogue.diff(version - 1, version).changed()).singleElement()
        .satisfies(c -> assertThat(c.fields()).extracting(f -> f.field())
            .containsExactlyInAnyOrder("workloadHours", "funding"));
  }

  @Test
  void aLighteningChangeByTheCatalogueOfficeSkipsTheCityCommittee() {
    CatalogueItem item = freshItem(List.of());
    ProcessInstance pi = start("minzheng", Map.of("itemCode", item.code(), "changeType", "CHANGE",
        "changeReason", "经费标准提高", "newFunding", 5000, "newFrequency", "YEARLY"));
    approveReviews(pi);
    support.runDueJobs(pi);
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("End_Changed").hasNotPassed("Task_CityApproval");
    assertThat(requests.get(pi.getBusinessKey()).applicantGroup()).isEqualTo("civil-affairs");
  }

  @Test
  void aReviewerOrTheCityCommitteeMayRefuseAndTheCatalogueStaysAsItIs() {
    CatalogueItem item = freshItem(List.of());
    ProcessInstance refused = start("weijian", Map.of("itemCode", item.code(), "changeType", "REVOKE",
        "changeReason", "不再需要"));
    support.complete(refused, "Task_ReviewNecessity", "minzheng", decision("necessityDecision", "REJECT",
        "necessityOpinion", "该事项仍有必要，社区反映良好"));
    support.complete(refused, "Task_ReviewLegality", "sifa", decision("legalityDecision", "APPROVE",
        "legalityOpinion", "无异议"));
    BpmnAwareTests.assertThat(refused).isEnded().hasPassed("Task_CloseRejected", "End_NotChanged");
    assertThat(requests.get(refused.getBusinessKey()).statusReason()).contains("该事项仍有必要");
    assertThat(notifier.forCase(refused.getBusinessKey())).anySatisfy(n ->
        assertThat(n.recipientGroup()).isEqualTo("dept-health"));

    ProcessInstance byCity = start("weijian", Map.of("itemCode", item.code(), "changeType", "CHANGE",
        "changeReason", "增加入户频次", "newFrequency", "MONTHLY"));
    approveReviews(byCity);
    support.complete(byCity, "Task_CityApproval", "shiwei", Map.of("cityDecision", "REJECT", "cityReason",
        "不同意增加社区负担"));
    BpmnAwareTests.assertThat(byCity).isEnded().hasPassed("End_NotChanged");
    assertThat(catalogue.item(catalogue.currentOrFail().versionNo(), item.code()).orElseThrow().frequency())
        .isEqualTo(Frequency.YEARLY);
  }

  @Test
  void reviewsAndTheCityCommitteeAreRemindedAndEscalated() {
    CatalogueItem item = freshItem(List.of());
    ProcessInstance pi = start("weijian", Map.of("itemCode", item.code(), "changeType", "CHANGE",
        "changeReason", "内容调整", "newContent", "通知并协助行动不便的老年人预约上门体检"));
    for (String timer : List.of("Timer_NecessityReminder", "Timer_LegalityReminder", "Timer_NecessityOverdue",
        "Timer_LegalityOverdue")) {
      support.fireTimer(pi, timer);
    }
    BpmnAwareTests.assertThat(pi).hasPassed("Task_RemindReviewers", "End_ReviewersReminded",
        "Task_EscalateReviewers", "End_ReviewersEscalated");
    approveReviews(pi);
    support.fireTimer(pi, "Timer_CityReminder");
    support.fireTimer(pi, "Timer_CityOverdue");
    BpmnAwareTests.assertThat(pi).hasPassed("End_CityReminded", "End_CityEscalated").isWaitingAt("Task_CityApproval");
    assertThat(notifier.forCase(pi.getBusinessKey())).filteredOn(n -> n.title().startsWith("逾期督办"))
        .extracting(Notification::recipientGroup).containsOnly("org-dept").hasSize(3);
  }

  @Test
  void requestsThatCouldNotBePublishedAreRefusedAtOnce() {
    CatalogueItem item = freshItem(List.of());
    assertThatThrownBy(() -> start("weijian", Map.of("itemCode", "XZ-9999", "changeType", "REVOKE",
        "changeReason", "x"))).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("没有事项 XZ-9999");
    assertThatThrownBy(() -> start("zhujian", Map.of("itemCode", item.code(), "changeType", "REVOKE",
        "changeReason", "x"))).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("市卫健委负责");
    assertThatThrownBy(() -> start("weijian", Map.of("itemCode", item.code(), "changeType", "CHANGE",
        "changeReason", "x", "newFrequency", "YEARLY"))).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("未提出任何变更");
    assertThatThrownBy(() -> start("weijian", Map.of("itemCode", item.code(), "changeType", "CHANGE",
        "changeReason", "x", "newContent", "配合开展招商引资走访"))).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("招商引资");
    start("weijian", Map.of("itemCode", item.code(), "changeType", "REVOKE", "changeReason", "第一份申请"));
    assertThatThrownBy(() -> start("weijian", Map.of("itemCode", item.code(), "changeType", "REVOKE",
        "changeReason", "第二份申请"))).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("已有办理中的");
  }

  private ProcessInstance start(String user, Map<String, Object> variables) {
    return support.startAs(user, CatalogueChangeProcess.PROCESS_KEY, new HashMap<>(variables));
  }

  private void approveReviews(ProcessInstance pi) {
    support.complete(pi, "Task_ReviewNecessity", "minzheng", decision("necessityDecision", "APPROVE",
        "necessityOpinion", "同意"));
    support.complete(pi, "Task_ReviewLegality", "sifa", decision("legalityDecision", "APPROVE",
        "legalityOpinion", "合法"));
  }

  /** A 市卫健委 item of its own, published for the test. */
  private CatalogueItem freshItem(List<String> streets) {
    String caseNo = "TEST-" + UUID.randomUUID().toString().substring(0, 8);
    CatalogueItem draft = new CatalogueItem(null, AdmissionTestSupport.freshName("协助"), ListType.ASSISTANCE, "health",
        null, "通知老年人参加体检", Frequency.YEARLY, 24, BigDecimal.valueOf(2000), false, false, false, caseNo,
        LocalDate.of(2026, 3, 1), streets, false);
    int version = catalogue.publish(new Publication(caseNo, ChangeKind.ADMISSION, "test", List.of(draft), List.of(),
        Set.of(), null)).versionNo();
    return catalogue.items(version).stream().filter(i -> caseNo.equals(i.admittedBy())).findFirst().orElseThrow();
  }
}
