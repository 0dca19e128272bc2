package cn.ronghe.admission;

import static cn.ronghe.admission.AdmissionTestSupport.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ronghe.RongheSpringTest;
import cn.ronghe.admission.catalogue.CatalogueItem;
import cn.ronghe.admission.catalogue.CatalogueService;
import cn.ronghe.admission.catalogue.CatalogueVersion;
import cn.ronghe.platform.audit.AuditEntry;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.notification.Notification;
import cn.ronghe.platform.notification.Notifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of {@code matter-admission}, worked by the demo users with the job executor off. */
@RongheSpringTest
class MatterAdmissionProcessTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;
  @Autowired
  HistoryService history;
  @Autowired
  AdmissionTestSupport support;
  @Autowired
  ApplicationRepository applications;
  @Autowired
  CatalogueService catalogue;
  @Autowired
  DecisionLog decisions;
  @Autowired
  Notifier notifier;
  @Autowired
  PublishAdmittedMatter publishAdmittedMatter;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aSoundApplicationIsReviewedApprovedByTheCityCommitteeAndPublishedOnce() {
    String name = AdmissionTestSupport.freshName("协助开展");
    ProcessInstance pi = support.startAs("weijian", support.application(name));
    String caseNo = pi.getBusinessKey();
    assertThat(caseNo).matches("ZR-\\d{4}-\\d{4}");
    BpmnAwareTests.assertThat(pi).hasPassed("Task_CheckApplication").isWaitingAt("Task_ReviewNecessity",
        "Task_ReviewBurden", "Task_ReviewLegality");
    assertThat(applications.get(caseNo).status()).isEqualTo(ApplicationRepository.Status.IN_REVIEW);
    assertThat(applications.get(caseNo).applicantDept()).isEqualTo("health");

    approveReviews(pi);
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_StreetOpinion");
    assertThat(support.openTasks(pi, "Task_StreetOpinion")).hasSize(2);
    streetOpinion(pi, "loudong", "AGREE", null);
    streetOpinion(pi, "chengxiang", "AGREE_WITH_CONDITIONS", "请同步配备网格员协助");
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_JointMeeting");
    assertThat(runtime.getVariable(pi.getId(), "reviewSummary").toString())
        .contains("市民政局（必要性）：同意", "城厢镇：有条件同意 — 请同步配备网格员协助", "娄东街道：同意");

    meeting(pi, "APPROVE");
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_CityApproval");
    assertThat(applications.get(caseNo).status()).isEqualTo(ApplicationRepository.Status.CITY_APPROVAL);
    int before = catalogue.currentOrFail().versionNo();
    city(pi, "APPROVE");
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_PublishCatalogueVersion");
    support.runDueJobs(pi);

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("Task_PublishCatalogueVersion", "Task_NotifyApproved",
        "End_Approved");
    ApplicationRepository.Record done = applications.get(caseNo);
    assertThat(done.status()).isEqualTo(ApplicationRepository.Status.APPROVED);
    CatalogueVersion version = catalogue.version(done.versionNo());
    assertThat(version.versionNo()).isGreaterThan(before);
    assertThat(version.sourceCaseNo()).isEqualTo(caseNo);
    CatalogueItem item = catalogue.item(version.versionNo(), done.itemCode()).orElseThrow();
    assertThat(item.name()).isEqualTo(name);
    assertThat(item.admittedBy()).isEqualTo(caseNo);
    assertThat(item.scopeStreets()).containsExactly("loudong", "chengxiang");
    assertThat(item.departmentCode()).isEqualTo("health");

    List<Notification> sent = notifier.forCase(caseNo);
    assertThat(sent).extracting(Notification::recipientGroup).contains("dept-health", "community-dongcang",
        "community-taiping").doesNotContain("community-shaxi");
    assertThat(decisions.forCase(caseNo)).extracting(AuditEntry::decision)
        .containsSubsequence("SUBMITTED", "PASS", "APPROVE", "AGREE", "APPROVE", "APPROVE", "PUBLISHED");
    assertThat(decisions.forCase(caseNo)).filteredOn(e -> e.step().equals("Task_CityApproval"))
        .singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("shiwei"));

    // A retried publication job finds the version it made and adds nothing.
    publishAdmittedMatter.execute(retriedExecution(caseNo, pi.getId()));
    assertThat(catalogue.versions().stream().filter(v -> caseNo.equals(v.sourceCaseNo()))).hasSize(1);
    assertThat(catalogue.items(catalogue.currentOrFail().versionNo()).stream()
        .filter(i -> caseNo.equals(i.admittedBy()))).hasSize(1);
  }

  @Test
  void aBannedCategoryIsRejectedAtOnceWithTheReason() {
    Map<String, Object> v = support.application(AdmissionTestSupport.freshName("协助街道招商引资"));
    ProcessInstance pi = support.startAs("zhujian", v);
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("Task_NotifyRejected", "End_Rejected")
        .hasNotPassed("Task_ReviewNecessity");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("rejectionStage").singleResult().getValue()).isEqualTo("自动审查");
    ApplicationRepository.Record r = applications.get(pi.getBusinessKey());
    assertThat(r.status()).isEqualTo(ApplicationRepository.Status.REJECTED);
    assertThat(r.statusReason()).contains("招商引资");
    assertThat(notifier.forCase(pi.getBusinessKey())).anySatisfy(n -> {
      assertThat(n.recipientGroup()).isEqualTo("dept-housing");
      assertThat(n.body()).contains("招商引资");
    });
  }

  @Test
  void aDuplicateOfACatalogueItemIsRejectedNamingTheItem() {
    ProcessInstance pi = support.startAs("weijian", support.application("协助开展老年人健康体检组织工作"));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("End_Rejected");
    assertThat(applications.get(pi.getBusinessKey()).statusReason()).contains("XZ-12", "协助组织老年人健康体检", "重复");
  }

  @Test
  void aReturnedApplicationIsCorrectedAndThenPasses() {
    Map<String, Object> v = support.application(AdmissionTestSupport.freshName("协助开展"));
    v.put("listType", "BY_LAW");
    v.put("expectedStart", support.today().plusDays(3).toString());
    ProcessInstance pi = support.startAs("weijian", v);
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_CorrectApplication");
    String problems = (String) runtime.getVariable(pi.getId(), "checkProblems");
    assertThat(problems).contains("法律、法规依据", "须至少提前 30 个工作日");
    assertThat(applications.get(pi.getBusinessKey()).status()).isEqualTo(ApplicationRepository.Status.RETURNED);
    assertThat(notifier.forCase(pi.getBusinessKey())).anySatisfy(n -> assertThat(n.title()).contains("退回补正"));

    Map<String, Object> corrected = support.application((String) v.get("matterName"));
    corrected.put("listType", "BY_LAW");
    corrected.put("legalBasis", "《中华人民共和国城市居民委员会组织法》第三条");
    corrected.put("correctionAction", "RESUBMIT");
    support.complete(pi, "Task_CorrectApplication", "weijian", corrected);
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ReviewNecessity", "Task_ReviewBurden", "Task_ReviewLegality");
    assertThat(runtime.getVariable(pi.getId(), "returnCount")).isEqualTo(1);
    assertThat(applications.get(pi.getBusinessKey()).application().legalBasis()).contains("组织法");
  }

  @Test
  void aNearDuplicateIsReturnedUntilTheDifferenceIsExplained() {
    Map<String, Object> v = support.application("协助开展失能老年人健康体检");
    ProcessInstance pi = support.startAs("weijian", v);
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_CorrectApplication");
    assertThat((String) runtime.getVariable(pi.getId(), "checkProblems")).contains("XZ-12", "近似");
    assertThat((String) runtime.getVariable(pi.getId(), "checkClosestItem")).startsWith("XZ-12");
    v.put("distinctionNote", "本事项为失能老人上门体检，原事项为通知老年人到卫生服务站集中体检");
    v.put("correctionAction", "RESUBMIT");
    support.complete(pi, "Task_CorrectApplication", "weijian", v);
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ReviewNecessity", "Task_ReviewBurden", "Task_ReviewLegality");
  }

  @Test
  void anApplicationReturnedThreeTimesLapsesOnTheFourthFailure() {
    Map<String, Object> v = support.application(AdmissionTestSupport.freshName("协助开展"));
    v.remove("funding");
    ProcessInstance pi = support.startAs("weijian", v);
    for (int i = 1; i <= 3; i++) {
      BpmnAwareTests.assertThat(pi).isWaitingAt("Task_CorrectApplication");
      assertThat(runtime.getVariable(pi.getId(), "returnCount")).isEqualTo(i);
      Map<String, Object> again = new HashMap<>(v);
      again.put("correctionAction", "RESUBMIT");
      support.complete(pi, "Task_CorrectApplication", "weijian", again);
    }
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("Task_CloseUnadmitted", "End_Closed");
    ApplicationRepository.Record r = applications.get(pi.getBusinessKey());
    assertThat(r.status()).isEqualTo(ApplicationRepository.Status.LAPSED);
    assertThat(r.statusReason()).contains("已退回补正 3 次", "费随事转");
  }

  @Test
  void aReturnedApplicationNotCorrectedInTimeLapsesAfterAReminder() {
    Map<String, Object> v = support.application(AdmissionTestSupport.freshName("协助开展"));
    v.put("funding", 0);
    ProcessInstance pi = support.startAs("weijian", v);
    support.fireTimer(pi, "Timer_CorrectionReminder");
    BpmnAwareTests.assertThat(pi).hasPassed("Task_RemindApplicant").isWaitingAt("Task_CorrectApplication");
    assertThat(notifier.forCase(pi.getBusinessKey())).anySatisfy(n -> {
      assertThat(n.recipientGroup()).isEqualTo("dept-health");
      assertThat(n.title()).startsWith("任务即将到期");
    });
    support.fireTimer(pi, "Timer_CorrectionExpired");
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("Task_CloseUnadmitted");
    assertThat(applications.get(pi.getBusinessKey()).statusReason()).contains("未在补正期限内");
  }

  @Test
  void theApplicantMayWithdrawInsteadOfCorrecting() {
    Map<String, Object> v = support.application(AdmissionTestSupport.freshName("协助开展"));
    v.remove("funding");
    ProcessInstance pi = support.startAs("weijian", v);
    support.complete(pi, "Task_CorrectApplication", "weijian",
        Map.of("correctionAction", "WITHDRAW", "withdrawReason", "改由卫健部门自行入户完成"));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("End_Closed");
    ApplicationRepository.Record r = applications.get(pi.getBusinessKey());
    assertThat(r.status()).isEqualTo(ApplicationRepository.Status.WITHDRAWN);
    assertThat(r.statusReason()).contains("改由卫健部门自行入户完成");
    assertThat(decisions.forCase(pi.getBusinessKey())).anySatisfy(e -> {
      assertThat(e.decision()).isEqualTo("WITHDRAW");
      assertThat(e.actor()).isEqualTo("weijian");
    });
  }

  @Test
  void aReviewerRejectionEndsTheCaseWithTheReviewersReasons() {
    ProcessInstance pi = support.startAs("weijian", support.application(AdmissionTestSupport.freshName("协助开展")));
    support.complete(pi, "Task_ReviewNecessity", "minzheng", decision("necessityDecision", "APPROVE",
        "necessityOpinion", "确需社区协助"));
    support.complete(pi, "Task_ReviewBurden", "zuzhibu", decision("burdenDecision", "APPROVE", "burdenOpinion",
        "工作量可控"));
    support.complete(pi, "Task_ReviewLegality", "sifa", decision("legalityDecision", "REJECT", "legalityOpinion",
        "要求社区采集个人健康信息缺乏法律授权"));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("End_ReviewRejected", "Task_NotifyRejected", "End_Rejected")
        .hasNotPassed("Task_StreetOpinion");
    ApplicationRepository.Record r = applications.get(pi.getBusinessKey());
    assertThat(r.status()).isEqualTo(ApplicationRepository.Status.REJECTED);
    assertThat(r.statusReason()).isEqualTo("部门审查：市司法局（合法性）：要求社区采集个人健康信息缺乏法律授权");
  }

  @Test
  void theJointMeetingMayRejectAfterTheStreetsGaveTheirOpinions() {
    ProcessInstance pi = toJointMeeting();
    meeting(pi, "REJECT");
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("End_ReviewDone", "End_Rejected").hasNotPassed("Task_CityApproval");
    assertThat(applications.get(pi.getBusinessKey()).statusReason()).startsWith("准入联席会议：");
  }

  @Test
  void theCityCommitteeMayRejectAndNothingIsPublished() {
    ProcessInstance pi = toJointMeeting();
    meeting(pi, "APPROVE");
    int versions = catalogue.versions().size();
    city(pi, "REJECT");
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("End_Rejected").hasNotPassed("Task_PublishCatalogueVersion");
    assertThat(catalogue.versions().stream().filter(v -> pi.getBusinessKey().equals(v.sourceCaseNo()))).isEmpty();
    assertThat(catalogue.versions().size()).isGreaterThanOrEqualTo(versions);
    assertThat(applications.get(pi.getBusinessKey()).statusReason()).startsWith("市委审批：");
  }

  @Test
  void aStreetThatDoesNotAnswerInTimeIsRecordedAsNoOpinion() {
    ProcessInstance pi = support.startAs("weijian", support.application(AdmissionTestSupport.freshName("协助开展")));
    approveReviews(pi);
    streetOpinion(pi, "loudong", "DISAGREE", "娄东街道社区已承担同类入户任务");
    support.fireTimer(pi, "Timer_StreetOpinionReminder");
    assertThat(notifier.forCase(pi.getBusinessKey())).anySatisfy(n -> {
      assertThat(n.recipientGroup()).isEqualTo("street-chengxiang");
      assertThat(n.title()).startsWith("任务即将到期");
    });
    support.fireTimer(pi, "Timer_StreetOpinionDeadline");
    BpmnAwareTests.assertThat(pi).hasPassed("Task_RecordNoOpinion").isWaitingAt("Task_JointMeeting");
    assertThat(support.openTasks(pi, "Task_StreetOpinion")).isEmpty();
    assertThat(runtime.getVariable(pi.getId(), "reviewSummary").toString())
        .contains("城厢镇：无意见（逾期未答复）", "娄东街道：不同意 — 娄东街道社区已承担同类入户任务");
    assertThat(decisions.forCase(pi.getBusinessKey())).anySatisfy(e -> {
      assertThat(e.decision()).isEqualTo("NO_OPINION");
      assertThat(e.actor()).isEqualTo("system");
    });
  }

  @Test
  void everyReviewStepIsRemindedAndEscalatedWhenOverdue() {
    ProcessInstance pi = support.startAs("weijian", support.application(AdmissionTestSupport.freshName("协助开展")));
    String caseNo = pi.getBusinessKey();
    for (String timer : List.of("Timer_NecessityReminder", "Timer_BurdenReminder", "Timer_LegalityReminder")) {
      support.fireTimer(pi, timer);
    }
    BpmnAwareTests.assertThat(pi).hasPassed("Task_RemindReviewers");
    for (String timer : List.of("Timer_NecessityOverdue", "Timer_BurdenOverdue", "Timer_LegalityOverdue")) {
      support.fireTimer(pi, timer);
    }
    BpmnAwareTests.assertThat(pi).hasPassed("Task_EscalateReviewers", "End_ReviewersEscalated")
        .isWaitingAt("Task_ReviewNecessity", "Task_ReviewBurden", "Task_ReviewLegality");
    assertThat(notifier.forCase(caseNo)).extracting(Notification::recipientGroup)
        .contains("civil-affairs", "justice-bureau");
    assertThat(notifier.forCase(caseNo)).filteredOn(n -> n.title().startsWith("逾期督办"))
        .extracting(Notification::recipientGroup).containsOnly("org-dept").hasSize(3);
    assertThat(decisions.forCase(caseNo)).filteredOn(e -> e.decision().equals("ESCALATED")).hasSize(3);

    approveReviews(pi);
    streetOpinion(pi, "loudong", "AGREE", null);
    streetOpinion(pi, "chengxiang", "AGREE", null);
    support.fireTimer(pi, "Timer_MeetingReminder");
    support.fireTimer(pi, "Timer_MeetingOverdue");
    support.fireTimer(pi, "Timer_ReviewWindow");
    BpmnAwareTests.assertThat(pi).hasPassed("Task_EscalateReviewWindow", "End_ReviewWindowEscalated");
    assertThat(notifier.forCase(caseNo)).anySatisfy(n -> assertThat(n.title()).isEqualTo("准入审查超时：" + caseNo));
    meeting(pi, "APPROVE");
    support.fireTimer(pi, "Timer_CityReminder");
    support.fireTimer(pi, "Timer_CityOverdue");
    BpmnAwareTests.assertThat(pi).hasPassed("Task_RemindCity", "End_CityReminded", "Task_EscalateCity",
        "End_CityEscalated").isWaitingAt("Task_CityApproval");
    assertThat(notifier.forCase(caseNo)).filteredOn(n -> "city-committee".equals(n.recipientGroup()))
        .extracting(Notification::title).anySatisfy(t -> assertThat(t).startsWith("任务即将到期"))
        .anySatisfy(t -> assertThat(t).startsWith("任务已逾期"));
  }

  @Test
  void badInputIsRefusedWithEveryProblemAndNothingIsStored() {
    Map<String, Object> v = support.application(AdmissionTestSupport.freshName("协助开展"));
    v.remove("matterName");
    v.put("workloadHours", "很多");
    v.put("targetStreets", List.of("loudong", "atlantis"));
    long before = history.createHistoricProcessInstanceQuery().processDefinitionKey("matter-admission").count();
    assertThatThrownBy(() -> support.startAs("weijian", v)).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("事项名称为必填项").hasMessageContaining("须为整数").hasMessageContaining("atlantis");
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("matter-admission").count())
        .isEqualTo(before);

    assertThatThrownBy(() -> support.startAs("dongcang", support.application("社区自己申请"))).isInstanceOf(Exception.class);

    ProcessInstance pi = support.startAs("weijian", support.application(AdmissionTestSupport.freshName("协助开展")));
    assertThatThrownBy(() -> support.complete(pi, "Task_ReviewLegality", "sifa",
        decision("legalityDecision", "MAYBE", "legalityOpinion", "")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("合法性审查结论");
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ReviewLegality");
    assertThat(decisions.forCase(pi.getBusinessKey())).noneMatch(e -> e.step().equals("Task_ReviewLegality"));
  }

  private ProcessInstance toJointMeeting() {
    ProcessInstance pi = support.startAs("weijian", support.application(AdmissionTestSupport.freshName("协助开展")));
    approveReviews(pi);
    streetOpinion(pi, "loudong", "AGREE", null);
    streetOpinion(pi, "chengxiang", "AGREE", null);
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_JointMeeting");
    return pi;
  }

  private void approveReviews(ProcessInstance pi) {
    support.complete(pi, "Task_ReviewNecessity", "minzheng", decision("necessityDecision", "APPROVE",
        "necessityOpinion", "确需社区协助，部门无法独立完成"));
    support.complete(pi, "Task_ReviewBurden", "zuzhibu", decision("burdenDecision", "APPROVE", "burdenOpinion",
        "每季度一次，工作量可控，经费已落实"));
    support.complete(pi, "Task_ReviewLegality", "sifa", decision("legalityDecision", "APPROVE", "legalityOpinion",
        "不违反法律法规"));
  }

  private void streetOpinion(ProcessInstance pi, String user, String opinion, String comment) {
    Map<String, Object> v = new HashMap<>();
    v.put("streetOpinion", opinion);
    v.put("streetComment", comment);
    support.complete(pi, "Task_StreetOpinion", user, v);
  }

  private void meeting(ProcessInstance pi, String decision) {
    support.complete(pi, "Task_JointMeeting", "minzheng", Map.of("meetingDecision", decision,
        "meetingMinutes", "APPROVE".equals(decision) ? "会议同意准入，报市委审批" : "会议认为应由部门自行承担，不予准入",
        "meetingDate", support.today().toString()));
  }

  private void city(ProcessInstance pi, String decision) {
    support.complete(pi, "Task_CityApproval", "shiwei", Map.of("cityDecision", decision, "cityReason",
        "APPROVE".equals(decision) ? "同意列入社区协助政府工作事项清单" : "暂不增加社区负担"));
  }

  private static DelegateExecution retriedExecution(String caseNo, String pid) {
    DelegateExecution e = Mockito.mock(DelegateExecution.class);
    Mockito.when(e.getProcessBusinessKey()).thenReturn(caseNo);
    Mockito.when(e.getProcessInstanceId()).thenReturn(pid);
    Mockito.when(e.getProcessDefinitionId()).thenReturn("matter-admission:1:x");
    Mockito.when(e.getCurrentActivityId()).thenReturn("Task_PublishCatalogueVersion");
    Mockito.when(e.getVariable("cityApprover")).thenReturn("shiwei");
    return e;
  }
}
