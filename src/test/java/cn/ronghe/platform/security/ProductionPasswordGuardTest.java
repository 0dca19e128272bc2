package cn.ronghe.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ronghe.RongheApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

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

  /** The real thing on a real PostgreSQL: a strong password starts the app, with its administrator and no demo user. */
  @Test
  void thePostgresProfileStartsWithAStrongPasswordAndWithoutDemoUsers() throws Exception {
    long begin = System.nanoTime();
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(RongheApplication.class)
            .profiles("postgres")
            .properties("server.port=0", "camunda.bpm.job-execution.enabled=false")
            .run("--RONGHE_ADMIN_PASSWORD=Lou-Jiang-2026!",
                "--RONGHE_DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"), "--RONGHE_DB_USER=postgres",
                "--RONGHE_DB_PASSWORD=postgres")) {
      IdentityService identity = context.getBean(IdentityService.class);
      assertThat(identity.checkPassword("admin", "Lou-Jiang-2026!")).isTrue();
      assertThat(identity.checkPassword("admin", "admin")).isFalse();
      assertThat(identity.createUserQuery().count()).as("only the administrator").isEqualTo(1);
      for (String demo : new String[] {"dongcang", "shiwei", "zuzhibu", "nonghang"}) {
        assertThat(identity.createUserQuery().userId(demo).count()).as(demo).isZero();
      }
    }
    System.out.printf("[security] postgres profile start with a strong password, on embedded PostgreSQL: %.1f s%n",
        (System.nanoTime() - begin) / 1e9);
  }
}
