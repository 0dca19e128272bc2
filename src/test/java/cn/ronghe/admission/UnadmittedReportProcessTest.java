package cn.ronghe.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import cn.ronghe.admission.catalogue.CatalogueService;
import cn.ronghe.platform.notification.Notification;
import cn.ronghe.platform.notification.Notifier;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Both outcomes of {@code unadmitted-matter-report}, its timers, its checks and the repeat-offender report. */
@RongheSpringTest
class UnadmittedReportProcessTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;
  @Autowired
  AdmissionTestSupport support;
  @Autowired
  UnadmittedReports reports;
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
  void anUnadmittedMatterIsWithdrawnByTheDepartmentAndCountsAgainstIt() {
    ProcessInstance first = report("dongcang", "housing", "每周上报辖区餐饮店燃气安全排查台账");
    assertThat(first.getBusinessKey()).startsWith("FY-");
    BpmnAwareTests.assertThat(first).hasPassed("Task_MatchCatalogue").isWaitingAt("Task_VerifyReport");
    assertThat((String) runtime.getVariable(first.getId(), "catalogueMatches"))
        .contains("核对依据：社区事项清单第", "市住建局负责的清单事项", "XZ-27");
    assertThat(runtime.getVariable(first.getId(), "catalogueVersionInForce"))
        .isEqualTo(catalogue.inForceOn(support.today().minusDays(3)).orElseThrow().versionNo());
    verify(first, "UNADMITTED", null, "清单中的燃气安全事项仅为宣传，不含每周台账上报");
    BpmnAwareTests.assertThat(first).isWaitingAt("Task_ConfirmWithdrawal");
    assertThat(notifier.forCase(first.getBusinessKey())).anySatisfy(n -> {
      assertThat(n.recipientGroup()).isEqualTo("dept-housing");
      assertThat(n.title()).startsWith("请撤回");
    });
    support.complete(first, "Task_ConfirmWithdrawal", "zhujian", Map.of("withdrawalConfirmed", true,
        "withdrawalNote", "已发文撤回，改由燃气企业自行巡检"));
    BpmnAwareTests.assertThat(first).isEnded().hasPassed("Task_CloseWithdrawn", "End_Withdrawn");
    UnadmittedReports.Report r = reports.get(first.getBusinessKey());
    assertThat(r.status()).isEqualTo("CLOSED");
    assertThat(r.verdict()).isEqualTo("UNADMITTED");
    assertThat(r.withdrawnBy()).isEqualTo("zhujian");
    assertThat(notifier.forCase(first.getBusinessKey())).anySatisfy(n -> {
      assertThat(n.recipientGroup()).isEqualTo("community-dongcang");
      assertThat(n.body()).contains("已确认撤回");
    });

    ProcessInstance second = report("nanyuan", "housing", "要求社区逐户核查群租房并签订承诺书");
    verify(second, "UNADMITTED", null, "不在清单内");
    JsonNode offenders = RestClient.as(port, "zuzhibu").get("/api/admission/reports/repeat-offenders").json();
    assertThat(offenders.path("threshold").asInt()).isEqualTo(2);
    JsonNode housing = null;
    for (JsonNode o : offenders.path("offenders")) {
      if (o.path("departmentCode").asText().equals("housing")) {
        housing = o;
      }
    }
    assertThat(housing).isNotNull();
    assertThat(housing.path("departmentName").asText()).isEqualTo("市住建局");
    assertThat(housing.path("caseNos").toString()).contains(first.getBusinessKey(), second.getBusinessKey());
    assertThat(RestClient.as(port, "dongcang").get("/api/admission/reports/repeat-offenders").status()).isEqualTo(403);
    assertThat(RestClient.as(port, "dongcang").get("/api/admission/reports/" + first.getBusinessKey()).status())
        .isEqualTo(200);
    assertThat(RestClient.as(port, "taiping").get("/api/admission/reports/" + first.getBusinessKey()).status())
        .isEqualTo(403);
  }

  @Test
  void aMatterThatIsInTheCatalogueIsClosedWithTheItem() {
    ProcessInstance pi = report("taiping", "health", "通知辖区老年人参加年度健康体检");
    assertThatThrownBy(() -> verify(pi, "ADMITTED", "XZ-9999", "属清单内事项"))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("XZ-9999");
    assertThatThrownBy(() -> verify(pi, "ADMITTED", null, "属清单内事项"))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("对应的清单事项编号为必填项");
    verify(pi, "ADMITTED", "XZ-12", "属清单事项 XZ-12“协助组织老年人健康体检”");
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("Task_CloseInCatalogue", "End_InCatalogue")
        .hasNotPassed("Task_ConfirmWithdrawal");
    assertThat(notifier.forCase(pi.getBusinessKey())).anySatisfy(n -> {
      assertThat(n.recipientGroup()).isEqualTo("community-taiping");
      assertThat(n.body()).contains("XZ-12", "社区应按清单承担");
    });
  }

  @Test
  void verificationAndWithdrawalAreRemindedAndEscalated() {
    ProcessInstance pi = report("dongcang", "market", "要求社区每月上报个体工商户年报完成率");
    support.fireTimer(pi, "Timer_VerifyReminder");
    support.fireTimer(pi, "Timer_VerifyOverdue");
    verify(pi, "UNADMITTED", null, "不在清单内");
    support.fireTimer(pi, "Timer_WithdrawalReminder");
    support.fireTimer(pi, "Timer_WithdrawalOverdue");
    BpmnAwareTests.assertThat(pi).hasPassed("Task_RemindReport", "End_Reminded", "Task_EscalateReport",
        "End_Escalated").isWaitingAt("Task_ConfirmWithdrawal");
    assertThat(notifier.forCase(pi.getBusinessKey())).filteredOn(n -> n.title().startsWith("逾期督办"))
        .extracting(Notification::recipientGroup).containsOnly("org-dept").hasSize(2);
    assertThat(notifier.forCase(pi.getBusinessKey())).anySatisfy(n -> {
      assertThat(n.recipientGroup()).isEqualTo("dept-market");
      assertThat(n.title()).startsWith("任务已逾期");
    });
  }

  @Test
  void badReportsAndWithdrawalsAreRefused() {
    Map<String, Object> future = reportVariables("housing", "某事项");
    future.put("demandedOn", support.today().plusDays(2).toString());
    assertThatThrownBy(() -> support.startAs("dongcang", UnadmittedReportProcess.PROCESS_KEY, future))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("不能晚于今天");
    assertThatThrownBy(() -> support.startAs("dongcang", UnadmittedReportProcess.PROCESS_KEY,
        reportVariables("tax-office", "某事项"))).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("下派事项的部门");
    assertThatThrownBy(() -> support.startAs("weijian", UnadmittedReportProcess.PROCESS_KEY,
        reportVariables("housing", "某事项"))).isInstanceOf(Exception.class);

    ProcessInstance pi = report("dongcang", "housing", "要求社区每日拍照上报违规广告牌");
    verify(pi, "UNADMITTED", null, "不在清单内");
    assertThatThrownBy(() -> support.complete(pi, "Task_ConfirmWithdrawal", "zhujian",
        Map.of("withdrawalConfirmed", false, "withdrawalNote", "")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("须确认已撤回")
        .hasMessageContaining("撤回情况说明为必填项");
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ConfirmWithdrawal");
    assertThat(reports.get(pi.getBusinessKey()).status()).isEqualTo("AWAITING_WITHDRAWAL");
  }

  private ProcessInstance report(String community, String department, String matter) {
    return support.startAs(community, UnadmittedReportProcess.PROCESS_KEY, reportVariables(department, matter));
  }

  private Map<String, Object> reportVariables(String department, String matter) {
    Map<String, Object> v = new HashMap<>();
    v.put("departmentCode", department);
    v.put("matter", matter);
    v.put("demandedOn", support.today().minusDays(3).toString());
    v.put("evidence", "部门工作群 11 月 26 日通知，要求即日执行");
    return v;
  }

  private void verify(ProcessInstance pi, String verdict, String itemCode, String note) {
    Map<String, Object> v = new HashMap<>();
    v.put("verdict", verdict);
    v.put("matchedItemCode", itemCode);
    v.put("verificationNote", note);
    support.complete(pi, "Task_VerifyReport", "minzheng", v);
  }
}
