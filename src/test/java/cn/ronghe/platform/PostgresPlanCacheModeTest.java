package cn.ronghe.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PostgresPlanCacheModeTest {

  private static PostgresPlanCacheMode with(String mode) {
    MockEnvironment env = new MockEnvironment();
    if (mode != null) {
      env.setProperty(PostgresPlanCacheMode.PROPERTY, mode);
    }
    PostgresPlanCacheMode p = new PostgresPlanCacheMode();
    p.setEnvironment(env);
    return p;
  }

  private static HikariDataSource pool(String url) {
    HikariDataSource ds = new HikariDataSource();
    ds.setJdbcUrl(url);
    return ds;
  }

  @Test
  void byDefaultPostgresChoosesItsPlans() {
    HikariDataSource ds = pool("jdbc:postgresql://db.example:5432/ronghe");
    with(null).postProcessAfterInitialization(ds, "dataSource");
    assertThat(ds.getConnectionInitSql()).isNull();
  }

  @Test
  void customPlansCanBeForced() {
    HikariDataSource ds = pool("jdbc:postgresql://db.example:5432/ronghe");
    with("force_custom_plan").postProcessAfterInitialization(ds, "dataSource");
    assertThat(ds.getConnectionInitSql()).isEqualTo("SET plan_cache_mode = force_custom_plan");
  }

  @Test
  void theModeComesFromTheSetting() {
    HikariDataSource ds = pool("jdbc:postgresql://db.example:5432/ronghe");
    with(" force_generic_plan ").postProcessAfterInitialization(ds, "dataSource");
    assertThat(ds.getConnectionInitSql()).isEqualTo("SET plan_cache_mode = force_generic_plan");
  }

  @Test
  void autoLeavesTheChoiceToPostgres() {
    HikariDataSource ds = pool("jdbc:postgresql://db.example:5432/ronghe");
    with("auto").postProcessAfterInitialization(ds, "dataSource");
    assertThat(ds.getConnectionInitSql()).isNull();
  }

  @Test
  void h2AndOtherBeansAreLeftAlone() {
    HikariDataSource h2 = pool("jdbc:h2:mem:plan-test");
    with("force_custom_plan").postProcessAfterInitialization(h2, "dataSource");
    assertThat(h2.getConnectionInitSql()).isNull();
    Object other = "not a pool";
    assertThat(with(null).postProcessAfterInitialization(other, "x")).isSameAs(other);
  }

  @Test
  void anOperatorsOwnInitSqlIsKept() {
    HikariDataSource ds = pool("jdbc:postgresql://db.example:5432/ronghe");
    ds.setConnectionInitSql("SET search_path = ronghe");
    with("force_custom_plan").postProcessAfterInitialization(ds, "dataSource");
    assertThat(ds.getConnectionInitSql()).isEqualTo("SET search_path = ronghe");
  }

  @Test
  void anUnknownModeStopsTheStartWithAClearMessage() {
    assertThatThrownBy(() -> with("custom")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("无效").hasMessageContaining("invalid value 'custom'")
        .hasMessageContaining("force_custom_plan");
  }

  @Test
  void aRealPostgresConnectionOfThePoolHasTheSetting() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        HikariDataSource ds = pool(pg.getJdbcUrl("postgres", "postgres"))) {
      with("force_custom_plan").postProcessAfterInitialization(ds, "dataSource");
      try (Connection c = ds.getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SHOW plan_cache_mode")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("force_custom_plan");
      }
    }
  }
}
