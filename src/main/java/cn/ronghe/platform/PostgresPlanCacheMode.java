package cn.ronghe.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Sets {@code plan_cache_mode} on every PostgreSQL connection of the pool when {@code ronghe.db.plan-cache-mode}
 * asks for it. The engine's queries are prepared statements; once a database holds a year's history PostgreSQL
 * may settle on one generic plan for the task query, which misjudges the authorization bit tests and turned a
 * street's inbox from 0.4 s into 10 s at 100,000 open tasks ({@code force_custom_plan} cures that). But planning
 * every execution made every engine step 1.7–2.9 times as slow (docs/benchmarks.md, runs F and G), so the default,
 * {@code auto}, leaves the choice to PostgreSQL and to the database's own settings. An init SQL the operator set
 * on the pool is kept as it is. Nothing happens on H2.
 */
@Component
class PostgresPlanCacheMode implements BeanPostProcessor, EnvironmentAware {

  static final String PROPERTY = "ronghe.db.plan-cache-mode";
  static final List<String> MODES = List.of("auto", "force_custom_plan", "force_generic_plan");

  private static final Logger log = LoggerFactory.getLogger(PostgresPlanCacheMode.class);

  private String mode = MODES.get(0);

  @Override
  public void setEnvironment(Environment environment) {
    String value = environment.getProperty(PROPERTY, MODES.get(0)).strip();
    if (!MODES.contains(value)) {
      throw new IllegalStateException(PROPERTY + "（RONGHE_DB_PLAN_CACHE_MODE）的值“" + value + "”无效，应为 "
          + String.join("、", MODES) + " 之一 / invalid value '" + value + "' for " + PROPERTY + ", expected one of "
          + MODES);
    }
    mode = value;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:") && !"auto".equals(mode)) {
      if (pool.getConnectionInitSql() == null) {
        pool.setConnectionInitSql("SET plan_cache_mode = " + mode);
        log.info("PostgreSQL connections of {} use plan_cache_mode = {}", beanName, mode);
      } else {
        log.info("{} keeps the operator's connection init SQL; plan_cache_mode is not set", beanName);
      }
    }
    return bean;
  }
}
