package cn.ronghe.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import cn.ronghe.property.PropertyRecords.Company;
import cn.ronghe.property.PropertyRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 8: text a user entered comes out as text wherever it is shown. Markup, an attribute break-out, an Angular
 * expression and a javascript: URL go in through the normal paths (an admission application admitted by the 市委, a
 * property company on the red list) and are read back from the served pages: escaped on the public catalogue and
 * the public red and black lists, verbatim as data in the task names the engine's REST API gives Tasklist. Values
 * reflected from the address (an unknown item code, a dashboard scope) are escaped too, and no template or script
 * of the project writes markup from data. H2 only: escaping does not depend on the database.
 */
@RongheSpringTest
class OutputEscapingTest {

  static final String SCRIPT = "<script>alert(1)</script>";
  static final String BREAK_OUT = "\"><img src=x onerror=alert(2)>";
  static final String ANGULAR = "{{constructor.constructor('alert(3)')()}}";
  static final String JS_URL = "javascript:alert(4)";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Markup that must never reach a page from data: an element or an attribute the payload opened. */
  private static final Pattern INJECTED = Pattern.compile("<script>alert|<img src=x|href=\"javascript:");

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  PropertyRepository property;

  @BeforeEach
  void h2Only() {
    assumeFalse("postgres".equals(System.getProperty("ronghe.test.database")), "escaping is checked on H2");
  }

  @Test
  void anAdmittedMatterWithMarkupInItsTextIsShownAsTextOnThePublicCatalogueAndInTaskNames() throws Exception {
    String name = "协助" + SCRIPT + BREAK_OUT + "登记" + fresh();
    String content = "入户登记 " + ANGULAR + " 详见 " + JS_URL;
    String legalBasis = "<a href=\"" + JS_URL + "\">依据</a>";
    ObjectNode vars = JSON.createObjectNode();
    Map.of("matterName", name, "listType", "ASSISTANCE", "content", content, "legalBasis", legalBasis,
        "targetScope", "STREETS", "expectedStart", LocalDate.now().plusMonths(3).toString(), "frequency", "QUARTERLY",
        "contactName", "顾丽", "contactPhone", "0512-53521234").forEach((k, v) -> vars.putObject(k).put("value", v));
    vars.putObject("targetStreets").put("type", "Json").put("value", "[\"loudong\"]");
    vars.putObject("workloadHours").put("value", 16);
    vars.putObject("funding").put("value", 1800);
    RestClient.Response started = RestClient.as(port, "weijian").post(
        "/engine-rest/process-definition/key/matter-admission/submit-form", "{\"variables\":" + vars + "}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String pid = started.json().path("id").asText();

    // The task names Tasklist shows carry the text as it was entered: JSON data, not markup, not escaped twice.
    JsonNode open = RestClient.as(port, "minzheng").get("/engine-rest/task?processInstanceId=" + pid).json();
    assertThat(open).isNotEmpty();
    assertThat(open.get(0).path("name").asText()).contains(" · ").endsWith(name);

    for (String[] step : new String[][] {
        {"minzheng", "Task_ReviewNecessity", "necessityDecision", "APPROVE", "necessityOpinion", "确需社区协助"},
        {"zuzhibu", "Task_ReviewBurden", "burdenDecision", "APPROVE", "burdenOpinion", "经费随事转移"},
        {"sifa", "Task_ReviewLegality", "legalityDecision", "APPROVE", "legalityOpinion", "符合规定"},
        {"loudong", "Task_StreetOpinion", "streetOpinion", "AGREE", "streetComment", "可承担"},
        {"minzheng", "Task_JointMeeting", "meetingDecision", "APPROVE", "meetingMinutes", "同意准入"},
        {"shiwei", "Task_CityApproval", "cityDecision", "APPROVE", "cityReason", "同意"}}) {
      completeIfOffered(pid, step);
    }
    RestClient admin = RestClient.as(port, "admin");
    for (JsonNode job : admin.get("/engine-rest/job?processInstanceId=" + pid + "&executable=true").json()) {
      assertThat(admin.post("/engine-rest/job/" + job.path("id").asText() + "/execute", null).status()).isEqualTo(204);
    }
    String code = jdbc.sql("SELECT item_code FROM adm_application WHERE matter_name = :n").param("n", name)
        .query(String.class).single();

    String catalogue = RestClient.anonymous(port).getHtml("/public/catalogue").body();
    assertEscaped(catalogue, escaped(name));
    String item = RestClient.anonymous(port).getHtml("/public/catalogue/items/" + code).body();
    assertEscaped(item, escaped(name), escaped(content), escaped(legalBasis));
    System.out.println("[escaping] matter " + code + " on /public/catalogue and its item page: escaped");
  }

  @Test
  void aCompanyNameWithMarkupIsShownAsTextOnThePublicRedAndBlackLists() {
    String code = "XSS" + ThreadLocalRandom.current().nextInt(1000, 10000);
    String name = "物业" + SCRIPT + BREAK_OUT + ANGULAR;
    property.insertCompany(new Company(code, name, "91320585XSS" + code.substring(3) + "000", "经理", "0512-1",
        "A", null, true, true));
    jdbc.sql("INSERT INTO property_list_entry (company_code, list_kind, grade, score, cycle_no, listed_on, "
        + "expires_on, status) SELECT :c, 'RED', 'A', 120, MIN(cycle_no), :on, :until, 'CURRENT' "
        + "FROM property_rating_cycle").param("c", code)
        .param("on", LocalDate.now()).param("until", LocalDate.now().plusYears(1)).update();
    try {
      String page = RestClient.anonymous(port).getHtml("/public/property-credit").body();
      assertEscaped(page, escaped(name));
    } finally {
      jdbc.sql("DELETE FROM property_list_entry WHERE company_code = :c").param("c", code).update();
      jdbc.sql("DELETE FROM property_company WHERE code = :c").param("c", code).update();
    }
  }

  @Test
  void valuesTakenFromTheAddressAreEscaped() {
    String hostile = "%22%3E%3Cimg%20src=x%20onerror=alert(2)%3E%3Cscript%3Ealert(1)%3C/script%3E";
    List<String> pages = List.of("/public/catalogue/items/" + hostile, "/public/catalogue?version=" + hostile,
        "/public/catalogue/diff?from=1&to=" + hostile);
    for (String path : pages) {
      RestClient.Response r = RestClient.anonymous(port).getHtml(path);
      System.out.println("[escaping] " + path + " -> " + r.status());
      assertThat(r.status()).as(path).isLessThan(500);
      assertThat(INJECTED.matcher(r.body()).find()).as(path + " reflects markup:\n" + r.body()).isFalse();
    }
    for (String path : List.of("/dashboard?street=" + hostile, "/dashboard?community=" + hostile)) {
      RestClient.Response r = RestClient.as(port, "admin").getHtml(path);
      System.out.println("[escaping] " + path + " as admin -> " + r.status());
      assertThat(r.status()).as(path).isLessThan(500);
      assertThat(INJECTED.matcher(r.body()).find()).as(path + " reflects markup:\n" + r.body()).isFalse();
    }
  }

  /**
   * The dashboard draws its API's JSON with textContent and ECharts (canvas, and tooltips that escape names); the
   * Tasklist plugins build elements. A template or script that writes markup from data would undo that.
   */
  @Test
  void noTemplateOrScriptOfTheProjectWritesMarkupFromData() throws IOException {
    Pattern unsafe = Pattern.compile("th:utext|\\[\\(|innerHTML|outerHTML|insertAdjacentHTML|document\\.write"
        + "|\\beval\\(|new Function\\(|ng-bind-html|\\$sce\\.trustAs");
    List<String> found = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (Path root : List.of(Path.of("src/main/resources/templates"), Path.of("src/main/resources/static"),
        Path.of("src/main/resources/META-INF/resources/webjars/camunda/app"))) {
      try (Stream<Path> s = Files.walk(root)) {
        s.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".js")).forEach(files::add);
      }
    }
    for (Path f : files) {
      List<String> lines = Files.readAllLines(f);
      for (int i = 0; i < lines.size(); i++) {
        if (unsafe.matcher(lines.get(i)).find()) {
          found.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
    }
    assertThat(files).as("templates and scripts scanned").hasSizeGreaterThan(10);
    assertThat(found).as("markup written from data").isEmpty();
  }

  private void completeIfOffered(String pid, String[] step) throws Exception {
    RestClient user = RestClient.as(port, step[0]);
    JsonNode tasks = user.get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + step[1]).json();
    for (JsonNode t : tasks) {
      ObjectNode vars = JSON.createObjectNode();
      vars.putObject(step[2]).put("value", step[3]);
      vars.putObject(step[4]).put("value", step[5]);
      if ("Task_JointMeeting".equals(step[1])) {
        vars.putObject("meetingDate").put("value", LocalDate.now().toString());
      }
      RestClient.Response r = user.post("/engine-rest/task/" + t.path("id").asText() + "/submit-form",
          "{\"variables\":" + vars + "}");
      assertThat(r.status()).as(step[0] + " " + step[1] + ": " + r.body()).isEqualTo(204);
    }
  }

  /** The page shows the text escaped, and nothing of it as markup. */
  private static void assertEscaped(String page, String... escapedTexts) {
    assertThat(page).contains(escapedTexts);
    assertThat(INJECTED.matcher(page).find()).as("markup from data on the page").isFalse();
  }

  /** What Thymeleaf's th:text writes for a text: &lt; &gt; &amp; &quot; &#39; escaped. */
  static String escaped(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  private static String fresh() {
    return CorpusCases.nonce();
  }
}
