package cn.ronghe.reliability;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The malformed values the corpus tries, as JSON text ready to embed. A lone UTF-16 surrogate is written as the
 * JSON escape {@code \ud800}, which decodes to a string no database can store as UTF-8.
 */
final class BadValues {

  static final String MEGABYTE = "\"" + "壹".repeat((1 << 20) / 3) + "\"";
  static final String SQL = "\"x'); DROP TABLE career_worker; --\"";
  static final String SQL_OR = "\"1' OR '1'='1\"";
  static final String SCRIPT = "\"<script>alert('xss')</script>\"";
  static final String NUL = "\"abc\\u0000def\"";
  static final String LONE_SURROGATE = "\"abc\\ud800def\"";

  private BadValues() {
  }

  /** For a text value: what must not be stored. */
  static Map<String, String> forText() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("wrong type (number)", "42");
    m.put("wrong type (object)", "{\"a\":1}");
    m.put("1 MB string", MEGABYTE);
    m.put("NUL character", NUL);
    m.put("lone surrogate", LONE_SURROGATE);
    return m;
  }

  /** For a value from a fixed set, a number, a date, a flag or an id: text that is none of those. */
  static Map<String, String> forConstrained() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("SQL injection", SQL);
    m.put("SQL tautology", SQL_OR);
    m.put("script injection", SCRIPT);
    m.put("1 MB string", MEGABYTE);
    m.put("lone surrogate", LONE_SURROGATE);
    return m;
  }
}
