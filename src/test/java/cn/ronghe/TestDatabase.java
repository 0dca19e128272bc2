package cn.ronghe;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * With {@code -Dronghe.test.database=postgres}: a real PostgreSQL 15 (zonky's embedded binaries) as a Spring
 * bean, so it is closed only after the engine and the connection pool that depend on it.
 */
@TestConfiguration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ronghe.test.database", havingValue = "postgres")
public class TestDatabase {

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres() throws IOException {
    // Its own JVM shutdown hook would stop PostgreSQL while the engine is still closing; Spring closes it.
    return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
  }

  @Bean
  @Primary
  DataSource dataSource(EmbeddedPostgres postgres) {
    HikariDataSource ds = new HikariDataSource();
    ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    ds.setUsername("postgres");
    ds.setPassword("postgres");
    ds.setMaximumPoolSize(20);
    return ds;
  }
}
