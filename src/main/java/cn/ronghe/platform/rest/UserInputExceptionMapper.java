package cn.ronghe.platform.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.sql.SQLException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers what the caller got wrong with a 4xx, where Camunda would answer 500:
 * <ul>
 *   <li>a {@link FormFieldValidationException} anywhere in the cause chain (a start or end listener refused the
 *   input) → 400 with its bilingual message;</li>
 *   <li>a database "data exception" (SQLSTATE class 22: a text longer than its column, a NUL character PostgreSQL
 *   cannot store, a number out of range) → 400; the transaction was rolled back, nothing is stored;</li>
 *   <li>a {@link NullValueException} "Cannot find ..." (the task or instance to act on does not exist) → 404;</li>
 *   <li>an {@link OptimisticLockingException} (someone else changed the same case at the same moment) → 409.</li>
 * </ul>
 * Everything else goes to Camunda's own handling unchanged (status, body and logging).
 */
final class UserInputExceptionMapper {

  /** Ahead of Camunda's mappers (which have the default 5000) for the same exception types. */
  static final int PRIORITY = 1000;

  private static final Logger log = LoggerFactory.getLogger(UserInputExceptionMapper.class);

  private UserInputExceptionMapper() {
  }

  static final class ForRestException implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException e) {
      return respond(e);
    }
  }

  static final class ForEngineException implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException e) {
      return respond(e);
    }
  }

  /**
   * A body that is not JSON, or JSON of the wrong shape. Jersey's Jackson module maps exactly these two types to a
   * plain-text answer; mappers of the exact type with our priority answer in Camunda's JSON shape instead.
   */
  static final class ForBrokenJson implements ExceptionMapper<com.fasterxml.jackson.core.JsonParseException> {
    @Override
    public Response toResponse(com.fasterxml.jackson.core.JsonParseException e) {
      return notJson(e);
    }
  }

  static final class ForWrongJson implements ExceptionMapper<com.fasterxml.jackson.databind.JsonMappingException> {
    @Override
    public Response toResponse(com.fasterxml.jackson.databind.JsonMappingException e) {
      return notJson(e);
    }
  }

  private static Response notJson(com.fasterxml.jackson.core.JsonProcessingException e) {
    return json(400, "InvalidRequestException", EngineErrorText.chinese(400) + " / The body is not valid JSON of the "
        + "expected shape: " + e.getOriginalMessage());
  }

  static Response respond(Throwable e) {
    ExceptionHandlerHelper camunda = ExceptionHandlerHelper.getInstance();
    if (camunda.getStatus(e).getStatusCode() < 500) {
      return camunda.getResponse(e);
    }
    Throwable input = inputCause(e);
    if (input instanceof FormFieldValidationException) {
      log.debug("Form input refused: {}", input.getMessage());
      return json(400, "RestException", e.getMessage());
    }
    if (input instanceof SQLException sql) {
      log.info("Refused input the database cannot store (SQLSTATE {}): {}", sql.getSQLState(), firstLine(sql));
      return json(400, "InvalidRequestException", EngineErrorText.TOO_LONG_OR_MALFORMED);
    }
    Throwable missing = cause(e, NullValueException.class);
    if (missing != null && String.valueOf(missing.getMessage()).contains("Cannot find")) {
      // Camunda answers 500 when a task or execution to act on does not exist (completed meanwhile, or a wrong id).
      return json(404, "InvalidRequestException", "未找到该任务或流程实例（可能已被他人办理）/ " + e.getMessage());
    }
    if (cause(e, OptimisticLockingException.class) != null) {
      log.info("Concurrent change refused: {}", e.getMessage());
      return json(409, "OptimisticLockingException", EngineErrorText.CONCURRENT_CHANGE);
    }
    return camunda.getResponse(e);
  }

  /** The validation or data exception that caused {@code e}, if any. */
  static Throwable inputCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof FormFieldValidationException) {
        return t;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
        return t;
      }
    }
    return null;
  }

  private static Throwable cause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return t;
      }
    }
    return null;
  }

  private static Response json(int status, String type, String message) {
    ExceptionDto dto = new ExceptionDto();
    dto.setType(type);
    dto.setMessage(message);
    return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static String firstLine(SQLException e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
