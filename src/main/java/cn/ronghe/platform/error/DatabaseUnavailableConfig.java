package cn.ronghe.platform.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class DatabaseUnavailableConfig {

  /** Before the login filters (HIGHEST_PRECEDENCE + 20 and + 30), which already read the database. */
  @Bean
  FilterRegistrationBean<Filter> databaseUnavailable(ObjectMapper json) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new DatabaseUnavailableFilter(json));
    registration.setName("databaseUnavailable");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }
}
