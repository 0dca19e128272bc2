package cn.ronghe.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The engine REST API answers bad input with a 4xx and a message in Chinese and English. */
@RongheSpringTest
class EngineRestErrorsTest {

  @LocalServerPort
  int port;
  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;

  @BeforeEach
  void deployTestProcess() {
    repository.createDeployment().name("test-community-task").enableDuplicateFiltering(true)
        .addClasspathResource("testprocess/community-task.bpmn").deploy();
  }

  @Test
  void aStartListenerRefusingTheInputIsA400OnStartAsOnSubmitForm() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("matter-admission").count();
    RestClient weijian = RestClient.as(port, "weijian");
    for (String path : new String[] {"start", "submit-form"}) {
      RestClient.Response r = weijian.post("/engine-rest/process-definition/key/matter-admission/" + path,
          "{\"variables\":{\"matterName\":{\"value\":\"\",\"type\":\"String\"}}}");
      assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(400);
      assertThat(r.json().get("message").asText()).contains("事项名称为必填项").contains("is required");
    }
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("matter-admission").count())
        .isEqualTo(before);
  }

  @Test
  void aValueTooLongForItsColumnIsA400AndNothingIsStored() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("test-community-task").count();
    String longText = "长".repeat(5000);
    RestClient.Response r = RestClient.as(port, "admin").post(
        "/engine-rest/process-definition/key/test-community-task/start",
        "{\"variables\":{\"community\":{\"value\":\"dongcang\",\"type\":\"String\"},"
            + "\"dueDate\":{\"value\":\"2030-01-01T00:00:00.000+0800\",\"type\":\"Date\"},"
            + "\"note\":{\"value\":\"" + longText + "\",\"type\":\"String\"}}}");
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().get("message").asText()).contains("未保存任何内容").contains("nothing was saved");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("test-community-task").count())
        .isEqualTo(before);
  }

  @Test
  void aTaskCompletedWithATooLongValueStaysOpen() {
    String pid = runtime.startProcessInstanceByKey("test-community-task", Map.of("community", "dongcang",
        "dueDate", new Date(System.currentTimeMillis() + 86_400_000L))).getId();
    String task = tasks.createTaskQuery().processInstanceId(pid).singleResult().getId();
    RestClient.Response r = RestClient.as(port, "dongcang").post("/engine-rest/task/" + task + "/complete",
        "{\"variables\":{\"note\":{\"value\":\"" + "x".repeat(4001) + "\",\"type\":\"String\"}}}");
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(tasks.createTaskQuery().taskId(task).count()).isOne();
  }

  @Test
  void malformedJsonUnknownPathsAndMissingLoginAnswerInBothLanguages() {
    RestClient admin = RestClient.as(port, "admin");
    RestClient.Response bad = admin.post("/engine-rest/process-definition/key/matter-admission/start", "{bad json");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("message").asText()).contains("请求无效").contains(" / ");

    RestClient.Response unknown = admin.get("/engine-rest/no-such-resource");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("message").asText()).contains("未找到").containsIgnoringCase("Not found");

    RestClient.Response anonymous = RestClient.anonymous(port).get("/engine-rest/task");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json().get("message").asText()).contains("请先登录").contains("Authentication required");

    RestClient.Response denied = RestClient.as(port, "dongcang").post(
        "/engine-rest/process-definition/key/matter-admission/start", "{}");
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.json().get("message").asText()).contains("没有执行该操作的权限");
  }
}
