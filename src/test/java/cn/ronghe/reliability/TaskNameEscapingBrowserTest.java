package cn.ronghe.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.browser.Browser;
import cn.ronghe.browser.BrowserTest;
import cn.ronghe.browser.Tasklist;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 8, escaping in Tasklist: a matter name with an element, an attribute break-out and Angular expressions
 * becomes part of a task name; the reviewer's Tasklist shows it as text, creates no element from it and evaluates
 * no expression in it.
 */
@BrowserTest
class TaskNameEscapingBrowserTest {

  @LocalServerPort
  int port;
  @Autowired
  HistoryService history;

  @Test
  void aTaskNameWithMarkupIsTextInTasklist(Browser browser) {
    String name = "协助\"><img src=x onerror=window.__xss=1>{{7*7}}{{constructor.constructor('window.__xss=2')()}}登记"
        + Long.toString(System.nanoTime() % 100000, 36);
    ObjectNode vars = new ObjectMapper().createObjectNode();
    Map.of("matterName", name, "listType", "ASSISTANCE", "content", "入户登记", "targetScope", "STREETS",
        "expectedStart", LocalDate.now().plusMonths(3).toString(), "frequency", "QUARTERLY", "contactName", "顾丽",
        "contactPhone", "0512-53521234").forEach((k, v) -> vars.putObject(k).put("value", v));
    vars.putObject("targetStreets").put("type", "Json").put("value", "[\"loudong\"]");
    vars.putObject("workloadHours").put("value", 16);
    RestClient.Response started = RestClient.as(port, "weijian").post(
        "/engine-rest/process-definition/key/matter-admission/submit-form", "{\"variables\":" + vars + "}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String caseNo = history.createHistoricProcessInstanceQuery()
        .processInstanceId(started.json().path("id").asText()).singleResult().getBusinessKey();

    Tasklist tasklist = Tasklist.loginAs(browser, "minzheng").selectFilter("本部门待办");
    String card = tasklist.waitForTask(caseNo);
    assertThat(card).as("the name as text").contains("<img src=x onerror=window.__xss=1>", "{{7*7}}",
        "{{constructor.constructor('window.__xss=2')()}}");
    Object injected = browser.script("return String(window.__xss) + ' ' + document.querySelectorAll('img[src=\"x\"]')"
        + ".length");
    assertThat(injected).as("no handler ran, no element was made").isEqualTo("undefined 0");
    browser.screenshot("task-name-as-text");
  }
}
