package cn.ronghe.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.browser.Browser;
import cn.ronghe.browser.BrowserTest;
import cn.ronghe.browser.Tasklist;
import cn.ronghe.platform.process.CaseVariables;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A community caseworker's inbox in Tasklist: their filters, their community's task, never another's. The
 * task names carry the case number, as the real processes' do.
 */
@BrowserTest
class CommunityInboxBrowserTest {

  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;

  String dongcangCase;
  String nanyuanCase;

  @BeforeEach
  void aTaskForEachOfTwoCommunitiesOfOneStreet() {
    repository.createDeployment().name("test-community-inbox-task").enableDuplicateFiltering(true)
        .addClasspathResource("testprocess/community-inbox-task.bpmn").deploy();
    String run = UUID.randomUUID().toString().substring(0, 4).toUpperCase();
    dongcangCase = start("dongcang", "东仓社区", "TS-" + run + "-1");
    nanyuanCase = start("nanyuan", "南园社区", "TS-" + run + "-2");
  }

  @Test
  void dongcangSeesTheirFiltersAndTheirTaskButNotNanyuans(Browser browser) {
    Tasklist tasklist = Tasklist.loginAs(browser, "dongcang");
    assertThat(tasklist.filters()).contains("本社区待办", "我的待办", "即将到期", "已逾期")
        .doesNotContain("本街道待办", "全部任务");

    tasklist.selectFilter("本社区待办");
    String card = tasklist.waitForTask(dongcangCase);
    assertThat(card).contains("社区办理 · " + dongcangCase + " · 楼道消防通道清理", "测试：社区待办");
    assertThat(String.join("\n", tasklist.taskCards())).doesNotContain(nanyuanCase);

    tasklist.selectFilter("即将到期");
    assertThat(tasklist.waitForTask(dongcangCase)).as("due tomorrow").contains("到期");
    assertThat(String.join("\n", tasklist.taskCards())).doesNotContain(nanyuanCase);
  }

  @Test
  void nanyuanSeesOnlyTheirOwnTask(Browser browser) {
    Tasklist tasklist = Tasklist.loginAs(browser, "nanyuan").selectFilter("本社区待办");
    assertThat(tasklist.waitForTask(nanyuanCase)).contains("社区办理 · " + nanyuanCase);
    assertThat(String.join("\n", tasklist.taskCards())).doesNotContain(dongcangCase);
  }

  private String start(String community, String communityName, String caseNo) {
    Date tomorrow = new Date(System.currentTimeMillis() + 86_400_000L);
    runtime.startProcessInstanceByKey("test-community-inbox-task", caseNo, Map.of("community", community,
        "dueDate", tomorrow, CaseVariables.CASE_NO, caseNo, CaseVariables.CASE_TITLE, "楼道消防通道清理",
        CaseVariables.CASE_ORG, communityName));
    return caseNo;
  }
}
