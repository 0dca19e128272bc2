package cn.ronghe.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ronghe.RongheApplication;
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
        .properties("camunda.bpm.admin-user.password=admin", "server.port=0",
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none");
    assertThatThrownBy(app::run)
        .hasMessageContaining("RONGHE_ADMIN_PASSWORD")
        .hasMessageContaining("生产配置拒绝启动");
  }

  @Test
  void thePostgresProfileDoesNotStartWithoutAPassword() {
    SpringApplicationBuilder app = new SpringApplicationBuilder(RongheApplication.class)
        .profiles("postgres")
        .properties("camunda.bpm.admin-user.password=", "server.port=0",
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none");
    assertThatThrownBy(app::run).hasMessageContaining("未设置");
  }
}
