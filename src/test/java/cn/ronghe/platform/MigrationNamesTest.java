package cn.ronghe.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Capabilities write their migrations in parallel; H2 keeps constraint and index names per schema, so two
 * capabilities choosing the same name break every start. Says which files clash instead.
 */
class MigrationNamesTest {

  private static final Pattern NAMED = Pattern.compile("(?i)\\b(?:CONSTRAINT|INDEX)\\s+([a-z_][a-z0-9_]*)");
  private static final Pattern VERSION = Pattern.compile("^V(\\d+)__.+\\.sql$");

  @Test
  void constraintAndIndexNamesAreUniqueAcrossMigrations() throws IOException {
    Map<String, String> firstSeen = new HashMap<>();
    List<String> clashes = new ArrayList<>();
    for (Path file : migrations()) {
      Matcher m = NAMED.matcher(Files.readString(file));
      while (m.find()) {
        String name = m.group(1).toLowerCase(Locale.ROOT);
        String previous = firstSeen.putIfAbsent(name, file.getFileName().toString());
        if (previous != null && !previous.equals(file.getFileName().toString())) {
          clashes.add(name + " in " + previous + " and " + file.getFileName());
        }
      }
    }
    assertThat(clashes).isEmpty();
  }

  @Test
  void versionsAreUnique() throws IOException {
    Map<String, String> versions = new HashMap<>();
    List<String> clashes = new ArrayList<>();
    for (Path file : migrations()) {
      Matcher m = VERSION.matcher(file.getFileName().toString());
      assertThat(m.matches()).as(file.getFileName() + " is not named V<n>__<what>.sql").isTrue();
      String previous = versions.putIfAbsent(m.group(1), file.getFileName().toString());
      if (previous != null) {
        clashes.add("V" + m.group(1) + ": " + previous + " and " + file.getFileName());
      }
    }
    assertThat(clashes).isEmpty();
  }

  private static List<Path> migrations() throws IOException {
    try (Stream<Path> s = Files.walk(Path.of("src/main/resources/db/migration"))) {
      return s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
  }
}
