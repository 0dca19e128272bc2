package cn.ronghe.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The results of one benchmark run on one database: printed as they come and written as Markdown and CSV
 * under {@code target/bench/}. Every figure sits beside the baseline measured in the same run.
 */
public final class BenchTable {

  record Row(String section, String metric, double value, String unit, String note) {
  }

  private static final List<Row> ROWS = new ArrayList<>();

  private BenchTable() {
  }

  public static String database() {
    return System.getProperty("ronghe.test.database", "h2");
  }

  public static synchronized void add(String section, String metric, double value, String unit, String note) {
    Row row = new Row(section, metric, value, unit, note == null ? "" : note);
    ROWS.add(row);
    System.out.printf(Locale.ROOT, "[bench %s] %-14s %-48s %12.2f %-10s %s%n", database(), section, metric, value,
        unit, row.note());
    write();
  }

  private static void write() {
    Path dir = Path.of("target", "bench");
    StringBuilder md = new StringBuilder("| section | metric | value | unit | note |\n|---|---|---:|---|---|\n");
    StringBuilder csv = new StringBuilder("database,section,metric,value,unit,note\n");
    for (Row r : ROWS) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %s | %s |%n", r.section(), r.metric(), r.value(),
          r.unit(), r.note()));
      csv.append(String.format(Locale.ROOT, "%s,%s,%s,%.4f,%s,\"%s\"%n", database(), r.section(), r.metric(),
          r.value(), r.unit(), r.note().replace("\"", "\"\"")));
    }
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("results-" + database() + ".md"), md, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("results-" + database() + ".csv"), csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
