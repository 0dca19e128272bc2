package cn.ronghe.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Malformed completion variables for a Camunda Form (a user task's or a start event's), generated from the form's
 * own fields: every field in turn gets each wrong value of its kind while the others hold plausible values, and
 * the whole form is also sent empty when it has required fields.
 */
final class FormProbes {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Form id → its editable fields, read from {@code forms/}. */
  static Map<String, List<JsonNode>> fieldsByFormId() {
    Map<String, List<JsonNode>> forms = new HashMap<>();
    try (Stream<Path> files = Files.walk(Path.of("forms"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".form")).toList()) {
        JsonNode form = JSON.readTree(f.toFile());
        List<JsonNode> fields = new ArrayList<>();
        collect(form.path("components"), fields);
        forms.put(form.get("id").asText(), fields);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return forms;
  }

  private static void collect(JsonNode components, List<JsonNode> into) {
    for (JsonNode c : components) {
      if (c.has("components")) {
        collect(c.get("components"), into);
      } else if (c.has("key") && !c.path("readonly").asBoolean(false) && !c.path("disabled").asBoolean(false)
          && !"dynamiclist".equals(c.path("type").asText())) {
        into.add(c);
      }
    }
  }

  /** Variables bodies ({@code {"variables":{...}}}) each holding one malformed value, labelled. */
  static Map<String, String> bodies(List<JsonNode> fields) {
    Map<String, String> bodies = new LinkedHashMap<>();
    if (fields.stream().anyMatch(f -> f.path("validate").path("required").asBoolean(false))) {
      bodies.put("all fields missing", "{\"variables\":{}}");
    }
    for (JsonNode field : fields) {
      String key = field.get("key").asText();
      wrongValues(field).forEach((what, variable) -> {
        Map<String, String> vars = new LinkedHashMap<>();
        for (JsonNode other : fields) {
          String plausible = plausible(other);
          if (plausible != null && !other.equals(field)) {
            vars.put(other.get("key").asText(), plausible);
          }
        }
        vars.put(key, variable);
        StringBuilder b = new StringBuilder("{\"variables\":{");
        vars.forEach((k, v) -> b.append('"').append(k).append("\":").append(v).append(','));
        b.setLength(b.length() - 1);
        bodies.put(key + ": " + what, b.append("}}").toString());
      });
    }
    return bodies;
  }

  private static String typed(String json, String type) {
    return "{\"value\":" + json + ",\"type\":\"" + type + "\"}";
  }

  static Map<String, String> wrongValues(JsonNode field) {
    Map<String, String> m = new LinkedHashMap<>();
    JsonNode validate = field.path("validate");
    switch (field.path("type").asText()) {
      case "textfield", "textarea" -> BadValues.forText().forEach((what, v) ->
          m.put(what, v.startsWith("\"") ? typed(v, "String") : v.startsWith("{")
              ? typed(JSON.valueToTree(v).toString(), "Json") : typed(v, "Integer")));
      case "number" -> {
        m.put("wrong type (text)", typed("\"abc\"", "String"));
        m.put("SQL injection", typed(BadValues.SQL, "String"));
        m.put("wrong type (boolean)", typed("true", "Boolean"));
        long above = validate.has("max") ? validate.get("max").asLong() + 1 : 1_000_000_000_000L;
        m.put("out of range (above)", typed(String.valueOf(above), "Long"));
        if (validate.has("min")) {
          m.put("out of range (below)", typed(String.valueOf(validate.get("min").asLong() - 1), "Long"));
        }
      }
      case "datetime" -> {
        m.put("not a date", typed("\"2026-13-45\"", "String"));
        m.put("script injection", typed(BadValues.SCRIPT, "String"));
        m.put("wrong type (number)", typed("20260101", "Long"));
        m.put("1 MB string", typed(BadValues.MEGABYTE, "String"));
      }
      case "checkbox" -> {
        m.put("wrong type (text)", typed("\"yes\"", "String"));
        m.put("wrong type (number)", typed("2", "Integer"));
      }
      case "checklist", "taglist" -> {
        m.put("not a list", typed("\"notalist\"", "String"));
        m.put("an object, not a list", typed("\"{\\\"a\\\":1}\"", "Json"));
      }
      default -> BadValues.forConstrained().forEach((what, v) -> m.put(what, typed(v, "String")));
    }
    return m;
  }

  /** A value the field would accept on its own, or null where none can be told from the form. */
  static String plausible(JsonNode field) {
    JsonNode validate = field.path("validate");
    return switch (field.path("type").asText()) {
      case "textfield", "textarea" -> typed("\"融合测试\"", "String");
      case "number" -> typed(String.valueOf(validate.has("min") ? validate.get("min").asLong() : 1), "Long");
      case "datetime" -> typed("\"" + LocalDate.now().plusDays(30) + "\"", "String");
      case "checkbox" -> typed("false", "Boolean");
      case "checklist", "taglist" -> typed("\"[]\"", "Json");
      case "select", "radio" -> field.path("values").isArray() && !field.path("values").isEmpty()
          ? typed(JSON.valueToTree(field.path("values").get(0).path("value").asText()).toString(), "String") : null;
      default -> null;
    };
  }
}
