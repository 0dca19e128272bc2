package cn.ronghe.reliability;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A browser's session with the Camunda webapps, without the browser: the session cookie, and the XSRF-TOKEN cookie
 * and header pair the webapps' CSRF filter hands out and then requires on every state-changing call. Extra headers
 * (Origin, Sec-Fetch-Site) let a test play a page of another site that has the same cookies.
 */
final class WebappSession {

  private final CookieManager cookies = new CookieManager();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private String token;

  WebappSession(int port) {
    this.base = "http://localhost:" + port;
  }

  /** Opens the Tasklist page (which hands out the token) and logs in through the webapps' own login call. */
  static WebappSession loggedIn(int port, String user, String app) {
    WebappSession s = new WebappSession(port);
    s.get("/camunda/app/tasklist/default/");
    HttpResponse<String> login = s.form("/camunda/api/admin/auth/user/default/login/" + app,
        Map.of("username", user, "password", user), true);
    if (login.statusCode() != 200) {
      throw new IllegalStateException("login of " + user + " to " + app + ": " + login.statusCode() + " " + login.body());
    }
    // The webapps renew the session at login; the page hands out the token of the new session.
    s.get("/camunda/app/tasklist/default/");
    return s;
  }

  /** The token as the webapps' scripts read it: the XSRF-TOKEN cookie, else the last token header. */
  String token() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> "XSRF-TOKEN".equals(c.getName()))
        .map(HttpCookie::getValue).reduce((a, b) -> b).orElse(token);
  }

  boolean hasSessionCookie() {
    return cookies.getCookieStore().getCookies().stream().map(HttpCookie::getName).anyMatch("JSESSIONID"::equals);
  }

  HttpResponse<String> get(String path, String... headers) {
    return send(request(path, headers).GET());
  }

  /** A form post, as the webapps' login sends it; {@code withToken} adds the X-XSRF-TOKEN header. */
  HttpResponse<String> form(String path, Map<String, String> fields, boolean withToken, String... headers) {
    StringBuilder body = new StringBuilder();
    fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpRequest.Builder b = request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    return send(withToken ? b.header("X-XSRF-TOKEN", token()) : b);
  }

  HttpResponse<String> postJson(String path, String json, boolean withToken, String... headers) {
    HttpRequest.Builder b = request(path, headers).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    return send(withToken ? b.header("X-XSRF-TOKEN", token()) : b);
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json, text/plain, */*");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return b;
  }

  private HttpResponse<String> send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      r.headers().firstValue("X-XSRF-TOKEN").ifPresent(t -> token = t);
      return r;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
