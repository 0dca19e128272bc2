package cn.ronghe.admission;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The project API of admission: who reads which application, and the list of banned categories. */
@RongheSpringTest
class AdmissionApiTest {

  @LocalServerPort
  int port;
  @Autowired
  AdmissionTestSupport support;

  @Test
  void aDepartmentSeesItsOwnApplicationsWithTheReasonsAndCityBodiesSeeAll() {
    ProcessInstance pi = support.startAs("zhujian", support.application(AdmissionTestSupport.freshName("协助街道招商引资")));
    String caseNo = pi.getBusinessKey();
    JsonNode own = RestClient.as(port, "zhujian").get("/api/admission/applications/" + caseNo).json();
    assertThat(own.path("status").asText()).isEqualTo("REJECTED");
    assertThat(own.path("statusReason").asText()).contains("招商引资");
    assertThat(own.path("applicantDeptName").asText()).isEqualTo("市住建局");
    assertThat(RestClient.as(port, "zhujian").get("/api/admission/applications").body()).contains(caseNo);
    assertThat(RestClient.as(port, "weijian").get("/api/admission/applications").body()).doesNotContain(caseNo);
    assertThat(RestClient.as(port, "weijian").get("/api/admission/applications/" + caseNo).status()).isEqualTo(403);
    assertThat(RestClient.as(port, "shiwei").get("/api/admission/applications/" + caseNo).status()).isEqualTo(200);
    assertThat(RestClient.as(port, "dongcang").get("/api/admission/applications").status()).isEqualTo(403);
    assertThat(RestClient.as(port, "admin").get("/api/admission/applications/ZR-1900-0001").status()).isEqualTo(404);
    assertThat(RestClient.as(port, "admin").get("/api/audit/" + caseNo).body()).contains("BANNED_CATEGORY", "招商引资");
  }

  @Test
  void theCatalogueOfficeMaintainsTheBannedCategories() {
    RestClient minzheng = RestClient.as(port, "minzheng");
    RestClient.Response added = minzheng.put("/api/admission/banned-categories",
        "{\"keyword\":\"代收费用\",\"category\":\"收费事项\",\"reason\":\"社区不得代收各类费用\"}");
    assertThat(added.status()).as(added.body()).isEqualTo(200);
    long id = added.json().path("id").asLong();
    assertThat(added.json().path("active").asBoolean()).isTrue();
    assertThat(RestClient.as(port, "dongcang").get("/api/admission/banned-categories").body()).contains("代收费用");

    RestClient.Response refused = RestClient.as(port, "weijian").put("/api/admission/banned-categories",
        "{\"keyword\":\"x\",\"category\":\"y\",\"reason\":\"z\"}");
    assertThat(refused.status()).isEqualTo(403);
    RestClient.Response invalid = minzheng.put("/api/admission/banned-categories", "{\"keyword\":\" \"}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().path("messageZh").asText()).contains("关键词");
    assertThat(invalid.json().path("messageEn").asText()).contains("keyword");
    assertThat(minzheng.put("/api/admission/banned-categories", "not json").status()).isEqualTo(400);

    RestClient.Response off = delete("minzheng", "/api/admission/banned-categories/" + id);
    assertThat(off.status()).isEqualTo(200);
    assertThat(off.json().path("active").asBoolean()).isFalse();
    assertThat(delete("minzheng", "/api/admission/banned-categories/999999").status()).isEqualTo(404);
  }

  /** DELETE as a demo user (password = user id). */
  private RestClient.Response delete(String user, String path) {
    try {
      java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path)).DELETE()
              .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                  (user + ":" + user).getBytes(java.nio.charset.StandardCharsets.UTF_8))).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
      return new RestClient.Response(r.statusCode(), r.body());
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
