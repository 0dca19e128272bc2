package cn.ronghe.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.browser.Browser;
import cn.ronghe.browser.BrowserTest;
import cn.ronghe.browser.CamundaForm;
import cn.ronghe.browser.LoginPage;
import cn.ronghe.browser.StartForm;
import cn.ronghe.browser.TaskView;
import cn.ronghe.browser.Tasklist;
import cn.ronghe.platform.calendar.WorkCalendar;
import cn.ronghe.support.Jobs;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The admission journey in Tasklist, as the people do it: 市卫健委 (weijian) applies from 发起流程 and is
 * first told in Chinese what is wrong; 民政局, 组织部 and 司法局 review in parallel, 娄东街道 gives its opinion, 民政局
 * holds the joint meeting, 市委 approves; the new matter then stands on the public catalogue page. Only the
 * publication job, which the job executor runs in production, is run by the test.
 */
@BrowserTest
class AdmissionBrowserJourneyTest {

  private static final String CHARS = "社区协助入户登记宣传排查走访慰问调查统计服务";

  @Autowired
  WorkCalendar calendar;
  @Autowired
  HistoryService history;
  @Autowired
  ManagementService management;

  @Test
  void aLineDepartmentsMatterIsReviewedByEveryBodyApprovedByTheCityAndPublished(Browser browser) {
    String matter = freshName();

    // --- 市卫健委 applies, first with a phone number the form refuses ---
    StartForm start = Tasklist.loginAs(browser, "weijian").startProcess("社区事项准入");
    CamundaForm form = start.form();
    form.fill("事项名称", matter)
        .choose("清单类型", "社区协助政府工作事项")
        .fill("工作内容（社区具体承担的工作）", "每季度协助入户核对家庭医生签约居民信息，汇总后报送街道")
        .choose("适用范围", "部分镇区（街道）的社区")
        .tick("涉及的镇区（街道）", "娄东街道")
        .date("拟开始日期（须至少提前 30 个工作日申请）", calendar.workingDays().plusWorkingDays(LocalDate.now(), 45))
        .choose("频次", "每季度")
        .fill("每个社区每年工作量（小时）", "16")
        .fill("每个社区每年经费（元；协助事项须按“费随事转”落实）", "2400")
        .fill("联系人", "顾丽")
        .fill("联系电话", "请打办公室电话");
    assertThat(form.waitForErrors("联系电话")).containsExactly("格式不正确。");
    assertThat(start.canStart()).as("发起 is disabled while the form shows an error").isFalse();
    browser.screenshot("application-invalid");
    form.fill("联系电话", "0512-53521234");
    browser.until(d -> form.errors("联系电话").isEmpty());
    start.start();
    assertThat(start.messages()).isEmpty();
    assertThat(start.isOpen()).isFalse();
    HistoricProcessInstance application = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey("matter-admission").variableValueEquals("matterName", matter).singleResult();
    assertThat(application).as("the application was started").isNotNull();
    String caseNo = application.getBusinessKey();
    assertThat(caseNo).startsWith("ZR-");

    // --- every reviewer finds the case in their filter, by its number and subject ---
    review(browser, "minzheng", "本部门待办", "必要性审查", caseNo, matter, "必要性审查结论", "同意",
        "必要性审查意见（不同意时写明理由）", "卫健部门入户力量不足，确需社区协助核对");
    review(browser, "zuzhibu", "本部门待办", "社区负担审查", caseNo, matter, "社区负担审查结论", "同意",
        "社区负担审查意见（不同意时写明理由）", "每季度一次，经费随事转移，负担可控");
    review(browser, "sifa", "本部门待办", "合法性审查", caseNo, matter, "合法性审查结论", "同意",
        "合法性审查意见（不同意时写明理由）", "符合《基本医疗卫生与健康促进法》有关规定");
    review(browser, "loudong", "本街道待办", "街道意见", caseNo, matter, "意见", "同意",
        "意见说明（有条件同意或不同意时必填）", "娄东街道各社区可以承担");

    TaskView meeting = openTask(browser, "minzheng", "本部门待办", "准入联席会议", caseNo, matter);
    meeting.form().date("会议日期", LocalDate.now()).choose("会议结论", "同意准入，报市委审批")
        .fill("会议纪要（决定及理由）", "联席会议研究同意准入，报市委审批");
    assertThat(meeting.complete()).isEmpty();

    TaskView approval = openTask(browser, "shiwei", "本部门待办", "市委审批", caseNo, matter);
    approval.form().choose("审批结论", "批准准入").fill("审批意见", "同意列入社区协助政府工作事项清单");
    assertThat(approval.complete()).isEmpty();

    // --- the job executor publishes the new catalogue version; anyone reads it ---
    Jobs.runDue(management, java.util.List.of(application.getId()));
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(application.getId()).singleResult()
        .getState()).isEqualTo("COMPLETED");
    browser.driver().manage().deleteAllCookies();
    browser.open("/public/catalogue");
    browser.withText(By.cssSelector("table.items td"), matter);
    assertThat(browser.driver().getPageSource()).contains("准入 " + caseNo);
    browser.script("Array.from(document.querySelectorAll('table.items td')).find(td => td.textContent.includes("
        + "arguments[0])).scrollIntoView({block: 'center'})", matter);
  }

  private static void review(Browser browser, String user, String filter, String step, String caseNo, String matter,
      String decisionLabel, String decision, String opinionLabel, String opinion) {
    TaskView task = openTask(browser, user, filter, step, caseNo, matter);
    task.form().choose(decisionLabel, decision).fill(opinionLabel, opinion);
    assertThat(task.complete()).as(user + " completes " + step).isEmpty();
  }

  /** Logs in as the user, finds the task by step, case number and subject in the filter, claims it. */
  private static TaskView openTask(Browser browser, String user, String filter, String step, String caseNo,
      String matter) {
    browser.driver().manage().deleteAllCookies();
    LoginPage.open(browser, "tasklist").signInAs(user);
    String name = step + " · " + caseNo + " · " + matter;
    Tasklist tasklist = Tasklist.current(browser).selectFilter(filter);
    assertThat(tasklist.waitForTask(name)).as("the card shows the case's columns").contains(caseNo, matter);
    TaskView task = tasklist.openTask(name);
    assertThat(task.name()).isEqualTo(name);
    return task.claim();
  }

  private static String freshName() {
    StringBuilder s = new StringBuilder("协助");
    for (int i = 0; i < 6; i++) {
      s.append(CHARS.charAt(ThreadLocalRandom.current().nextInt(CHARS.length())));
    }
    return s.append("核对").toString();
  }
}
