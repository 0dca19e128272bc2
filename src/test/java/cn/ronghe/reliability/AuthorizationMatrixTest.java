package cn.ronghe.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 8, authorisation: one table of every demo role against every process start (every process Tasklist offers),
 * a user task of each process the demo opens, every operation of the project's REST API (its OpenAPI description:
 * rows not named explicitly are generated from it, so a new endpoint fails the test until the table has its row),
 * the webapps' logins and the pages — Y where the role gets past authorisation, N where it is refused
 * (401/403). Starts and completions are sent with input the process refuses, so "Y" shows as 400 and nothing
 * changes. Columns: one demo user of each role, then an anonymous caller.
 */
@RongheSpringTest
class AuthorizationMatrixTest {

  static final List<String> USERS = List.of("admin", "shiwei", "zuzhibu", "minzheng", "sifa", "weijian", "loudong",
      "dongcang", "nonghang");

  /** Expected outcome per row: one letter per column of {@link #USERS}, then anonymous. */
  static final String MATRIX = """
      # row                                                      admin shiwei zuzhibu minzheng sifa weijian loudong dongcang nonghang anonymous
      # Y: past authentication and authorisation (2xx, or 400/404 from the input); N: 401/403. Rows named by an
      # OpenAPI template were added by everyOtherApiOperation; "(invalid body)" rows whose rule depends on the body
      # (a rating's or contact's own side) refuse the body first.
      GET /public/catalogue                                      YYYYYYYYYY
      GET /public/catalogue.csv                                  YYYYYYYYYY
      GET /public/catalogue/diff?from=1&to=1                     YYYYYYYYYY
      GET /public/catalogue/items/{code}                         YYYYYYYYYY
      GET /public/property-credit                                YYYYYYYYYY
      GET /dashboard                                             YYYYYYYYYN
      GET /actuator/health                                       YYYYYYYYYY
      GET /actuator/prometheus                                   YYYYYYYYYN
      GET /actuator/metrics                                      YYYYYYYYYN
      GET /v3/api-docs                                           YYYYYYYYYN
      GET /swagger-ui/index.html                                 YYYYYYYYYN
      login tasklist                                             YYYYYYYYYN
      login cockpit                                              YNNNNNNNNN
      login admin                                                YNNNNNNNNN
      GET /api/registry                                          YYYYYYYYYN
      GET /api/registry/export                                   YYYYYYYYYN
      GET /api/registry/summary                                  YYYYYYYYYN
      GET /api/policy                                            YYYYYYYYYN
      GET /api/calendar                                          YYYYYYYYYN
      GET /api/notifications                                     YYYYYYYYYN
      GET /api/audit/NO-SUCH-CASE                                YYYYYYYYYN
      GET /api/catalogue                                         YYYYYYYYYN
      GET /api/catalogue/versions                                YYYYYYYYYN
      GET /api/admission/applications                            YYYYYYNNNN
      GET /api/admission/banned-categories                       YYYYYYYYYN
      GET /api/admission/reports                                 YYYYYYNYNN
      GET /api/admission/reports/repeat-offenders                YYYYYNNNNN
      GET /api/cobuilding/demands                                YYYYYYYYYN
      GET /api/cobuilding/resources                              YYYYYYYYYN
      GET /api/cobuilding/projects                               YYYYYYYYYN
      GET /api/cobuilding/contacts                               YYYYYYYYYN
      GET /api/cobuilding/export/projects.csv                    YYYYYYYYYN
      GET /api/evaluation/cycles                                 YYYYYYYYYN
      GET /api/evaluation/reports/units/u109                     YYYYNNYNYN
      GET /api/evaluation/reports/communities/dongcang           YYYYNNYYNN
      GET /api/evaluation/reports/units.csv                      YYYYYYYYYN
      GET /api/career/workers                                    YYYYNNYYNN
      GET /api/career/reviews/cycles                             YYYYYYYYYN
      GET /api/career/batches                                    YYYYYYYYYN
      GET /api/career/views/city                                 YYYYNNNNNN
      GET /api/career/views/streets/loudong                      YYYYNNYNNN
      GET /api/career/views/communities/dongcang                 YYYYNNYYNN
      GET /api/notices                                           YYYYYYYYYN
      GET /engine-rest/task                                      YYYYYYYYYN
      GET /engine-rest/process-instance                          YYYYYYYYYN
      GET /engine-rest/history/process-instance                  YYYYYYYYYN
      GET /engine-rest/user                                      YYYYYYYYYN
      GET /engine-rest/authorization                             YYYYYYYYYN
      PUT /api/policy/{key} (invalid value)                      YNNNNNNNNN
      POST /api/registry/import (bad file)                       YNNNNNNNNN
      POST /api/career/workers/import (bad file)                 YNNYNNNNNN
      PUT /api/career/assessments/{year}/{workerId} (invalid body) YNNNNNYNNN
      PUT /api/calendar/{date} (invalid body)                    YNNNNNNNNN
      DELETE /api/calendar/{date} (unknown id)                   YNNNNNNNNN
      PUT /api/admission/banned-categories (invalid body)        YNNYNNNNNN
      POST /api/reserve/sessions (invalid body)                  YNYNNNNNNN
      POST /api/reserve/candidates/{id}/exit (invalid body)      YNYNNNYNNN
      POST /api/notifications/{id}/read (unknown id)             YYYYYYYYYN
      POST /api/notices/{noticeNo}/objections (invalid body)     YYYYYYYYYN
      POST /api/evaluation/cycles (invalid body)                 YNYNNNNNNN
      POST /api/evaluation/cycles/{cycleNo}/ratings (invalid body) YYYYYYYYYN
      POST /api/cobuilding/resources (invalid body)              YNNNNNNYYN
      POST /api/cobuilding/resources/{itemNo}/withdraw (invalid body) YNNNNNNNNN
      POST /api/cobuilding/resources/{itemNo}/claims (invalid body) YNNNNNNYYN
      POST /api/cobuilding/projects/{projectNo}/cancel (invalid body) YNNNNNYYNN
      POST /api/cobuilding/demands (invalid body)                YNNNNNNYYN
      POST /api/cobuilding/demands/{itemNo}/withdraw (invalid body) YNNNNNNNNN
      POST /api/cobuilding/demands/{itemNo}/claims (invalid body) YNNNNNNYYN
      POST /api/cobuilding/contacts (invalid body)               YYYYYYYYYN
      POST /api/career/workers/{workerId}/status (invalid body)  YNNYNNNNNN
      POST /api/career/reviews/cycles (invalid body)             YNNYNNNNNN
      POST /api/career/batches/{taskId}/decision (invalid body)  YYYYYYYYYN
      POST /api/career/assessments/{year}/import (invalid body)  YYYYYYYYYN
      POST /api/branches/{code}/negative-events (invalid body)   YNYNNNYNNN
      GET /api/reserve/cohorts                                   YYYYYYYYYN
      GET /api/reserve/cohorts/{code}/sessions                   YYYYYYYYYN
      GET /api/reserve/cohorts/{code}/report                     YYYYYYYYYN
      GET /api/reserve/cohorts/{code}/candidates                 YYYYYYYYYN
      GET /api/reserve/candidates/{id}                           YYYYYYYYYN
      GET /api/registry/units                                    YYYYYYYYYN
      GET /api/registry/streets                                  YYYYYYYYYN
      GET /api/registry/pairings                                 YYYYYYYYYN
      GET /api/registry/departments                              YYYYYYYYYN
      GET /api/registry/communities                              YYYYYYYYYN
      GET /api/property/ratings/{cycleNo}                        YYYYYYYYYN
      GET /api/property/credit/lists                             YYYYYYYYYN
      GET /api/property/compounds                                YYYYYYYYYN
      GET /api/property/companies                                YYYYYYYYYN
      GET /api/property/companies/{code}                         YYYYYYYYYN
      GET /api/notices/{noticeNo}                                YYYYYYYYYN
      GET /api/grid/throughput                                   YYYYYYYYYN
      GET /api/grid/reports                                      YYYYYYYYYN
      GET /api/grid/reports/{caseNo}                             YYYYYYYYYN
      GET /api/grid/grids                                        YYYYYYYYYN
      GET /api/evaluation/reports/communities.csv                YYYYYYYYYN
      GET /api/evaluation/cycles/{cycleNo}                       YYYYYYYYYN
      GET /api/evaluation/cycles/{cycleNo}/results               YYYYYYYYYN
      GET /api/evaluation/cycles/{cycleNo}/results.csv           YYYYYYYYYN
      GET /api/evaluation/cycles/{cycleNo}/pairings/{unitCode}/{communityCode} YYYYNNYYYN
      GET /api/dashboard                                         YYYYYYYYYN
      GET /api/dashboard/panels/{id}                             YYYYYYYYYN
      GET /api/cobuilding/resources/{itemNo}                     YYYYYYYYYN
      GET /api/cobuilding/resources/{itemNo}/matches             YYYYYYYYYN
      GET /api/cobuilding/projects/{projectNo}                   YYYYYYYYYN
      GET /api/cobuilding/export/resources.csv                   YYYYYYYYYN
      GET /api/cobuilding/export/demands.csv                     YYYYYYYYYN
      GET /api/cobuilding/demands/{itemNo}                       YYYYYYYYYN
      GET /api/cobuilding/demands/{itemNo}/matches               YYYYYYYYYN
      GET /api/cobuilding/categories                             YYYYYYYYYN
      GET /api/catalogue/versions/{versionNo}                    YYYYYYYYYN
      GET /api/catalogue/items                                   YYYYYYYYYN
      GET /api/catalogue/items/{code}                            YYYYYYYYYN
      GET /api/catalogue/in-force                                YYYYYYYYYN
      GET /api/catalogue/export.csv                              YYYYYYYYYN
      GET /api/catalogue/diff                                    YYYYYYYYYN
      GET /api/career/workers/{workerId}                         YYYYNNYYNN
      GET /api/career/reviews/{year}/{workerId}                  YYYYNNYYNN
      GET /api/career/reviews/cycles/{cycleNo}                   YYYYYYYYYN
      GET /api/career/batches/{taskId}                           YYYYYYYYYN
      GET /api/calendar/working-days                             YYYYYYYYYN
      GET /api/branches                                          YYYYYYYYYN
      GET /api/branches/{code}                                   YYYYYYYYYN
      GET /api/branches/stars/distribution                       YYYYYYYYYN
      GET /api/branches/ratings/cycles/{cycleNo}                 YYYYYYYYYN
      GET /api/admission/applications/{caseNo}                   YYYYYYNNNN
      DELETE /api/admission/banned-categories/{id} (unknown id)  YNNYNNNNNN
      start annual-grade-review                                  YNNYNNNNNN
      start branch-star-rating                                   YNYNNNNNNN
      start catalogue-change                                     YNNYNYNNNN
      start catalogue-reconfirmation                             YNNYNNNNNN
      start co-building-list-item                                YNNNNNNYYN
      start co-building-project                                  YNNNNNNYYN
      start grid-issue-report                                    YNNNNNNYNN
      start matter-admission                                     YNNNNYNNNN
      start notice-objection                                     YYYYYYYYYN
      start post-change                                          YNNNNNYYNN
      start property-credit-entry                                YNNNNNYYNN
      start property-credit-rating                               YNNNNNNNNN
      start reserve-secretary-plan                               YNNNNNNYNN
      start two-way-evaluation-cycle                             YNYNNNNNNN
      start unadmitted-matter-report                             YNNNNNNYNN
      start worker-onboarding                                    YNNNNNNYNN
      task matter-admission/Task_CityApproval                    YYNNNNNNNN
      task post-change/Task_ApprovePostChange                    YNNYNNNNNN
      task annual-grade-review-street/Task_ApproveProposals      YNNYNNNNNN
      task unadmitted-matter-report/Task_VerifyReport            YNNYNNNNNN
      task matter-admission/Task_CorrectApplication              YNNNNYNNNN
      task property-credit-entry/Task_VerifyEntry                YNNNNNYNNN
      task worker-onboarding/Task_ConfirmGrade                   YNNNNNYNNN
      task grid-issue-report/Task_StreetHandle                   YNNNNNYNNN
      task grid-issue-report/Task_CommunityHandle                YNNNNNNYNN
      task annual-grade-review-street/Task_ConfirmProposals      YNNNNNNYNN
      task grid-issue-report/Task_DeptHandle                     YNNNNNNNNN
      """;

  @LocalServerPort
  int port;
  @Autowired
  ApplicationContext context;
  @Autowired
  TaskService tasks;
  @Autowired
  IdentityService identity;
  @Autowired
  RepositoryService repository;
  @Autowired
  JdbcClient jdbc;

  @Test
  void everyRoleGetsExactlyWhatTheTableSays() {
    DemoSeeding.seed(context);
    Map<String, Probe> rows = new LinkedHashMap<>();
    pages(rows);
    webappLogins(rows);
    restEndpoints(rows);
    everyOtherApiOperation(rows);
    processStarts(rows);
    userTasks(rows);

    Map<String, String> expected = new LinkedHashMap<>();
    MATRIX.lines().filter(l -> !l.isBlank() && !l.strip().startsWith("#")).forEach(l -> {
      String t = l.strip();
      int cut = t.lastIndexOf(' ');
      expected.put(t.substring(0, cut).strip(), t.substring(cut + 1));
    });
    // Anonymous callers reach the public pages (catalogue, red and black lists) and health, nothing else.
    expected.forEach((row, cells) -> assertThat(cells.endsWith("Y"))
        .as("anonymous access in the table: " + row)
        .isEqualTo(row.startsWith("GET /public/") || row.equals("GET /actuator/health")));
    Map<String, String> observed = new LinkedHashMap<>();
    rows.forEach((name, probe) -> {
      StringBuilder cells = new StringBuilder();
      for (String user : USERS) {
        cells.append(allowed(name, send(probe, user)));
      }
      cells.append(allowed(name, send(probe, null)));
      observed.put(name, cells.toString());
    });
    StringBuilder table = new StringBuilder();
    observed.forEach((name, cells) -> table.append(String.format("      %-58s %s%n", name, cells)));
    System.out.println("[authorization matrix] " + observed.size() + " rows x " + (USERS.size() + 1) + " callers = "
        + observed.size() * (USERS.size() + 1) + " cells; observed:\n" + table);
    // Which user tasks are open depends on the tests that ran before in this JVM: a task row of the table is checked
    // when such a task is open, and tasks the table does not name are not checked.
    List<String> skipped = expected.keySet().stream().filter(k -> k.startsWith("task ") && !observed.containsKey(k))
        .toList();
    skipped.forEach(expected::remove);
    observed.keySet().removeIf(k -> k.startsWith("task ") && !expected.containsKey(k));
    System.out.println("[authorization matrix] task rows not open now, not checked: " + skipped);
    Set<String> processesChecked = new TreeSet<>();
    observed.keySet().stream().filter(k -> k.startsWith("task ")).forEach(k -> processesChecked.add(
        k.substring(5, k.indexOf('/'))));
    System.out.println("[authorization matrix] user tasks checked in " + processesChecked.size() + " processes: "
        + processesChecked);
    assertThat(observed).isEqualTo(expected);
    // The demo seeding above opens a task in each of these, so their rows are always checked.
    assertThat(processesChecked).contains("matter-admission", "annual-grade-review-street", "property-credit-entry",
        "grid-issue-report");
  }

  private char allowed(String row, Probe.Outcome o) {
    if (row.startsWith("login ")) {
      return o.status() == 200 ? 'Y' : 'N';
    }
    assertThat(o.status()).as("never a server error: " + o).isLessThan(500);
    return o.status() == 401 || o.status() == 403 ? 'N' : 'Y';
  }

  private Probe.Outcome send(Probe probe, String user) {
    if (!"LOGIN".equals(probe.method())) {
      return as(probe, user).send(port);
    }
    WebappSession session = new WebappSession(port);
    session.get("/camunda/app/tasklist/default/");
    var r = session.form("/camunda/api/admin/auth/user/default/login/" + probe.path(),
        Map.of("username", user == null ? "nobody" : user, "password", user == null ? "" : user), true);
    return new Probe.Outcome(probe, r.statusCode(), r.body());
  }

  private static Probe as(Probe p, String user) {
    return new Probe(p.family(), p.what(), user, p.method(), p.path(), p.contentType(), p.body());
  }

  private static void get(Map<String, Probe> rows, String path) {
    rows.put("GET " + path, new Probe("matrix", path, null, "GET", path, null, null));
  }

  private void pages(Map<String, Probe> rows) {
    get(rows, "/public/catalogue");
    get(rows, "/public/catalogue.csv");
    get(rows, "/public/catalogue/diff?from=1&to=1");
    String item = jdbc.sql("SELECT MIN(code) FROM adm_catalogue_item").query(String.class).single();
    rows.put("GET /public/catalogue/items/{code}", new Probe("matrix", "item", null, "GET",
        "/public/catalogue/items/" + item, null, null));
    // A published red and black list of companies, as the city publishes it: public by design (docs/operations.md).
    get(rows, "/public/property-credit");
    get(rows, "/dashboard");
    get(rows, "/actuator/health");
    get(rows, "/actuator/prometheus");
    get(rows, "/actuator/metrics");
    get(rows, "/v3/api-docs");
    get(rows, "/swagger-ui/index.html");
  }

  private void restEndpoints(Map<String, Probe> rows) {
    for (String path : List.of("/api/registry", "/api/registry/export", "/api/registry/summary", "/api/policy",
        "/api/calendar", "/api/notifications", "/api/audit/NO-SUCH-CASE", "/api/catalogue", "/api/catalogue/versions",
        "/api/admission/applications", "/api/admission/banned-categories", "/api/admission/reports",
        "/api/admission/reports/repeat-offenders", "/api/cobuilding/demands", "/api/cobuilding/resources",
        "/api/cobuilding/projects", "/api/cobuilding/contacts", "/api/cobuilding/export/projects.csv",
        "/api/evaluation/cycles", "/api/evaluation/reports/units/u109", "/api/evaluation/reports/communities/dongcang",
        "/api/evaluation/reports/units.csv", "/api/career/workers", "/api/career/reviews/cycles",
        "/api/career/batches", "/api/career/views/city", "/api/career/views/streets/loudong",
        "/api/career/views/communities/dongcang", "/api/notices", "/engine-rest/task", "/engine-rest/process-instance",
        "/engine-rest/history/process-instance", "/engine-rest/user", "/engine-rest/authorization")) {
      get(rows, path);
    }
    rows.put("PUT /api/policy/{key} (invalid value)", Probe.json("matrix", "policy", null, "PUT",
        "/api/policy/admission.change-review-days", "{\"value\":\"not a number\"}"));
    byte[] badFile = "not,a,valid,file\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    rows.put("POST /api/registry/import (bad file)", new Probe("matrix", "registry", null, "POST",
        "/api/registry/import", "text/csv", badFile));
    rows.put("POST /api/career/workers/import (bad file)", new Probe("matrix", "workers", null, "POST",
        "/api/career/workers/import", "text/csv", badFile));
  }

  /**
   * Every shipped process a person may start (Tasklist's list: latest versions not marked unstartable), not the
   * models other tests deploy into the shared engine.
   */
  private void processStarts(Map<String, Probe> rows) {
    for (String key : repository.createProcessDefinitionQuery().latestVersion().startableInTasklist().list().stream()
        .filter(d -> d.getResourceName() != null && d.getResourceName().startsWith("bpmn/"))
        .map(ProcessDefinition::getKey).sorted().toList()) {
      rows.put("start " + key, Probe.json("matrix", key, null, "POST",
          "/engine-rest/process-definition/key/" + key + "/start", "{\"variables\":{}}"));
    }
  }

  /**
   * The webapps' own login, per application: Tasklist for everyone with a role, Cockpit and Admin for administrators
   * only. The anonymous column tries an empty password.
   */
  private void webappLogins(Map<String, Probe> rows) {
    for (String app : List.of("tasklist", "cockpit", "admin")) {
      rows.put("login " + app, new Probe("matrix", app, null, "LOGIN", app, null, null));
    }
  }

  /**
   * Every operation of the project's API (its OpenAPI description) that the rows above do not name: reads with a
   * real id, changes with an unknown id and an invalid body, so nothing changes whoever gets through.
   */
  private void everyOtherApiOperation(Map<String, Probe> rows) {
    JsonNode api = RestClient.as(port, "admin").get("/v3/api-docs").json();
    for (Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> p = paths.next();
      Pattern template = Pattern.compile(p.getKey().replaceAll("\\{[^}]+}", "[^/?]+") + "(\\?.*)?");
      for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        String method = op.getKey().toUpperCase();
        boolean named = rows.values().stream().anyMatch(r -> r.method().equals(method)
            && template.matcher(r.path()).matches());
        if (named) {
          continue;
        }
        boolean read = method.equals("GET");
        JsonNode content = op.getValue().path("requestBody").path("content");
        String type = content.has("application/json") ? "application/json"
            : content.fieldNames().hasNext() ? "text/csv" : null;
        // A change gets a real id only with a body the corpus shows is refused whole (BadInputCorpusTest); a change
        // without a body (withdraw, cancel, mark read) gets an unknown id, as a real one would change it.
        String path = fill(p.getKey(), read || type != null);
        byte[] body = type == null ? null
            : ("application/json".equals(type) ? "{\"unexpected\":\"x\"}" : "not,a,valid,file\n")
                .getBytes(StandardCharsets.UTF_8);
        rows.put(method + " " + p.getKey() + (read ? "" : type != null ? " (invalid body)" : " (unknown id)"),
            new Probe("matrix", p.getKey(), null, method, path, type, body));
      }
    }
  }

  /** A real id, so the row shows the access rule and not a 404 or a malformed id's 400. */
  private String fill(String template, boolean real) {
    String path = template;
    java.util.regex.Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
    while (m.find()) {
      String value = real ? realId(template, m.group(1)) : unknownId(m.group(1));
      path = path.replace(m.group(), value == null ? "NO-SUCH-0000" : value);
    }
    return path;
  }

  /** An id of the right type that names nothing, so the access check is reached and nothing changes. */
  private static String unknownId(String param) {
    return switch (param) {
      case "id" -> "999999999";
      // An ordinary working day, no holiday or adjusted day on record.
      case "date" -> java.time.LocalDate.now().plusYears(1).withMonth(3).withDayOfMonth(10).toString();
      default -> null;
    };
  }

  private String realId(String template, String param) {
    String sql = switch (param) {
      // The pairing row needs a published cycle that holds this pairing (its unit and community may read it, an
      // unrelated department may not), whatever cycles other tests in the shared context have opened meanwhile.
      case "cycleNo" -> template.contains("/pairings/") ? "SELECT MIN(c.cycle_no) FROM ev_cycle c JOIN ev_pairing p "
          + "ON p.cycle_id = c.id WHERE c.status = 'PUBLISHED' AND p.unit_code = 'u109' AND p.community_code = 'dongcang'"
          : template.startsWith("/api/evaluation") ? "SELECT MIN(cycle_no) FROM ev_cycle"
          : template.startsWith("/api/career") ? "SELECT MIN(cycle_no) FROM career_review_cycle"
          : template.startsWith("/api/branches") ? "SELECT MIN(cycle_no) FROM branch_rating_cycle"
          : "SELECT MIN(cycle_no) FROM property_rating_cycle";
      case "code" -> template.startsWith("/api/branches") ? "SELECT MIN(code) FROM branch_party_branch"
          : template.startsWith("/api/property") ? "SELECT MIN(code) FROM property_company"
          : template.startsWith("/api/reserve") ? "SELECT MIN(code) FROM reserve_cohort"
          : template.startsWith("/api/catalogue") ? "SELECT MIN(code) FROM adm_catalogue_item"
          : "SELECT 'dongcang'";
      case "id" -> template.startsWith("/api/reserve") ? "SELECT CAST(MIN(id) AS VARCHAR(20)) FROM reserve_candidate"
          : "SELECT 'task-deadlines'";
      case "caseNo" -> template.startsWith("/api/grid") ? "SELECT MIN(case_no) FROM grid_report"
          : template.contains("/reports") ? "SELECT MIN(case_no) FROM adm_unadmitted_report"
          : "SELECT MIN(case_no) FROM adm_application";
      case "itemNo" -> template.contains("/resources") ? "SELECT MIN(item_no) FROM cb_resource WHERE status = 'OPEN'"
          : "SELECT MIN(item_no) FROM cb_demand WHERE status = 'OPEN'";
      case "projectNo" -> "SELECT MIN(project_no) FROM cb_project";
      case "noticeNo" -> "SELECT MIN(notice_no) FROM notice";
      case "workerId" -> "SELECT CAST(MIN(worker_id) AS VARCHAR(20)) FROM career_worker";
      case "versionNo" -> "SELECT CAST(MIN(version_no) AS VARCHAR(20)) FROM adm_catalogue_version";
      case "taskId" -> "SELECT MIN(id_) FROM act_ru_task WHERE task_def_key_ LIKE '%Proposals'";
      case "year" -> "SELECT '2025'";
      case "date" -> "SELECT '" + java.time.LocalDate.now().plusYears(1).withMonth(10).withDayOfMonth(1) + "'";
      case "unitCode" -> "SELECT 'u109'";
      case "communityCode" -> "SELECT 'dongcang'";
      default -> null;
    };
    return sql == null ? null : jdbc.sql(sql).query(String.class).optional().orElse(null);
  }

  /** One open task of each user task, with the first malformed value the corpus has for its form. */
  private void userTasks(Map<String, Probe> rows) {
    Map<String, List<JsonNode>> forms = FormProbes.fieldsByFormId();
    List<Task> open = new ArrayList<>(tasks.createTaskQuery().active().initializeFormKeys().list());
    open.sort(Comparator.comparing((Task t) -> rank(t)).thenComparing(Task::getName));
    for (Task t : open) {
      String key = "task " + repository.getProcessDefinition(t.getProcessDefinitionId()).getKey() + "/"
          + t.getTaskDefinitionKey();
      if (rows.containsKey(key) || t.getCamundaFormRef() == null || !forms.containsKey(t.getCamundaFormRef().getKey())) {
        continue;
      }
      Map<String, String> bodies = FormProbes.bodies(forms.get(t.getCamundaFormRef().getKey()));
      bodies.remove("all fields missing");
      bodies.values().stream().findFirst().ifPresent(body -> rows.put(key, Probe.json("matrix", key, null, "POST",
          "/engine-rest/task/" + t.getId() + "/complete", body)));
    }
  }

  /** Tasks of a demo user's own groups first, in the order of {@link #USERS}, so each row's task is stable. */
  private int rank(Task t) {
    List<String> groups = tasks.getIdentityLinksForTask(t.getId()).stream().map(IdentityLink::getGroupId)
        .filter(g -> g != null).toList();
    for (int i = 0; i < USERS.size(); i++) {
      for (Group g : identity.createGroupQuery().groupMember(USERS.get(i)).list()) {
        if (groups.contains(g.getId())) {
          return i;
        }
      }
    }
    return USERS.size();
  }
}
