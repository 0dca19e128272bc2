package cn.ronghe.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import cn.ronghe.RongheSpringTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 8, security headers on a representative URL of each kind: public pages, pages behind a login, the project's
 * API (answers and refusals), the engine's REST API, the Camunda webapps' pages and their internal API, health.
 * Every answer forbids framing and MIME sniffing and keeps the referrer on this site; pages carry a
 * Content-Security-Policy without inline scripts of ours (the webapps' own policy allows only scripts with its
 * nonce); answers with a user's data are not stored (Cache-Control: no-store). The table of what each URL answered
 * is printed and written to target/security-headers.md. H2 only: headers do not depend on the database.
 */
@RongheSpringTest
class SecurityHeadersTest {

  enum Kind { PUBLIC_PAGE, PAGE, DOCS_PAGE, API, ENGINE_API, WEBAPP_PAGE, WEBAPP_API, HEALTH }

  record Url(Kind kind, String path, String user) {
  }

  static final List<Url> URLS = List.of(
      new Url(Kind.PUBLIC_PAGE, "/public/catalogue", null),
      new Url(Kind.PUBLIC_PAGE, "/public/property-credit", null),
      new Url(Kind.PAGE, "/dashboard", "zuzhibu"),
      new Url(Kind.DOCS_PAGE, "/swagger-ui/index.html", "admin"),
      new Url(Kind.API, "/api/registry", "dongcang"),
      new Url(Kind.API, "/api/dashboard", "zuzhibu"),
      new Url(Kind.API, "/api/admission/applications", "weijian"),
      new Url(Kind.API, "/api/registry", null),
      new Url(Kind.API, "/v3/api-docs", "admin"),
      new Url(Kind.API, "/actuator/metrics", "admin"),
      new Url(Kind.ENGINE_API, "/engine-rest/task", "dongcang"),
      new Url(Kind.ENGINE_API, "/engine-rest/task", null),
      new Url(Kind.WEBAPP_PAGE, "/camunda/app/tasklist/default/", null),
      new Url(Kind.WEBAPP_PAGE, "/camunda/app/cockpit/default/", null),
      new Url(Kind.WEBAPP_API, "/camunda/api/engine/engine/default/task/count", "dongcang"),
      new Url(Kind.WEBAPP_API, "/camunda/api/admin/auth/user/default", "dongcang"),
      new Url(Kind.HEALTH, "/actuator/health", null));

  @LocalServerPort
  int port;

  @BeforeEach
  void h2Only() {
    assumeFalse("postgres".equals(System.getProperty("ronghe.test.database")), "headers are checked on H2");
  }

  @Test
  void everyKindOfAnswerCarriesTheSecurityHeaders() throws IOException {
    StringBuilder table = new StringBuilder("| kind | URL | as | status | Cache-Control | Content-Security-Policy |\n"
        + "|---|---|---|---|---|---|\n");
    List<String> problems = new ArrayList<>();
    for (Url url : URLS) {
      HttpResponse<String> r = fetch(url);
      HttpHeaders h = r.headers();
      String csp = h.firstValue("Content-Security-Policy").orElse("");
      String cache = h.firstValue("Cache-Control").orElse("");
      table.append("| ").append(url.kind()).append(" | ").append(url.path()).append(" | ")
          .append(url.user() == null ? "anonymous" : url.user()).append(" | ").append(r.statusCode()).append(" | ")
          .append(cache).append(" | ").append(csp.length() > 60 ? csp.substring(0, 60) + "…" : csp).append(" |\n");
      String what = url.kind() + " " + url.path() + " as " + url.user() + " (" + r.statusCode() + "): ";
      if (r.statusCode() >= 500 || (url.user() != null && r.statusCode() >= 400)) {
        problems.add(what + "unexpected status");
      }
      expect(problems, what + "X-Content-Type-Options", h.firstValue("X-Content-Type-Options").orElse(""), "nosniff");
      expect(problems, what + "X-Frame-Options", h.firstValue("X-Frame-Options").orElse(""), "DENY");
      expect(problems, what + "Referrer-Policy", h.firstValue("Referrer-Policy").orElse(""), "same-origin");
      // Swagger UI's files are static and ship their own inline start-up: only the common headers.
      boolean page = url.kind() == Kind.PUBLIC_PAGE || url.kind() == Kind.WEBAPP_PAGE || url.kind() == Kind.PAGE;
      if (page) {
        for (String directive : List.of("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'",
            "base-uri 'self'", "form-action 'self'")) {
          if (!csp.contains(directive)) {
            problems.add(what + "CSP lacks " + directive + ": " + csp);
          }
        }
        String scripts = directive(csp, "script-src");
        boolean ours = url.kind() != Kind.WEBAPP_PAGE;
        if (ours ? !scripts.equals("script-src 'self'") : !scripts.contains("'nonce-")) {
          problems.add(what + "scripts allowed beyond this site's files (or the webapps' nonce): " + scripts);
        }
      }
      boolean userData = url.kind() == Kind.PAGE || url.kind() == Kind.API || url.kind() == Kind.ENGINE_API
          || url.kind() == Kind.WEBAPP_API;
      if (userData) {
        expect(problems, what + "Cache-Control", cache, "no-store");
      }
    }
    System.out.println("[security headers] " + URLS.size() + " URLs\n" + table);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "security-headers.md"), "# Security headers per kind of answer\n\n" + table);
    assertThat(problems).isEmpty();
  }

  private static void expect(List<String> problems, String what, String actual, String expected) {
    if (!expected.equals(actual)) {
      problems.add(what + " is '" + actual + "', expected '" + expected + "'");
    }
  }

  /** One directive of a policy, e.g. "script-src 'self'", normalised to single spaces; "" when absent. */
  private static String directive(String csp, String name) {
    for (String d : csp.split(";")) {
      String t = d.strip().replaceAll("\\s+", " ");
      if (t.startsWith(name + " ")) {
        return t;
      }
    }
    return "";
  }

  private HttpResponse<String> fetch(Url url) {
    if (url.kind() == Kind.WEBAPP_API) {
      return WebappSession.loggedIn(port, url.user(), "tasklist").get(url.path());
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + url.path()))
        .header("Accept", url.kind().name().endsWith("PAGE") ? "text/html" : "application/json");
    if (url.user() != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((url.user() + ":" + url.user()).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(url.path(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
