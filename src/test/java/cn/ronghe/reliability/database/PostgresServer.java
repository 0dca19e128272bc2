package cn.ronghe.reliability.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL 15 server (zonky's embedded binaries) that a test can stop and start again on the same data
 * directory and port, as an operator restarts a database under a running application.
 */
final class PostgresServer implements AutoCloseable {

  static final String USER = "postgres";
  static final String PASSWORD = "postgres";

  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres running;

  private PostgresServer(Path dataDirectory, int port) {
    this.dataDirectory = dataDirectory;
    this.port = port;
  }

  /** A new server in a fresh directory under {@code target/}, on a free port. */
  static PostgresServer startNew(String name) {
    try {
      Path parent = Files.createDirectories(Path.of("target", "it-postgres"));
      PostgresServer server = new PostgresServer(Files.createTempDirectory(parent, name + "-"), freePort());
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the server on its directory; the first start runs initdb there, later ones find the data. */
  void start() {
    if (running != null) {
      throw new IllegalStateException("PostgreSQL is already running on port " + port);
    }
    try {
      running = EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false)
          .setPort(port)
          .setRegisterShutdownHook(false)
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start on " + dataDirectory, e);
    }
  }

  /**
   * Stops the server with pg_ctl's fast shutdown: open sessions are ended, their transactions rolled back, new
   * connections refused. Waits until the postmaster has removed its pid file, so a start after this finds the
   * directory free.
   */
  void stop() {
    if (running == null) {
      return;
    }
    try {
      running.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      running = null;
    }
    Polling.until("PostgreSQL to remove its pid file", 60,
        () -> !Files.exists(dataDirectory.resolve("postmaster.pid")));
  }

  boolean isRunning() {
    return running != null;
  }

  String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port + "/" + database;
  }

  int port() {
    return port;
  }

  void createDatabase(String name) {
    execute("postgres", "CREATE DATABASE " + name);
  }

  void execute(String database, String sql) {
    try (Connection c = DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed on " + database, e);
    }
  }

  /** Stops the server and deletes its data directory. */
  @Override
  public void close() {
    stop();
    try {
      FileSystemUtils.deleteRecursively(dataDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
