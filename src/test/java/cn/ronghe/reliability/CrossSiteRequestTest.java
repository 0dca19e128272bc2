package cn.ronghe.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import cn.ronghe.RongheSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issue 8, cross-site request forgery. The Camunda webapps' CSRF filter stays on: their login and a task completion
 * without the XSRF-TOKEN cookie and header pair are refused with 403, with it accepted. The project's API accepts the
 * webapps' session cookie for reads only, so a page of another site cannot change state through it; and a
 * state-changing call of /api or /engine-rest that a browser marks as sent by another site is refused even with
 * HTTP Basic credentials (which a browser that answered the login prompt would attach by itself). Scripts and
 * servers, which send no such marks, are not affected. H2 only: none of this depends on the database.
 */
@RongheSpringTest
class CrossSiteRequestTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] OTHER_SITE = {"Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"};
  private static final String POLICY = "/api/policy/admission.change-review-days";

  @LocalServerPort
  int port;
  @Autowired
  ApplicationContext context;
  @Autowired
  TaskService tasks;
  @Autowired
  HistoryService history;

  @BeforeEach
  void h2Only() {
    assumeFalse("postgres".equals(System.getProperty("ronghe.test.database")), "CSRF is checked on H2");
  }

  @Test
  void theWebappsLoginNeedsTheXsrfTokenPair() {
    WebappSession s = new WebappSession(port);
    s.get("/camunda/app/tasklist/default/");
    assertThat(s.token()).as("the webapps hand out a token").isNotBlank();
    Map<String, String> credentials = Map.of("username", "dongcang", "password", "dongcang");
    String login = "/camunda/api/admin/auth/user/default/login/tasklist";

    assertThat(s.form(login, credentials, false).statusCode()).as("login without the token header").isEqualTo(403);
    assertThat(s.get("/camunda/api/admin/auth/user/default").statusCode()).as("not logged in").isNotEqualTo(200);
    assertThat(s.form(login, credentials, true).statusCode()).as("login with the token").isEqualTo(200);
    assertThat(s.get("/camunda/api/admin/auth/user/default").body()).contains("dongcang");
  }

  @Test
  void aTaskIsWorkedInTheWebappsOnlyWithTheXsrfToken() {
    DemoSeeding.seed(context);
    String user = null;
    Task task = null;
    for (String candidate : List.of("minzheng", "zuzhibu", "sifa", "loudong", "shiwei")) {
      // An admission review: its form check refuses an empty completion, and no other test's model is picked.
      List<Task> offered = tasks.createTaskQuery().processDefinitionKey("matter-admission")
          .taskCandidateUser(candidate).active().taskUnassigned().list();
      if (!offered.isEmpty()) {
        user = candidate;
        task = offered.get(0);
        break;
      }
    }
    assertThat(task).as("the demo offers a task to a demo user").isNotNull();
    String base = "/camunda/api/engine/engine/default/task/" + task.getId();
    String claimBody = "{\"userId\":\"" + user + "\"}";

    // A refused call also ends the webapps' session (observed), so each refusal gets a fresh login.
    WebappSession s = WebappSession.loggedIn(port, user, "tasklist");
    HttpResponse<String> complete = s.postJson(base + "/complete", "{\"variables\":{}}", false);
    assertThat(complete.statusCode()).as("completion without the token: " + complete.body()).isEqualTo(403);
    s = WebappSession.loggedIn(port, user, "tasklist");
    HttpResponse<String> claim = s.postJson(base + "/claim", claimBody, false);
    assertThat(claim.statusCode()).as("claim without the token: " + claim.body()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();

    s = WebappSession.loggedIn(port, user, "tasklist");
    claim = s.postJson(base + "/claim", claimBody, true);
    assertThat(claim.statusCode()).as("claim with the token: " + claim.body()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(user);
    // With the token the completion reaches the process, whose form check refuses the empty form.
    complete = s.postJson(base + "/complete", "{\"variables\":{}}", true);
    assertThat(complete.statusCode()).as("completion with the token: " + complete.body()).isEqualTo(400);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult()).as("still open").isNotNull();
    // Candidate groups may claim but not hand back (TASK_WORK only): the test returns the task to the group.
    tasks.setAssignee(task.getId(), null);
  }

  @Test
  void theWebappSessionCookieReadsTheApiButCannotChangeAnything() throws Exception {
    WebappSession s = WebappSession.loggedIn(port, "admin", "tasklist");
    assertThat(s.hasSessionCookie()).isTrue();
    assertThat(s.get("/api/policy").statusCode()).as("reads with the session").isEqualTo(200);
    String before = policyValue();
    String changed = String.valueOf(Integer.parseInt(before) + 1);
    HttpResponse<String> put = s.postJson(POLICY, "{\"value\":\"" + changed + "\"}", true);
    assertThat(put.statusCode()).isIn(401, 405);
    HttpResponse<String> form = s.form("/api/registry/import", Map.of("file", "x"), true);
    assertThat(form.statusCode()).as("a form post with the session cookie").isEqualTo(401);
    assertThat(policyValue()).isEqualTo(before);
  }

  @Test
  void anotherSitesRequestIsRefusedEvenWithBasicCredentials() throws Exception {
    String before = policyValue();
    String changed = String.valueOf(Integer.parseInt(before) + 1);
    String body = "{\"value\":\"" + changed + "\"}";

    HttpResponse<String> refused = send("PUT", POLICY, "application/json", body, "admin", OTHER_SITE);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(refused.body()).contains("CROSS_SITE_REQUEST", "其他网站", "another site");
    assertThat(send("PUT", POLICY, "application/json", body, "admin", "Origin", "https://evil.example")
        .statusCode()).as("Origin of another site, no Sec-Fetch-Site").isEqualTo(403);
    assertThat(send("PUT", POLICY, "application/json", body, "admin", "Sec-Fetch-Site", "same-site")
        .statusCode()).as("another host of the same domain").isEqualTo(403);
    // A form another site posts: multipart, no preflight in a browser. Without the check it would reach the import.
    HttpResponse<String> form = send("POST", "/api/registry/import", "multipart/form-data; boundary=b",
        "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.csv\"\r\n\r\nnot,a,registry\r\n--b--\r\n",
        "admin", OTHER_SITE);
    assertThat(form.statusCode()).as(form.body()).isEqualTo(403);
    long started = history.createHistoricProcessInstanceQuery().processDefinitionKey("unadmitted-matter-report")
        .count();
    assertThat(send("POST", "/engine-rest/process-definition/key/unadmitted-matter-report/start",
        "application/json", "{\"variables\":{}}", "dongcang", OTHER_SITE).statusCode())
        .as("the engine's REST API too").isEqualTo(403);
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("unadmitted-matter-report").count())
        .isEqualTo(started);
    assertThat(policyValue()).as("nothing changed").isEqualTo(before);

    // This site's own pages (same origin) and scripts without browser marks go through.
    HttpResponse<String> own = send("PUT", POLICY, "application/json", body, "admin",
        "Origin", "http://localhost:" + port, "Sec-Fetch-Site", "same-origin");
    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    assertThat(policyValue()).isEqualTo(changed);
    HttpResponse<String> script = send("PUT", POLICY, "application/json", "{\"value\":\"" + before + "\"}", "admin");
    assertThat(script.statusCode()).as(script.body()).isEqualTo(200);
    assertThat(policyValue()).isEqualTo(before);
    // Reads stay open to any origin's links: a GET changes nothing.
    assertThat(send("GET", "/api/policy", null, null, "admin", OTHER_SITE).statusCode()).isEqualTo(200);
  }

  private String policyValue() throws Exception {
    JsonNode all = JSON.readTree(send("GET", "/api/policy", null, null, "admin").body());
    for (JsonNode p : all) {
      if ("admission.change-review-days".equals(p.path("key").asText())) {
        return p.path("value").asText();
      }
    }
    throw new IllegalStateException("no policy admission.change-review-days");
  }

  private HttpResponse<String> send(String method, String path, String contentType, String body, String user,
      String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
            .getBytes(StandardCharsets.UTF_8)))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
