package cn.ronghe.reliability.database;

import cn.ronghe.RestClient;
import cn.ronghe.RongheApplication;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application inside the test JVM, as production runs it (job executor on, web server on a free port),
 * on a database of a {@link PostgresServer}. Demo users are created; the demo cases only when asked, so a test
 * decides which processes are open. Closing one and starting another on a restored database is a node restart.
 */
final class RunningApp implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final int port;

  private RunningApp(ConfigurableApplicationContext context) {
    this.context = context;
    this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  /**
   * Starts the app on {@code jdbcUrl}; {@code extra} overrides or adds properties (e.g. the demo cases on).
   */
  static RunningApp start(String jdbcUrl, Map<String, Object> extra) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", jdbcUrl);
    properties.put("spring.datasource.username", PostgresServer.USER);
    properties.put("spring.datasource.password", PostgresServer.PASSWORD);
    properties.put("server.port", 0);
    for (String capability : new String[] {"admission", "career", "property", "grid", "reserve"}) {
      properties.put("ronghe." + capability + ".demo-cases", false);
    }
    properties.put("ronghe.cobuilding.demo-processes", false);
    properties.put("ronghe.evaluation.demo-processes", false);
    properties.putAll(extra);
    // As command-line arguments: they outrank application.yaml (default properties would not).
    String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    ConfigurableApplicationContext context = new SpringApplicationBuilder(RongheApplication.class)
        .profiles("demo")
        .run(args);
    return new RunningApp(context);
  }

  int port() {
    return port;
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  RestClient as(String user) {
    return RestClient.as(port, user);
  }

  /** The status of {@code /actuator/health}: 200 (UP) or 503 (DOWN). */
  int health() {
    return RestClient.anonymous(port).get("/actuator/health").status();
  }

  @Override
  public void close() {
    context.close();
  }
}
