package cn.ronghe.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who sees and works which task, through the same REST API that Tasklist uses. */
@RongheSpringTest
class AuthorizationTest {

  @LocalServerPort
  int port;
  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;

  String dongcangTask;
  String nanyuanTask;

  @BeforeEach
  void twoCommunityTasks() {
    repository.createDeployment().name("test-community-task").enableDuplicateFiltering(true)
        .addClasspathResource("testprocess/community-task.bpmn").deploy();
    Date tomorrow = new Date(System.currentTimeMillis() + 86_400_000L);
    String a = runtime.startProcessInstanceByKey("test-community-task", Map.of("community", "dongcang",
        "dueDate", tomorrow, "caseNo", "CS-2026-0001", "caseTitle", "东仓社区测试事项", "caseOrg", "东仓社区")).getId();
    String b = runtime.startProcessInstanceByKey("test-community-task", Map.of("community", "nanyuan",
        "dueDate", tomorrow)).getId();
    dongcangTask = tasks.createTaskQuery().processInstanceId(a).singleResult().getId();
    nanyuanTask = tasks.createTaskQuery().processInstanceId(b).singleResult().getId();
  }

  @Test
  void aCaseworkerSeesOnlyTheTasksOfTheirOwnCommunity() {
    List<String> seen = taskIds(RestClient.as(port, "dongcang").get("/engine-rest/task?processDefinitionKey=test-community-task"));
    assertThat(seen).contains(dongcangTask).doesNotContain(nanyuanTask);
    assertThat(taskIds(RestClient.as(port, "loudong").get("/engine-rest/task?processDefinitionKey=test-community-task")))
        .isEmpty();
    assertThat(RestClient.as(port, "dongcang").get("/engine-rest/task/" + nanyuanTask).status()).isIn(403, 404);
  }

  @Test
  void aCaseworkerCannotCompleteAnotherCommunitysTask() {
    RestClient.Response r = RestClient.as(port, "dongcang").post("/engine-rest/task/" + nanyuanTask + "/complete", "{}");
    assertThat(r.status()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(nanyuanTask).count()).isOne();
    RestClient.Response own = RestClient.as(port, "dongcang").post("/engine-rest/task/" + dongcangTask + "/complete", "{}");
    assertThat(own.status()).as(own.body()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(dongcangTask).count()).isZero();
  }

  @Test
  void anonymousCallsGet401() {
    assertThat(RestClient.anonymous(port).get("/engine-rest/task").status()).isEqualTo(401);
    assertThat(RestClient.anonymous(port).get("/engine-rest/process-definition").status()).isEqualTo(401);
    assertThat(RestClient.anonymous(port).get("/api/notifications").status()).isEqualTo(401);
    RestClient wrong = RestClient.as(port, "no-such-user");
    assertThat(wrong.get("/engine-rest/task").status()).isEqualTo(401);
    assertThat(wrong.get("/api/notifications").status()).isEqualTo(401);
  }

  @Test
  void eachRoleSeesItsOwnFiltersAndTheyWork() {
    Map<String, String> community = filters("dongcang");
    assertThat(community).containsKeys("本社区待办", "我的待办", "即将到期", "已逾期").doesNotContainKeys("本街道待办", "全部任务");
    assertThat(filters("loudong")).containsKeys("本街道待办", "即将到期").doesNotContainKey("本社区待办");
    assertThat(filters("nonghang")).containsKey("本单位待办");
    assertThat(filters("weijian")).containsKey("本部门待办");
    assertThat(filters("admin")).containsKey("全部任务");

    RestClient dongcang = RestClient.as(port, "dongcang");
    assertThat(taskIds(dongcang.get("/engine-rest/filter/" + community.get("本社区待办") + "/list?maxResults=500")))
        .contains(dongcangTask).doesNotContain(nanyuanTask);
    assertThat(taskIds(dongcang.get("/engine-rest/filter/" + community.get("即将到期") + "/list?maxResults=500")))
        .contains(dongcangTask).doesNotContain(nanyuanTask);
    assertThat(taskIds(dongcang.get("/engine-rest/filter/" + community.get("已逾期") + "/list?maxResults=500")))
        .doesNotContain(dongcangTask);
  }

  @Test
  void theFilterColumnsShowTheCaseToTheCaseworker() {
    String filter = filters("dongcang").get("本社区待办");
    RestClient.Response r = RestClient.as(port, "dongcang").postHal(
        "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=500", "{}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    Map<String, String> columns = new java.util.HashMap<>();
    for (JsonNode task : r.json().path("_embedded").path("task")) {
      if (dongcangTask.equals(task.path("id").asText())) {
        task.path("_embedded").path("variable").forEach(v -> columns.put(v.get("name").asText(), v.get("value").asText()));
      }
    }
    assertThat(columns).containsEntry("inboxCaseNo", "CS-2026-0001").containsEntry("inboxCaseTitle", "东仓社区测试事项")
        .containsEntry("inboxCaseOrg", "东仓社区");
  }

  private Map<String, String> filters(String user) {
    Map<String, String> byName = new java.util.HashMap<>();
    RestClient.as(port, user).get("/engine-rest/filter").json()
        .forEach(f -> byName.put(f.get("name").asText(), f.get("id").asText()));
    return byName;
  }

  private static List<String> taskIds(RestClient.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (JsonNode t : r.json()) {
      ids.add(t.get("id").asText());
    }
    return ids;
  }
}
