package cn.ronghe.admission;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import cn.ronghe.platform.calendar.WorkCalendar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The end-to-end journey, through the REST API as the real users: 市卫健委 applies, 民政局, 组织部 and
 * 司法局 review, 娄东街道 gives its opinion, 民政局 holds the joint meeting, 市委 approves; then anyone reads the new
 * item on the public catalogue page. Runs on H2 and on PostgreSQL.
 */
@RongheSpringTest
class AdmissionJourneyTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  WorkCalendar calendar;
  @Autowired
  HistoryService history;

  @Test
  void aDepartmentsMatterIsAdmittedThroughTheRestApiAndAppearsOnThePublicCatalogue() throws Exception {
    String name = AdmissionTestSupport.freshName("协助开展");
    Map<String, Object> application = new LinkedHashMap<>();
    application.put("matterName", name);
    application.put("listType", "ASSISTANCE");
    application.put("content", "每季度协助入户登记并汇总报送街道");
    application.put("targetScope", "STREETS");
    application.put("targetStreets", json("[\"loudong\"]"));
    application.put("expectedStart", calendar.workingDays().plusWorkingDays(LocalDate.now(), 40).toString());
    application.put("frequency", "QUARTERLY");
    application.put("workloadHours", 16);
    application.put("funding", 1800);
    application.put("addsLedger", true);
    application.put("contactName", "顾丽");
    application.put("contactPhone", "0512-53521234");

    // Bad input first: 400 with both languages, and no case is opened.
    long cases = history.createHistoricProcessInstanceQuery().processDefinitionKey("matter-admission").count();
    Map<String, Object> bad = new LinkedHashMap<>(application);
    bad.remove("matterName");
    bad.put("frequency", "SOMETIMES");
    RestClient weijian = RestClient.as(port, "weijian");
    RestClient.Response refused = weijian.post("/engine-rest/process-definition/key/matter-admission/submit-form",
        variables(bad));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("事项名称为必填项", "频次", "Invalid input");
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("matter-admission").count())
        .isEqualTo(cases);

    RestClient.Response started = weijian.post(
        "/engine-rest/process-definition/key/matter-admission/submit-form", variables(application));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String pid = started.json().path("id").asText();
    String caseNo = history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult()
        .getBusinessKey();

    complete("minzheng", caseNo, "Task_ReviewNecessity", Map.of("necessityDecision", "APPROVE",
        "necessityOpinion", "部门入户力量不足，确需社区协助"));
    complete("zuzhibu", caseNo, "Task_ReviewBurden", Map.of("burdenDecision", "APPROVE",
        "burdenOpinion", "每季度一次，经费随事转移"));
    String legality = taskId("sifa", caseNo, "Task_ReviewLegality");
    RestClient.Response wrong = RestClient.as(port, "sifa").post("/engine-rest/task/" + legality + "/submit-form",
        variables(Map.of("legalityDecision", "PERHAPS")));
    assertThat(wrong.status()).as(wrong.body()).isEqualTo(400);
    assertThat(wrong.json().path("message").asText()).contains("合法性审查结论", "合法性审查意见为必填项");
    complete("sifa", caseNo, "Task_ReviewLegality", Map.of("legalityDecision", "APPROVE",
        "legalityOpinion", "符合《统计法》有关协助调查的规定"));
    complete("loudong", caseNo, "Task_StreetOpinion", Map.of("streetOpinion", "AGREE",
        "streetComment", "娄东街道各社区可承担"));
    complete("minzheng", caseNo, "Task_JointMeeting", Map.of("meetingDecision", "APPROVE",
        "meetingMinutes", "联席会议同意准入，报市委审批", "meetingDate", LocalDate.now().toString()));
    // Another department's user cannot act for the 市委.
    assertThat(RestClient.as(port, "minzheng").get("/engine-rest/task?processInstanceBusinessKey=" + caseNo
        + "&taskDefinitionKey=Task_CityApproval").json()).isEmpty();
    complete("shiwei", caseNo, "Task_CityApproval", Map.of("cityDecision", "APPROVE",
        "cityReason", "同意列入社区协助政府工作事项清单"));

    RestClient admin = RestClient.as(port, "admin");
    for (JsonNode job : admin.get("/engine-rest/job?processInstanceId=" + pid + "&executable=true").json()) {
      assertThat(admin.post("/engine-rest/job/" + job.path("id").asText() + "/execute", null).status()).isEqualTo(204);
    }

    JsonNode view = weijian.get("/api/admission/applications/" + caseNo).json();
    assertThat(view.path("status").asText()).isEqualTo("APPROVED");
    String code = view.path("itemCode").asText();
    assertThat(code).startsWith("XZ-");
    assertThat(RestClient.as(port, "zhujian").get("/api/admission/applications/" + caseNo).status()).isEqualTo(403);

    RestClient.Response page = RestClient.anonymous(port).get("/public/catalogue");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains(name, code, "准入 " + caseNo);
    RestClient.Response item = RestClient.anonymous(port).get("/public/catalogue/items/" + code);
    assertThat(item.body()).contains(name, "市卫健委", "1800 元/社区/年", "娄东街道的社区", "准入申请 " + caseNo);
    assertThat(RestClient.as(port, "dongcang").get("/api/notifications").body()).contains(name);
  }

  private void complete(String user, String caseNo, String activityId, Map<String, Object> values) throws Exception {
    String id = taskId(user, caseNo, activityId);
    RestClient.Response r = RestClient.as(port, user).post("/engine-rest/task/" + id + "/submit-form", variables(values));
    assertThat(r.status()).as(user + " " + activityId + ": " + r.body()).isEqualTo(204);
  }

  private String taskId(String user, String caseNo, String activityId) {
    JsonNode tasks = RestClient.as(port, user).get("/engine-rest/task?processInstanceBusinessKey=" + caseNo
        + "&taskDefinitionKey=" + activityId).json();
    assertThat(tasks).as(user + " sees " + activityId).hasSize(1);
    return tasks.get(0).path("id").asText();
  }

  /** A JSON-typed variable, as Tasklist sends a checklist. */
  private static Map<String, String> json(String value) {
    return Map.of("type", "Json", "value", value);
  }

  private static String variables(Map<String, Object> values) throws Exception {
    ObjectNode vars = JSON.createObjectNode();
    values.forEach((k, v) -> {
      ObjectNode var = vars.putObject(k);
      if (v instanceof Map<?, ?> typed) {
        var.put("type", (String) typed.get("type"));
        var.put("value", (String) typed.get("value"));
      } else {
        var.putPOJO("value", v);
      }
    });
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", vars);
    return JSON.writeValueAsString(body);
  }
}
