package cn.ronghe.platform.error;

import java.sql.SQLException;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure of the project's REST API into a JSON {@link ApiError}; users never see a stack trace. */
@RestControllerAdvice(basePackages = "cn.ronghe")
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(RongheException.class)
  ResponseEntity<ApiError> business(RongheException e) {
    return ResponseEntity.status(e.status()).body(ApiError.of(e));
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ApiError> invalidBody(MethodArgumentNotValidException e) {
    List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new FieldProblem(f.getField(), "取值无效（" + f.getDefaultMessage() + "）",
            "invalid value (" + f.getDefaultMessage() + ")"))
        .toList();
    return business(RongheException.invalid(problems));
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<ApiError> invalidParameter(HandlerMethodValidationException e) {
    return business(RongheException.badRequest("INVALID_PARAMETER", "请求参数无效", "Invalid request parameter"));
  }

  @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
      MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
      MultipartException.class})
  ResponseEntity<ApiError> unreadable(Exception e) {
    return business(RongheException.badRequest("MALFORMED_REQUEST",
        "请求格式错误或缺少必填参数，请检查后重试",
        "The request is malformed or lacks a required parameter"));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
    return business(new RongheException(HttpStatus.PAYLOAD_TOO_LARGE, "UPLOAD_TOO_LARGE",
        "上传文件过大（上限 10 MB）", "The uploaded file is too large (10 MB at most)"));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
    return business(new RongheException(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
        "不支持该请求方法", "Method not allowed"));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
    return business(new RongheException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
        "不支持的内容类型", "Unsupported content type"));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
    return business(RongheException.notFound("资源", e.getResourcePath()));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ApiError> denied(AuthorizationException e) {
    return business(RongheException.forbidden("您没有执行该操作的权限", "You are not allowed to do this"));
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<ApiError> integrity(DataIntegrityViolationException e) {
    log.info("Rejected a write that violates a database constraint: {}", e.getMostSpecificCause().getMessage());
    if (e.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null
        && sql.getSQLState().startsWith("22")) {
      // SQLSTATE class 22 (data exception): a text longer than its column, a NUL character, a number out of range.
      return business(RongheException.badRequest("VALUE_NOT_STORABLE",
          "提交的数据超出允许的长度或含有无法保存的字符，未保存任何内容",
          "A submitted value is too long or contains characters that cannot be stored; nothing was saved"));
    }
    return business(RongheException.conflict("CONFLICT", "数据与现有记录冲突（重复或引用不存在）",
        "The data conflicts with existing records (duplicate or dangling reference)"));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e) {
    if (DatabaseUnavailable.causedBy(e)) {
      log.warn("The database is unavailable: {}", e.getMessage());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
          .body(DatabaseUnavailable.body());
    }
    log.error("Unexpected error in the project API", e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(ApiError.of(500, "INTERNAL_ERROR",
        "系统内部错误，请稍后重试或联系管理员", "Internal error; please retry later or contact the administrator"));
  }
}
