package cn.ronghe.reliability.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a test measured, printed as it goes ({@code [database] outage 20.3 s}) and written to
 * {@code target/it-database/<test>.md}. Only printed and recorded: the machine is shared, so no test judges time.
 */
final class Figures {

  private final String test;
  private final Map<String, String> rows = new LinkedHashMap<>();

  Figures(String test) {
    this.test = test;
  }

  void seconds(String what, double seconds) {
    add(what, String.format("%.1f s", seconds));
  }

  void add(String what, Object value) {
    rows.put(what, String.valueOf(value));
    System.out.println("[database] " + what + " " + value);
  }

  /** Writes the table; called in a finally block, so a failed run still leaves what it measured. */
  void write() {
    StringBuilder md = new StringBuilder("# " + test + "\n\n| what | figure |\n|---|---:|\n");
    rows.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    try {
      Path dir = Files.createDirectories(Path.of("target", "it-database"));
      Files.writeString(dir.resolve(test + ".md"), md, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
