package cn.ronghe.reliability.cluster;

import cn.ronghe.RestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One node of the cluster: the packaged jar in its own JVM on a free port, its output in
 * {@code target/cluster/<name>.log}. The tests start two of them on one database and kill one with SIGKILL.
 */
final class AppNode {

  static final Path JAR = Path.of("target", "ronghe-1.0.0-SNAPSHOT.jar");
  static final Path DIR = Path.of("target", "cluster");

  private final String name;
  private final Map<String, String> env;
  private final List<String> args;
  private final Path log;
  private final int port;
  private Process process;
  private long startedAt;

  /** {@code env}: environment variables, as an operator sets them; {@code args}: further Spring properties. */
  AppNode(String name, Map<String, String> env, List<String> args) {
    this.name = name;
    this.env = env;
    this.args = args;
    this.log = DIR.resolve(name + ".log");
    this.port = freePort();
  }

  String name() {
    return name;
  }

  int port() {
    return port;
  }

  /** Starts the JVM and returns at once; {@link #awaitUp} waits for it to serve. */
  void start() {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-Duser.timezone=Asia/Shanghai",
        "-Dfile.encoding=UTF-8", "-jar", JAR.toAbsolutePath().toString(),
        // The engine's host name goes into every job log entry: the tests read which node ran which job.
        "--camunda.bpm.generic-properties.properties.hostname=" + name));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    pb.environment().putAll(env);
    pb.environment().put("PORT", String.valueOf(port));
    try {
      Files.createDirectories(DIR);
      startedAt = System.nanoTime();
      process = pb.start();
      // Should the test JVM be stopped before its @AfterAll (Ctrl-C, a fork timeout), the node goes with it.
      Process started = process;
      Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for {@code /actuator/health} to answer UP; returns the seconds since {@link #start}. */
  double awaitUp(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RestClient anonymous = RestClient.anonymous(port);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + " while starting; its log ends:\n"
            + tail(80));
      }
      try {
        RestClient.Response r = anonymous.get("/actuator/health");
        if (r.status() == 200 && r.body().contains("\"UP\"")) {
          return (System.nanoTime() - startedAt) / 1e9;
        }
      } catch (IllegalStateException notListeningYet) {
        // connection refused until Tomcat is up
      }
      sleep(500);
    }
    throw new AssertionError(name + " not UP after " + timeout.toSeconds() + " s; its log ends:\n" + tail(80));
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL, as when the machine or the JVM dies: no shutdown hook, no unlock, connections just drop. */
  void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    waitFor(Duration.ofMinutes(1));
  }

  /** A normal stop (SIGTERM), forced after a minute; never leaves the JVM behind. */
  void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    if (!waitFor(Duration.ofMinutes(1))) {
      kill();
    }
  }

  private boolean waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return false;
    }
  }

  RestClient as(String user, String password) {
    return RestClient.as(port, user, password);
  }

  /** The last lines of the node's log, for failure messages. */
  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
