package cn.ronghe.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Chinese UI strings (src/main/resources/META-INF/resources/webjars/camunda/app/<app>/locales/zh.json) against
 * the English ones of the Camunda webjar on the classpath: the same keys, placeholders, links and markup, so a
 * Camunda upgrade that adds, renames or rewords a string fails the build instead of showing a raw key.
 */
class WebappLocalesTest {

  private static final String APP_PATH = "META-INF/resources/webjars/camunda/app/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|\\{}|%[sd]");
  private static final Pattern MARKUP = Pattern.compile("</?(?:a|br|strong|em|b|i|code|span|p)\\b[^>]*>");
  /** Values that stay as they are in Chinese too: identifiers, file formats, symbols. */
  private static final Pattern KEPT_AS_IS =
      Pattern.compile("|[<>=]+|ID\\*?|null|CSV|JSON|Optimize|requestPayload|YYYY-MM-DDTHH:mm:ss");
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseHasExactlyTheKeysOfCamundasEnglish(String app) throws IOException {
    Map<String, String> en = labels(webjarEnglish(app));
    Map<String, String> zh = labels(ours(app));

    TreeSet<String> missing = new TreeSet<>(en.keySet());
    missing.removeAll(zh.keySet());
    TreeSet<String> extra = new TreeSet<>(zh.keySet());
    extra.removeAll(en.keySet());
    assertThat(missing).as("keys of the webjar's %s/locales/en.json missing in our zh.json", app).isEmpty();
    assertThat(extra).as("keys in our %s/locales/zh.json that Camunda no longer has", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseKeepsPlaceholdersLinksAndMarkup(String app) throws IOException {
    Map<String, String> en = labels(webjarEnglish(app));
    Map<String, String> zh = labels(ours(app));
    List<String> problems = new ArrayList<>();
    en.forEach((key, english) -> {
      String chinese = zh.get(key);
      if (chinese == null) {
        return;
      }
      if (!all(PLACEHOLDER, english).equals(all(PLACEHOLDER, chinese))) {
        problems.add(key + ": placeholders " + all(PLACEHOLDER, english) + " became " + all(PLACEHOLDER, chinese));
      }
      if (!all(MARKUP, english).equals(all(MARKUP, chinese))) {
        problems.add(key + ": markup " + all(MARKUP, english) + " became " + all(MARKUP, chinese));
      }
      if (chinese.equals(english) && !KEPT_AS_IS.matcher(english).matches()) {
        problems.add(key + ": not translated: " + english);
      }
      // "s" is the plural ending Camunda appends to a word; Chinese has none.
      if (chinese.isBlank() && !english.isBlank() && !english.equals("s")) {
        problems.add(key + ": empty");
      }
    });
    assertThat(problems).as("%s/locales/zh.json", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void chineseDateLocaleHasTheShapeOfTheEnglishOne(String app) throws IOException {
    JsonNode en = webjarEnglish(app).get("dateLocales");
    JsonNode zh = ours(app).get("dateLocales");
    assertThat(zh).as("%s dateLocales", app).isNotNull();
    assertThat(shape(zh, "")).isEqualTo(shape(en, ""));
    assertThat(zh.at("/longDateFormat/L").asText()).isEqualTo("YYYY-MM-DD");
    assertThat(zh.at("/week/dow").asInt()).as("weeks start on Monday").isEqualTo(1);
  }

  private static Map<String, String> labels(JsonNode locale) {
    Map<String, String> labels = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = locale.get("labels").fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      labels.put(field.getKey(), field.getValue().asText());
    }
    return labels;
  }

  /** Paths of all leaves, arrays with their length: what moment.js reads. */
  private static List<String> shape(JsonNode node, String path) {
    List<String> paths = new ArrayList<>();
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(name -> paths.addAll(shape(node.get(name), path + "/" + name)));
    } else if (node.isArray()) {
      paths.add(path + "[" + node.size() + "]");
    } else {
      paths.add(path);
    }
    Collections.sort(paths);
    return paths;
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    Collections.sort(found);
    return found;
  }

  /** The English file inside the Camunda webjar (we ship no en.json of our own). */
  private static JsonNode webjarEnglish(String app) throws IOException {
    URL url = WebappLocalesTest.class.getClassLoader().getResource(APP_PATH + app + "/locales/en.json");
    assertThat(url).as("en.json of %s in the Camunda webjar", app).isNotNull();
    assertThat(url.toString()).as("en.json must come from the webjar").contains("camunda-webapp-webjar");
    return read(url);
  }

  /** Our zh.json: the first on the classpath, as the webapp's resource handler serves it. */
  private static JsonNode ours(String app) throws IOException {
    URL url = WebappLocalesTest.class.getClassLoader().getResource(APP_PATH + app + "/locales/zh.json");
    assertThat(url).as("zh.json of %s", app).isNotNull();
    assertThat(url.toString()).as("zh.json must be ours, not a webjar's").doesNotContain(".jar!");
    return read(url);
  }

  private static JsonNode read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      byte[] bytes = in.readAllBytes();
      // Camunda's files start with a byte order mark, which Jackson does not skip.
      int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB ? 3 : 0;
      return JSON.readTree(new String(bytes, start, bytes.length - start, java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
