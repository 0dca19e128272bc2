package cn.ronghe.reliability.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL client programs an operator backs up and restores with ({@code pg_dump}, {@code pg_restore} from
 * Debian's {@code postgresql-client}), run exactly as docs/operations.md tells the operator to. Without them the
 * test is skipped with a message, unless {@code -Dronghe.pgclient.required=true} (set by {@code .ci/run}).
 */
final class PgClient {

  static final String REQUIRED_PROPERTY = "ronghe.pgclient.required";
  private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

  private final PostgresServer server;

  private PgClient(PostgresServer server) {
    this.server = server;
  }

  /** The client for this server; skips the test (or fails, when required) if pg_dump is missing or of another major. */
  static PgClient forServer(PostgresServer server, int serverMajor) {
    String version;
    try {
      version = run(List.of("pg_dump", "--version"));
    } catch (IllegalStateException e) {
      version = null;
    }
    Integer major = null;
    if (version != null) {
      Matcher m = VERSION.matcher(version);
      major = m.find() ? Integer.valueOf(m.group(1)) : null;
    }
    if (major == null || major != serverMajor) {
      String why = major == null ? "pg_dump is not installed (apt-get install postgresql-client)"
          : "pg_dump " + major + " cannot be trusted with a PostgreSQL " + serverMajor + " server";
      if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
        throw new AssertionError(why);
      }
      Assumptions.abort(why);
    }
    return new PgClient(server);
  }

  /** {@code pg_dump --format=custom --no-owner} of a database into {@code file}. */
  void dump(String database, Path file) {
    run(List.of("pg_dump", "--format=custom", "--no-owner", "--file=" + file, "--host=localhost",
        "--port=" + server.port(), "--username=" + PostgresServer.USER, database));
  }

  /** {@code pg_restore --no-owner --exit-on-error} of a dump into an existing, empty database. */
  void restore(Path file, String database) {
    run(List.of("pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + database, "--host=localhost",
        "--port=" + server.port(), "--username=" + PostgresServer.USER, file.toString()));
  }

  private static String run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(String.join(" ", command) + " could not run", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
