package cn.ronghe.cobuilding;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import cn.ronghe.evaluation.EvaluationDemoLive;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo at Taicang's scale: the imported lists, contact log and past evaluations, and the running processes
 * the demo users find (started here, because a test context cannot run processes while it starts).
 */
@RongheSpringTest
class DemoDataTest {

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  CoBuildingDemoLive coBuildingLive;
  @Autowired
  EvaluationDemoLive evaluationLive;

  @Test
  void theImportedListsHaveTheArticlesFiguresAndHistories() {
    int year = Times.today().getYear();
    // Imported items carry the first numbers of their year; items published since come after them.
    String imported = " WHERE CAST(SUBSTRING(item_no, 4, 4) AS INTEGER) < " + year
        + " OR CAST(SUBSTRING(item_no, 9, 4) AS INTEGER) <= ";
    assertThat(count("SELECT COUNT(*) FROM cb_demand" + imported + "80")).isEqualTo(256);
    assertThat(count("SELECT COUNT(*) FROM cb_resource" + imported + "88")).isEqualTo(278);
    assertThat(count("SELECT COUNT(*) FROM cb_project WHERE process_instance_id IS NULL")).isEqualTo(262);
    assertThat(count("SELECT COUNT(*) FROM cb_project WHERE process_instance_id IS NULL AND status = 'CANCELLED' "
        + "AND cancel_reason IS NOT NULL")).isBetween(8, 16);
    assertThat(count("SELECT COUNT(*) FROM cb_progress_report r JOIN cb_project p ON p.id = r.project_id "
        + "WHERE p.process_instance_id IS NULL")).isGreaterThan(262 * 2);
    assertThat(count("SELECT COUNT(*) FROM cb_demand WHERE status = 'OPEN'")).isGreaterThan(40);
    assertThat(count("SELECT COUNT(DISTINCT community_code) FROM cb_demand")).isEqualTo(65);
    assertThat(count("SELECT COUNT(*) FROM cb_contact WHERE kind = 'REPORT'")).isGreaterThan(281 * 2);
    assertThat(count("SELECT COUNT(*) FROM ev_cycle WHERE trigger_kind = 'IMPORT' AND status = 'PUBLISHED'")).isEqualTo(2);
    JsonNode report = RestClient.as(port, "nonghang").get("/api/evaluation/reports/units/u109").json();
    assertThat(report.get("rows").findValuesAsText("year")).contains(String.valueOf(year - 1), String.valueOf(year - 2));
    JsonNode projects = RestClient.as(port, "dongcang").get("/api/cobuilding/projects?community=dongcang").json();
    assertThat(projects.findValuesAsText("status")).contains("CLOSED");
  }

  @Test
  void theRunningDemoGivesEveryDemoUserSomethingToDo() {
    coBuildingLive.run();
    evaluationLive.run(Times.today().getYear());

    assertThat(taskKeys("dongcang")).contains("Task_ConfirmAgreement", "Task_Rate");
    assertThat(ratingTasks("dongcang")).hasSize(5);
    assertThat(ratingTasks("nonghang")).hasSize(1);
    assertThat(taskKeys("xiaofang")).contains("Task_MonthlyReport", "Task_Rate");
    assertThat(taskKeys("loudong")).contains("Task_StreetAcceptance");
    JsonNode cycles = RestClient.as(port, "zuzhibu").get("/api/evaluation/cycles").json();
    JsonNode loudong = null;
    for (JsonNode c : cycles) {
      // this year's: other tests may evaluate 娄东街道 in years of their own
      if ("STREET".equals(c.get("scopeType").asText()) && "loudong".equals(c.path("scopeCode").asText())
          && c.path("evalYear").asInt() == Times.today().getYear()) {
        loudong = c;
      }
    }
    assertThat(loudong).isNotNull();
    assertThat(loudong.get("pairingCount").asInt()).isEqualTo(60);
    assertThat(loudong.get("status").asText()).isEqualTo("RATING");
    assertThat(loudong.get("ratedCount").asInt()).isPositive().isLessThan(60);
  }

  private List<String> taskKeys(String user) {
    return RestClient.as(port, user).get("/engine-rest/task?maxResults=200").json().findValuesAsText("taskDefinitionKey");
  }

  private List<JsonNode> ratingTasks(String user) {
    List<JsonNode> out = new java.util.ArrayList<>();
    RestClient.as(port, user).get("/engine-rest/task?processDefinitionKey=evaluation-rating&maxResults=200").json()
        .forEach(out::add);
    return out;
  }

  private int count(String sql) {
    return jdbc.sql(sql).query(Integer.class).single();
  }
}
