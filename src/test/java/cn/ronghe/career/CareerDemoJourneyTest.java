package cn.ronghe.career;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import cn.ronghe.career.demo.CareerDemoData;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo as the README tells it: the annual review waits for 东仓社区; dongcang confirms its batch, loudong
 * reviews the street's batch, minzheng approves it and the changes go into public notice. The other demo cases
 * wait in the right inboxes.
 */
@RongheSpringTest
class CareerDemoJourneyTest {

  @LocalServerPort
  int port;
  @Autowired
  TaskService tasks;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  CareerDemoData demo;

  @BeforeEach
  void seed() {
    demo.seedCases();
  }

  JsonNode inbox(String user) {
    return RestClient.as(port, user).get("/api/career/batches").json();
  }

  String only(JsonNode inbox, String step, String contains) {
    List<JsonNode> found = new java.util.ArrayList<>();
    inbox.forEach(t -> {
      if (t.get("step").asText().equals(step) && t.get("name").asText().contains(contains)) {
        found.add(t);
      }
    });
    assertThat(found).as(step + " " + contains + " in " + inbox).hasSize(1);
    return found.get(0).get("taskId").asText();
  }

  @Test
  void dongcangConfirmsLoudongReviewsMinzhengApproves() {
    String dongcang = only(inbox("dongcang"), "CONFIRM", "东仓社区");
    JsonNode batch = RestClient.as(port, "dongcang").get("/api/career/batches/" + dongcang).json();
    assertThat(batch.get("reviews").size()).isGreaterThanOrEqualTo(10);
    assertThat(inbox("loudong")).noneMatch(t -> t.get("step").asText().equals("REVIEW"));
    decide("dongcang", dongcang);

    String review = only(inbox("loudong"), "REVIEW", "娄东街道");
    int streetSize = RestClient.as(port, "loudong").get("/api/career/batches/" + review).json().get("reviews").size();
    assertThat(streetSize).isGreaterThan(100);
    decide("loudong", review);

    JsonNode approvals = inbox("minzheng");
    String approve = only(approvals, "APPROVE", "娄东街道");
    only(approvals, "APPROVE", "城厢镇");
    decide("minzheng", approve);
    JsonNode notices = RestClient.as(port, "dongcang").get("/api/notices?status=OPEN&kind=career-grade").json();
    assertThat(notices).anySatisfy(n -> assertThat(n.get("notice").get("title").asText()).contains("娄东街道"));
    assertThat(notices).anySatisfy(n -> assertThat(n.get("notice").get("title").asText()).contains("沙溪镇"));
    JsonNode view = RestClient.as(port, "loudong").get("/api/career/views/streets/loudong").json();
    assertThat(view.get("lastReview").get("stages").has("IN_NOTICE")).isTrue();
  }

  @Test
  void theOtherDemoCasesWaitInTheRightInboxes() {
    List<Task> onboarding = tasks.createTaskQuery().processDefinitionKey(CareerProcesses.ONBOARDING)
        .taskDefinitionKey("Task_ConfirmGrade").taskCandidateGroup("street-loudong").list();
    assertThat(onboarding).anySatisfy(t -> assertThat(t.getName()).contains("周佳怡"));
    List<Task> postChange = tasks.createTaskQuery().processDefinitionKey(CareerProcesses.POST_CHANGE)
        .taskDefinitionKey("Task_ApprovePostChange").taskCandidateGroup("civil-affairs").list();
    assertThat(postChange).anySatisfy(t -> assertThat(t.getName()).contains("社区副职"));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_decision WHERE decision = 'KEPT' AND actor = 'chengxiang'")
        .query(Integer.class).single()).isPositive();
  }

  void decide(String user, String taskId) {
    RestClient.Response r = RestClient.as(port, user).post("/api/career/batches/" + taskId + "/decision",
        "{\"sendBack\":[]}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }
}
