package cn.ronghe.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Malformed files for the CSV imports (the registry, the street's assessment results, the worker register): every
 * column of a good line in turn replaced by each wrong value, plus files broken as a whole.
 */
final class CsvProbes {

  private static final List<String> CELL_VALUES = List.of("", "x'); DROP TABLE career_worker; --",
      "<script>alert(1)</script>", "壹".repeat(100_000), "abc\u0000def", "-1", "99999999999999999999");
  private static final List<String> FREE_TEXT_VALUES = List.of("", "壹".repeat(100_000), "abc\u0000def");

  private CsvProbes() {
  }

  /**
   * @param header the file's header line
   * @param good a line the import accepts; every probe breaks it
   * @param rest the other lines of a good file (for an import that replaces everything), may be empty
   * @param skip columns the import ignores on this kind of line (not probed)
   * @param freeText columns of free text, where injection text is legitimate content and only missing,
   *     overlong and control characters are wrong
   */
  static List<Probe> generate(String name, String user, String path, String header, String good, String rest,
      Set<Integer> skip, Set<Integer> freeText) {
    List<Probe> probes = new ArrayList<>();
    String[] cells = good.split(",", -1);
    for (int col = 0; col < cells.length; col++) {
      if (skip.contains(col)) {
        continue;
      }
      for (String bad : freeText.contains(col) ? FREE_TEXT_VALUES : CELL_VALUES) {
        if (bad.equals(cells[col])) {
          continue;
        }
        String[] line = cells.clone();
        line[col] = bad;
        probes.add(csv(name, "column " + (col + 1) + " = " + describe(bad), user, path, header + "\n"
            + String.join(",", line) + "\n" + rest));
      }
    }
    probes.add(csv(name, "empty file", user, path, ""));
    probes.add(csv(name, "header only", user, path, header + "\n"));
    probes.add(csv(name, "wrong header", user, path, "a,b,c\n" + good + "\n"));
    probes.add(csv(name, "missing column", user, path, header + "\n" + good.substring(0, good.lastIndexOf(',')) + "\n" + rest));
    probes.add(csv(name, "extra column", user, path, header + "\n" + good + ",额外\n" + rest));
    probes.add(csv(name, "unbalanced quote", user, path, header + "\n\"" + good + "\n"));
    probes.add(csv(name, "good line then a bad one", user, path, header + "\n" + good + "\n" + good.replace(',', ';')
        + "\n"));
    byte[] utf8 = (header + "\n" + good + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] broken = new byte[utf8.length + 3];
    System.arraycopy(utf8, 0, broken, 0, utf8.length);
    broken[utf8.length] = (byte) 0xFF;
    broken[utf8.length + 1] = (byte) 0xC3;
    broken[utf8.length + 2] = '\n';
    probes.add(new Probe("csv:" + name, "invalid UTF-8", user, "POST", path, "text/csv", broken));
    return probes;
  }

  private static Probe csv(String name, String what, String user, String path, String text) {
    return new Probe("csv:" + name, what, user, "POST", path, "text/csv", text.getBytes(StandardCharsets.UTF_8));
  }

  private static String describe(String v) {
    return v.isEmpty() ? "(empty)" : v.length() > 30 ? v.length() + " characters" : v.replace("\u0000", "\\0");
  }
}
