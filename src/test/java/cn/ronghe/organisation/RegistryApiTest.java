package cn.ronghe.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@RongheSpringTest
class RegistryApiTest {

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identity;
  @Autowired
  JdbcClient jdbc;

  @AfterEach
  void restoreTheShippedRegistry() throws IOException {
    RestClient.Response r = RestClient.as(port, "admin").postBytes("/api/registry/import", "text/csv",
        RegistryCsvTest.shippedFile());
    assertThat(r.status()).isEqualTo(200);
  }

  @Test
  void anAdministratorReplacesTheRegistryAndNewGroupsAppear() throws IOException {
    int before = RestClient.as(port, "admin").get("/api/registry").json().get("versionNo").asInt();
    String file = new String(RegistryCsvTest.shippedFile(), StandardCharsets.UTF_8)
        + "community,xinqiao,新桥社区,loudong,,true\n"
        + "pairing,u109,,xinqiao,,\n";
    RestClient.Response r = RestClient.as(port, "admin").postBytes("/api/registry/import", "text/csv",
        file.getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("versionNo").asInt()).isEqualTo(before + 1);
    assertThat(r.json().get("communities").asInt()).isEqualTo(66);
    assertThat(identity.createGroupQuery().groupId("community-xinqiao").singleResult().getName()).isEqualTo("新桥社区");
    assertThat(RestClient.as(port, "admin").get("/api/registry/pairings?unit=u109").json()).hasSize(2);
  }

  @Test
  void aFileWithOneBadLineIsRefusedAndChangesNothing() throws IOException {
    JsonNode before = RestClient.as(port, "admin").get("/api/registry").json();
    String file = new String(RegistryCsvTest.shippedFile(), StandardCharsets.UTF_8)
        + "community,huqiao,新桥社区,nowhere,,true\n";
    RestClient.Response r = RestClient.as(port, "admin").postBytes("/api/registry/import", "text/csv",
        file.getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).isEqualTo(400);
    JsonNode problem = r.json().get("problems").get(0);
    assertThat(problem.get("field").asText()).isEqualTo("第 642 行 (line 642)");
    assertThat(problem.get("messageZh").asText()).contains("nowhere");
    assertThat(r.json().get("messageEn").asText()).contains("line 642");
    assertThat(RestClient.as(port, "admin").get("/api/registry").json()).isEqualTo(before);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM org_community WHERE code = 'huqiao'").query(Integer.class).single())
        .isZero();
    assertThat(identity.createGroupQuery().groupId("community-huqiao").count()).isZero();
  }

  @Test
  void onlyAdministratorsMayImportAndAnonymousCallersAreAskedToLogIn() {
    byte[] file = "record_type,code,name,parent_code,kind,sample_data\n".getBytes(StandardCharsets.UTF_8);
    assertThat(RestClient.as(port, "minzheng").postBytes("/api/registry/import", "text/csv", file).status())
        .isEqualTo(403);
    assertThat(RestClient.anonymous(port).postBytes("/api/registry/import", "text/csv", file).status())
        .isEqualTo(401);
    assertThat(RestClient.anonymous(port).get("/api/registry/streets").status()).isEqualTo(401);
  }

  @Test
  void theExportCanBeImportedAgain() {
    RestClient.Response export = RestClient.as(port, "admin").get("/api/registry/export");
    assertThat(export.status()).isEqualTo(200);
    RegistrySnapshot s = RegistryCsv.parse(export.body().getBytes(StandardCharsets.UTF_8), "export");
    assertThat(s.communities()).hasSize(65);
    assertThat(s.pairings()).hasSize(281);
  }
}
