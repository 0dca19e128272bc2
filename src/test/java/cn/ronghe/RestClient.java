package cn.ronghe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A small HTTP client for tests that call the running app as a real user would: HTTP Basic with a demo
 * user's id as password, JSON in and out.
 */
public final class RestClient {

  public record Response(int status, String body) {
    public JsonNode json() {
      try {
        return new ObjectMapper().readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON: " + body, e);
      }
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String user;
  private final String password;

  private RestClient(String base, String user, String password) {
    this.base = base;
    this.user = user;
    this.password = password;
  }

  public static RestClient as(int port, String user) {
    return new RestClient("http://localhost:" + port, user, user);
  }

  /** A user whose password is not its id, e.g. the administrator of the postgres profile. */
  public static RestClient as(int port, String user, String password) {
    return new RestClient("http://localhost:" + port, user, password);
  }

  public static RestClient anonymous(int port) {
    return new RestClient("http://localhost:" + port, null, null);
  }

  public Response get(String path) {
    return send(builder(path).GET());
  }

  /** GET as a browser asks for a page (Accept: text/html); a redirect is returned, not followed. */
  public Response getHtml(String path) {
    return send(builder(path).setHeader("Accept", "text/html,application/xhtml+xml").GET());
  }

  public Response post(String path, String json) {
    return send(builder(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json, StandardCharsets.UTF_8)));
  }

  /** POST asking for HAL, as Tasklist does for a filter's list (the answer embeds the column variables). */
  public Response postHal(String path, String json) {
    return send(builder(path).header("Content-Type", "application/json").setHeader("Accept", "application/hal+json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  public Response put(String path, String json) {
    return send(builder(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  public Response postBytes(String path, String contentType, byte[] body) {
    return send(builder(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private HttpRequest.Builder builder(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json, */*;q=0.8");
    if (user != null) {
      String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      b.header("Authorization", "Basic " + token);
    }
    return b;
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
