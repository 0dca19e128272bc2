package cn.ronghe.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * Process variables that are lists: a collection for multi-instance activities (stored as JSON, since Java
 * serialization is off), and JSON that Camunda Forms show in tables and selects.
 */
final class JsonVariables {

  private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

  private JsonVariables() {
  }

  static ObjectValue collection(List<String> items) {
    return Variables.objectValue(new ArrayList<>(items)).serializationDataFormat(Variables.SerializationDataFormats.JSON)
        .create();
  }

  static JsonValue json(Object value) {
    try {
      return SpinValues.jsonValue(MAPPER.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
