package cn.ronghe.platform.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the production profile while the administrator's password is unset, a well-known
 * default, the user id itself, or shorter than 10 characters, or while the demo users (password = user id) are
 * switched on (a test rig on PostgreSQL that needs them says so with {@code ronghe.demo.insecure=true}, environment
 * {@code RONGHE_DEMO_INSECURE=true}). Runs before any bean, so nothing touches the database with a weak password
 * in place.
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
    if (env.getProperty("ronghe.demo.enabled", Boolean.class, false)
        && !env.getProperty("ronghe.demo.insecure", Boolean.class, false)) {
      throw new IllegalStateException("生产配置拒绝启动：演示用户（密码与用户名相同）不得在 postgres 配置下创建，"
          + "请去掉 RONGHE_DEMO_ENABLED / ronghe.demo.enabled 及 demo 配置"
          + "（仅测试环境可另设 RONGHE_DEMO_INSECURE=true）。"
          + " / Refusing to start the postgres profile with the demo users switched on (their password is their id)"
          + "; remove RONGHE_DEMO_ENABLED / ronghe.demo.enabled and the demo profile"
          + " (a test rig may set RONGHE_DEMO_INSECURE=true).");
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
