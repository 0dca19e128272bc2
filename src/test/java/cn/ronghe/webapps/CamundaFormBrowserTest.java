package cn.ronghe.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.browser.Browser;
import cn.ronghe.browser.BrowserTest;
import cn.ronghe.browser.CamundaForm;
import cn.ronghe.browser.LoginPage;
import cn.ronghe.browser.StartForm;
import cn.ronghe.browser.TaskView;
import cn.ronghe.browser.Tasklist;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A case started from Tasklist with a Camunda start form and worked in a task form (test-only process
 * {@code testprocess/form-case.bpmn}): the messages a person sees are Chinese, whether form-js refuses a
 * value in the browser or the server refuses it, and what was entered reaches the next person's form.
 */
@BrowserTest
class CamundaFormBrowserTest {

  private static final String PROCESS = "test-form-case";

  @Autowired
  RepositoryService repository;
  @Autowired
  AuthorizationService authorizations;
  @Autowired
  HistoryService history;

  @BeforeEach
  void weijianMayStartTheTestCase() {
    repository.createDeployment().name(PROCESS).enableDuplicateFiltering(true)
        .addClasspathResource("testprocess/form-case.bpmn")
        .addClasspathResource("testprocess/form-case-start.form")
        .addClasspathResource("testprocess/form-case-review.form").deploy();
    grant("weijian", Resources.PROCESS_DEFINITION, PROCESS, Permissions.CREATE_INSTANCE);
    grant("weijian", Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
  }

  @Test
  void aCaseIsStartedWithChineseValidationAndReviewedByTheCommunity(Browser browser) {
    String matter = "楼道堆物清理" + UUID.randomUUID().toString().substring(0, 4);
    StartForm start = Tasklist.loginAs(browser, "weijian").startProcess("测试：社区事项登记");
    CamundaForm form = start.form();
    assertThat(form.placeholder("承办社区")).isEqualTo("请选择");

    form.fill("事项名称", "社区事项名称写得太长已经超过了二十个字的上限").fill("份数", "0");
    assertThat(form.waitForErrors("事项名称")).containsExactly("不能超过 20 个字。");
    assertThat(form.waitForErrors("份数")).containsExactly("不能小于 1。");
    assertThat(start.canStart()).as("发起 is disabled while the form shows errors").isFalse();
    browser.screenshot("start-form-invalid");

    form.fill("事项名称", TestCaseInput.RESERVED_NAME).fill("份数", "2").choose("承办社区", "东仓社区");
    assertThat(form.errors("事项名称")).isEmpty();
    start.start();
    assertThat(start.isOpen()).as("the server refused the start").isTrue();
    assertThat(String.join(" ", start.messages())).contains("事项名称“重复事项”已在准入清单中");
    browser.screenshot("start-refused-by-server");
    assertThat(startedWith(TestCaseInput.RESERVED_NAME)).isNull();

    form.fill("事项名称", matter);
    start.start();
    assertThat(start.isOpen()).isFalse();
    assertThat(startedWith(matter)).isNotNull();

    browser.driver().manage().deleteAllCookies();
    LoginPage.open(browser, "tasklist").signInAs("dongcang");
    TaskView task = Tasklist.current(browser).selectFilter("本社区待办").openTask("复核 · " + matter);
    assertThat(task.name()).isEqualTo("复核 · " + matter);
    assertThat(task.claim().form().value("事项名称")).as("what weijian entered").isEqualTo(matter);
    task.form().choose("复核结论", "同意").fill("复核意见", "已现场核实，同意纳入。");
    assertThat(task.complete()).isEmpty();

    HistoricProcessInstance done = startedWith(matter);
    assertThat(done.getState()).isEqualTo("COMPLETED");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(done.getId()).variableName("outcome")
        .singleResult().getValue()).isEqualTo("approve");
  }

  private HistoricProcessInstance startedWith(String matterName) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS)
        .variableValueEquals("matterName", matterName).singleResult();
  }

  private void grant(String user, Resource resource, String resourceId, Permission permission) {
    if (authorizations.createAuthorizationQuery().userIdIn(user).resourceType(resource).resourceId(resourceId)
        .hasPermission(permission).count() > 0) {
      return;
    }
    Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    a.setUserId(user);
    a.setResource(resource);
    a.setResourceId(resourceId);
    a.addPermission(permission);
    authorizations.saveAuthorization(a);
  }
}
