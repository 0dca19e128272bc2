package cn.ronghe.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Malformed calls of the project's REST API, generated from its OpenAPI description: unknown and hostile ids in
 * every path, wrong query values, and for every JSON body broken JSON, the wrong shape, invalid UTF-8, missing
 * fields with an extra one, and each property with each wrong value of its kind.
 */
final class ApiProbes {

  private static final List<String> HOSTILE_IDS = List.of("NO-SUCH-0000", "1'%20OR%20'1'='1",
      "%3Cimg%20src=x%20onerror=alert(1)%3E", "x".repeat(300));

  private ApiProbes() {
  }

  /**
   * @param api the OpenAPI document
   * @param realId a real value for a path parameter (so a body is checked, not only the id), or null
   */
  static List<Probe> generate(JsonNode api, Function<String, String> realId) {
    List<Probe> probes = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> p = paths.next();
      if (!p.getKey().startsWith("/api/")) {
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        String method = op.getKey().toUpperCase();
        List<String> pathParams = new ArrayList<>();
        op.getValue().path("parameters").forEach(par -> {
          if ("path".equals(par.path("in").asText())) {
            pathParams.add(par.get("name").asText());
          }
        });
        String real = fill(p.getKey(), pathParams, realId, null);
        for (String id : HOSTILE_IDS) {
          if (!pathParams.isEmpty()) {
            probes.add(new Probe("api", "hostile id " + id.substring(0, Math.min(12, id.length())), "admin",
                method, fill(p.getKey(), pathParams, realId, id), bodyType(op.getValue()), body(op.getValue(), "{}")));
          }
        }
        op.getValue().path("parameters").forEach(par -> {
          String type = par.path("schema").path("type").asText();
          String format = par.path("schema").path("format").asText();
          if ("query".equals(par.path("in").asText()) && ("integer".equals(type) || "date".equals(format))) {
            probes.add(new Probe("api", "query " + par.get("name").asText() + " not a " + (format.isEmpty() ? type
                : format), "admin", method, real + "?" + par.get("name").asText() + "=abc%27%3B--",
                bodyType(op.getValue()), body(op.getValue(), "{}")));
          }
        });
        JsonNode schema = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
        if (!schema.isMissingNode()) {
          bodyProbes(probes, method, real, resolve(api, schema));
        }
      }
    }
    return probes;
  }

  private static void bodyProbes(List<Probe> probes, String method, String path, JsonNode schema) {
    probes.add(Probe.json("api", "broken JSON", "admin", method, path, "{\"a\": [1, 2"));
    probes.add(Probe.json("api", "array instead of object", "admin", method, path, "[1,2,3]"));
    probes.add(Probe.json("api", "empty body", "admin", method, path, ""));
    probes.add(new Probe("api", "invalid UTF-8", "admin", method, path, "application/json",
        new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'}));
    probes.add(Probe.json("api", "fields missing, one extra", "admin", method, path, "{\"unexpected\":\"x\"}"));
    for (Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields(); props.hasNext(); ) {
      Map.Entry<String, JsonNode> prop = props.next();
      String type = prop.getValue().path("type").asText();
      Map<String, String> values = "string".equals(type) && !prop.getValue().has("enum")
          && !prop.getValue().has("format") ? BadValues.forText() : BadValues.forConstrained();
      // JSON numbers and booleans become text where text is expected (Jackson's usual coercion): not an error.
      values.remove("wrong type (number)");
      if (!"string".equals(type)) {
        values.put("wrong type (object)", "{\"nested\":true}");
      }
      values.forEach((what, v) -> probes.add(Probe.json("api", prop.getKey() + ": " + what, "admin", method, path,
          "{\"" + prop.getKey() + "\":" + v + "}")));
    }
  }

  private static JsonNode resolve(JsonNode api, JsonNode schema) {
    String ref = schema.path("$ref").asText();
    return ref.isEmpty() ? schema : api.at(ref.substring(1));
  }

  private static String fill(String template, List<String> params, Function<String, String> realId, String hostile) {
    String path = template;
    for (String name : params) {
      String v = hostile != null ? hostile : realId.apply(name);
      path = path.replace("{" + name + "}", v == null ? "NO-SUCH-0000" : v);
    }
    return path;
  }

  private static String bodyType(JsonNode op) {
    return op.has("requestBody") ? "application/json" : null;
  }

  private static byte[] body(JsonNode op, String json) {
    return op.has("requestBody") ? json.getBytes(StandardCharsets.UTF_8) : null;
  }
}
