package cn.ronghe.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@RongheSpringTest
class PlatformStartupTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  IdentityService identity;
  @Autowired
  RepositoryService repository;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  javax.sql.DataSource dataSource;

  @Test
  void theRegistryOfTaicangIsLoaded() {
    JsonNode v = RestClient.as(port, "admin").get("/api/registry").json();
    assertThat(v.get("streets").asInt()).isEqualTo(11);
    assertThat(v.get("communities").asInt()).isEqualTo(65);
    assertThat(v.get("units").asInt()).isEqualTo(281);
    assertThat(v.get("pairings").asInt()).isEqualTo(281);
    assertThat(RestClient.as(port, "dongcang").get("/api/registry/streets").json()).hasSize(11);
    assertThat(RestClient.as(port, "dongcang").get("/api/registry/communities?street=loudong").json())
        .anySatisfy(c -> assertThat(c.get("name").asText()).isEqualTo("东仓社区"));
  }

  @Test
  void everyBodyHasItsGroup() {
    assertThat(identity.createGroupQuery().groupType("street").count()).isEqualTo(11);
    assertThat(identity.createGroupQuery().groupType("community").count()).isEqualTo(65);
    assertThat(identity.createGroupQuery().groupType("unit").count()).isEqualTo(281);
    for (String g : List.of("camunda-admin", "city-committee", "org-dept", "civil-affairs", "justice-bureau",
        "dept-health", "dept-housing", "dept-emergency", "dept-market", "dept-police")) {
      assertThat(identity.createGroupQuery().groupId(g).count()).as(g).isEqualTo(1);
    }
  }

  @Test
  void demoUsersLogInWithTheirIdAsPassword() {
    for (String u : List.of("admin", "shiwei", "zuzhibu", "minzheng", "sifa", "weijian", "loudong", "dongcang",
        "nonghang")) {
      assertThat(identity.checkPassword(u, u)).as(u).isTrue();
    }
    assertThat(identity.createGroupQuery().groupMember("dongcang").groupId("community-dongcang").count()).isOne();
    assertThat(identity.createGroupQuery().groupMember("loudong").groupId("street-loudong").count()).isOne();
  }

  @Test
  void theEngineKeepsFullHistoryWithAuthorizationOn() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.getHistoryLevel().getName()).isEqualTo("full");
    assertThat(config.isAuthorizationEnabled()).isTrue();
    assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM \"ronghe_schema_history\" WHERE \"success\"").query(Integer.class).single())
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void everyProcessAndFormInTheRepositoryIsDeployedTogether() throws IOException {
    List<String> files;
    try (Stream<Path> bpmn = Files.walk(Path.of("bpmn")); Stream<Path> forms = Files.walk(Path.of("forms"))) {
      files = Stream.concat(bpmn, forms).filter(Files::isRegularFile).map(p -> p.toString().replace('\\', '/'))
          .filter(p -> p.endsWith(".bpmn") || p.endsWith(".dmn") || p.endsWith(".form")).toList();
    }
    List<String> deployed = repository.createDeploymentQuery().list().stream()
        .flatMap((Deployment d) -> repository.getDeploymentResourceNames(d.getId()).stream()).toList();
    assertThat(deployed).containsAll(files);
    for (ProcessDefinition pd : repository.createProcessDefinitionQuery().latestVersion().list()) {
      if (pd.getKey().startsWith("test-")) {
        continue;
      }
      assertThat(pd.getVersionTag()).as(pd.getKey()).isNotBlank();
      assertThat(pd.getHistoryTimeToLive()).as(pd.getKey()).isPositive();
    }
  }

  @Test
  void healthIsPublicButMetricsAndApiDocsNeedALogin() {
    RestClient anonymous = RestClient.anonymous(port);
    assertThat(anonymous.get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
    assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
    assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(401);
    assertThat(RestClient.as(port, "admin").get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
    assertThat(RestClient.as(port, "admin").get("/v3/api-docs").body()).contains("/api/registry");
  }

  @Test
  void errorsAreBilingualJsonWithoutStackTraces() {
    RestClient.Response r = RestClient.as(port, "admin").get("/api/no-such-thing");
    assertThat(r.status()).isEqualTo(404);
    JsonNode body = r.json();
    assertThat(body.get("messageZh").asText()).isNotBlank();
    assertThat(body.get("messageEn").asText()).isNotBlank();
    assertThat(r.body()).doesNotContain("Exception", "at cn.ronghe");
    RestClient.Response bad = RestClient.as(port, "admin").get("/api/calendar/working-days?from=not-a-date&days=3");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("messageEn").asText()).contains("malformed");
  }

  @Test
  void theWorkingDayCalendarIsServed() {
    JsonNode r = RestClient.as(port, "dongcang").get("/api/calendar/working-days?from=2026-09-30&days=1").json();
    assertThat(r.get("date").asText()).isEqualTo("2026-10-08");
    assertThat(RestClient.as(port, "dongcang").put("/api/calendar/2027-02-11", "{\"kind\":\"HOLIDAY\",\"name\":\"春节\"}")
        .status()).isEqualTo(403);
  }

  /**
   * By default PostgreSQL keeps its own plan choice (PostgresPlanCacheMode): forcing custom plans made every engine
   * step 1.7–2.9 times as slow in the benchmarks.
   */
  @Test
  void theDatabaseChoosesItsPlansByDefault() throws Exception {
    com.zaxxer.hikari.HikariDataSource pool = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class);
    assertThat(pool.getConnectionInitSql()).isNull();
    if (pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
      assertThat(jdbc.sql("SHOW plan_cache_mode").query(String.class).single()).isEqualTo("auto");
    }
  }
}
