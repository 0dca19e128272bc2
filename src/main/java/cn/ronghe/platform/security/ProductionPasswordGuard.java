package cn.ronghe.platform.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the production profile while the administrator's password is unset, a well-known
 * default, the user id itself, or shorter than 10 characters. Runs before any bean, so nothing touches the
 * database with a weak password in place.
 */
public class ProductionPasswordGuard implements EnvironmentPostProcessor {

  static final Set<String> DEFAULTS = Set.of("admin", "demo", "password", "changeme", "camunda", "ronghe",
      "123456", "12345678", "1234567890", "admin123", "password1", "qwerty", "taicang");
  static final int MIN_LENGTH = 10;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    if (!Arrays.asList(env.getActiveProfiles()).contains("postgres")) {
      return;
    }
    String user = env.getProperty("camunda.bpm.admin-user.id", "admin");
    String password = env.getProperty("camunda.bpm.admin-user.password", "");
    String problem = problemWith(user, password);
    if (problem != null) {
      throw new IllegalStateException("生产配置拒绝启动：管理员密码" + problem
          + "。请通过环境变量 RONGHE_ADMIN_PASSWORD 设置一个至少 " + MIN_LENGTH + " 位的强密码。"
          + " / Refusing to start the postgres profile: the admin password is unset or weak"
          + "; set RONGHE_ADMIN_PASSWORD to a strong password of at least " + MIN_LENGTH + " characters.");
    }
  }

  /** Chinese description of what is wrong with the password, or null when it is acceptable. */
  static String problemWith(String user, String password) {
    if (password == null || password.isBlank()) {
      return "未设置";
    }
    if (DEFAULTS.contains(password.toLowerCase(Locale.ROOT)) || password.equalsIgnoreCase(user)) {
      return "是默认值或与用户名相同";
    }
    if (password.length() < MIN_LENGTH) {
      return "过短";
    }
    return null;
  }
}
