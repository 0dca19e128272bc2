package cn.ronghe.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ronghe.RongheApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class ProductionPasswordGuardTest {

  @Test
  void unsetDefaultShortOrSameAsUserIsRefused() {
    assertThat(ProductionPasswordGuard.problemWith("admin", null)).isEqualTo("未设置");
    assertThat(ProductionPasswordGuard.problemWith("admin", "  ")).isEqualTo("未设置");
    assertThat(ProductionPasswordGuard.problemWith("admin", "admin")).isNotNull();
    assertThat(ProductionPasswordGuard.problemWith("admin", "ChangeMe")).isNotNull();
    assertThat(ProductionPasswordGuard.problemWith("taicangadmin", "TaicangAdmin")).isNotNull();
    assertThat(ProductionPasswordGuard.problemWith("admin", "Short9!")).isEqualTo("过短");
  }

  @Test
  void aStrongPasswordIsAccepted() {
    assertThat(ProductionPasswordGuard.problemWith("admin", "Lou-Jiang-2026!")).isNull();
  }

  @Test
  void thePostgresProfileDoesNotStartWithTheDefaultPassword() {
    SpringApplicationBuilder app = new SpringApplicationBuilder(RongheApplication.class)
        .profiles("postgres")
        .properties("server.port=0", "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none");
    // As the environment would set it: a command-line value outranks application-postgres.yaml, as the variable does.
    assertThatThrownBy(() -> app.run("--RONGHE_ADMIN_PASSWORD=admin"))
        .hasMessageContaining("RONGHE_ADMIN_PASSWORD")
        .hasMessageContaining("生产配置拒绝启动：管理员密码是默认值或与用户名相同");
  }

  @Test
  void thePostgresProfileDoesNotStartWithoutAPassword() {
    SpringApplicationBuilder app = new SpringApplicationBuilder(RongheApplication.class)
        .profiles("postgres")
        .properties("camunda.bpm.admin-user.password=", "server.port=0",
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none");
    assertThatThrownBy(app::run).hasMessageContaining("未设置");
  }

  @Test
  void thePostgresProfileDoesNotStartWithTheDemoUsers() {
    SpringApplicationBuilder app = new SpringApplicationBuilder(RongheApplication.class)
        .profiles("postgres")
        .properties("server.port=0", "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none");
    assertThatThrownBy(() -> app.run("--RONGHE_ADMIN_PASSWORD=Lou-Jiang-2026!", "--ronghe.demo.enabled=true"))
        .hasMessageContaining("演示用户").hasMessageContaining("RONGHE_DEMO_ENABLED");
  }

  /**
   * The real thing on a real PostgreSQL: a strong password starts the app, with its administrator and no demo user.
   * The app runs in its own JVM (this test's classpath), as an engine started and closed in this JVM would take the
   * shared test context's engine name "default" with it.
   */
  @Test
  void thePostgresProfileStartsWithAStrongPasswordAndWithoutDemoUsers() throws Exception {
    long begin = System.nanoTime();
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path log = Files.createTempFile("ronghe-postgres-start", ".log");
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx1g", "-cp", System.getProperty("java.class.path"), RongheApplication.class.getName(),
          "--server.port=" + port, "--camunda.bpm.job-execution.enabled=false")
          .redirectErrorStream(true).redirectOutput(log.toFile());
      pb.environment().put("SPRING_PROFILES_ACTIVE", "postgres");
      pb.environment().put("RONGHE_ADMIN_PASSWORD", "Lou-Jiang-2026!");
      pb.environment().put("RONGHE_DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
      pb.environment().put("RONGHE_DB_USER", "postgres");
      pb.environment().put("RONGHE_DB_PASSWORD", "postgres");
      Process app = pb.start();
      try {
        HttpClient http = HttpClient.newHttpClient();
        String health = "";
        for (int i = 0; i < 600 && app.isAlive() && !health.contains("UP"); i++) {
          Thread.sleep(500);
          health = get(http, port, "/actuator/health", null);
        }
        assertThat(health).as("started; log: " + log).contains("UP");
        assertThat(get(http, port, "/engine-rest/user?id=admin", "admin:Lou-Jiang-2026!")).contains("\"id\":\"admin\"");
        assertThat(get(http, port, "/engine-rest/user/count", "admin:Lou-Jiang-2026!")).contains("\"count\":1");
        assertThat(get(http, port, "/engine-rest/user?id=dongcang", "admin:Lou-Jiang-2026!")).isEqualTo("[]");
        assertThat(get(http, port, "/engine-rest/user?id=admin", "admin:admin")).as("no default password")
            .doesNotContain("\"id\":\"admin\"");
      } finally {
        app.destroy();
        if (!app.waitFor(60, TimeUnit.SECONDS)) {
          app.destroyForcibly().waitFor();
        }
      }
    }
    Files.deleteIfExists(log);
    System.out.printf("[security] postgres profile start with a strong password, on embedded PostgreSQL: %.1f s%n",
        (System.nanoTime() - begin) / 1e9);
  }

  private static String get(HttpClient http, int port, String path, String credentials) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30));
    if (credentials != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes()));
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
