package cn.ronghe.support;

import cn.ronghe.RestClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Submits forms through the engine REST API exactly as Tasklist does: untyped values, the engine infers types. */
public final class Forms {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A value Tasklist sends as a Json variable (dynamic lists, checklists). */
  public record Json(String text) {
    public static Json of(Object value) {
      return new Json(json(value));
    }
  }

  private Forms() {
  }

  public static String variables(Map<String, ?> values) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode vars = root.putObject("variables");
    values.forEach((k, v) -> {
      if (v instanceof Json j) {
        vars.putObject(k).put("value", j.text()).put("type", "Json");
      } else {
        vars.putObject(k).set("value", JSON.valueToTree(v));
      }
    });
    return root.toString();
  }

  public static RestClient.Response complete(RestClient client, String taskId, Map<String, ?> values) {
    return client.post("/engine-rest/task/" + taskId + "/submit-form", variables(values));
  }

  public static RestClient.Response start(RestClient client, String processKey, Map<String, ?> values) {
    return client.post("/engine-rest/process-definition/key/" + processKey + "/submit-form", variables(values));
  }

  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
