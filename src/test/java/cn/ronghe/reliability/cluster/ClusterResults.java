package cn.ronghe.reliability.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of the cluster tests: printed as they come ({@code [cluster] ...}) and written as a table. */
final class ClusterResults {

  private record Row(String test, String what, String value) {
  }

  private final List<Row> rows = new ArrayList<>();

  void add(String test, String what, double value, String unit) {
    String v = value == Math.rint(value) && unit.isEmpty() ? String.format(Locale.ROOT, "%,d", (long) value)
        : String.format(Locale.ROOT, "%.1f %s", value, unit).strip();
    add(test, what, v);
  }

  void add(String test, String what, String value) {
    rows.add(new Row(test, what, value));
    System.out.println("[cluster] " + test + ": " + what + " " + value);
  }

  void write(Path file) throws IOException {
    if (rows.isEmpty()) {
      return;
    }
    StringBuilder md = new StringBuilder("# Cluster tests (ClusterIT)\n\n")
        .append("Two nodes of the packaged jar on one embedded PostgreSQL 15, run ").append(OffsetDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
        .append(" on ").append(Runtime.getRuntime().availableProcessors()).append(" cores (load average ")
        .append(loadAverage()).append("). Figures only; the test asserts correctness, not time.\n\n")
        .append("| test | what | value |\n|---|---|---:|\n");
    rows.forEach(r -> md.append("| ").append(r.test()).append(" | ").append(r.what()).append(" | ").append(r.value())
        .append(" |\n"));
    Files.createDirectories(file.getParent());
    Files.writeString(file, md, StandardCharsets.UTF_8);
  }

  /** How busy the machine was (Linux), since the times depend on it. */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
