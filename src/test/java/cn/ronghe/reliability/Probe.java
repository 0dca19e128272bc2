package cn.ronghe.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

/** One malformed request of the corpus: who sends what where, and what came back. */
record Probe(String family, String what, String user, String method, String path, String contentType, byte[] body) {

  record Outcome(Probe probe, int status, String body) {
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]{3,}");

    boolean refused() {
      return status >= 400 && status < 500;
    }

    /** The refusal says in Chinese and in English what is wrong. */
    boolean bilingual() {
      return HAN.matcher(body).find() && ENGLISH.matcher(body).find();
    }

    @Override
    public String toString() {
      return probe.family + " " + probe.method + " " + probe.path + " [" + probe.what + "] as " + probe.user + " → "
          + status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }
  }

  static Probe json(String family, String what, String user, String method, String path, String json) {
    return new Probe(family, what, user, method, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  Outcome send(int port) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(60)).header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (user != null) {
      b.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Outcome(this, r.statusCode(), r.body());
    } catch (IOException e) {
      throw new IllegalStateException(this.family + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
