package cn.ronghe.platform.error;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A business error that the caller can act on: a stable code, a Chinese and an English message, and the
 * HTTP status it maps to. Thrown by rule services and controllers; never carries a stack trace to users.
 */
public class RongheException extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final String messageZh;
  private final String messageEn;
  private final List<FieldProblem> problems;

  public RongheException(HttpStatus status, String code, String messageZh, String messageEn) {
    this(status, code, messageZh, messageEn, List.of());
  }

  public RongheException(HttpStatus status, String code, String messageZh, String messageEn,
      List<FieldProblem> problems) {
    super(messageEn);
    this.status = status;
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    this.problems = List.copyOf(problems);
  }

  public static RongheException badRequest(String code, String zh, String en) {
    return new RongheException(HttpStatus.BAD_REQUEST, code, zh, en);
  }

  public static RongheException invalid(List<FieldProblem> problems) {
    return new RongheException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
        "提交的数据有误：" + FieldProblem.joinZh(problems),
        "Invalid input: " + FieldProblem.joinEn(problems), problems);
  }

  public static RongheException notFound(String what, String id) {
    return new RongheException(HttpStatus.NOT_FOUND, "NOT_FOUND",
        "未找到" + what + "：" + id, "Not found: " + id);
  }

  public static RongheException forbidden(String zh, String en) {
    return new RongheException(HttpStatus.FORBIDDEN, "FORBIDDEN", zh, en);
  }

  public static RongheException conflict(String code, String zh, String en) {
    return new RongheException(HttpStatus.CONFLICT, code, zh, en);
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String messageZh() {
    return messageZh;
  }

  public String messageEn() {
    return messageEn;
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  /** Both languages in one line, as shown in Tasklist and logs. */
  public String bilingualMessage() {
    return messageZh + " / " + messageEn;
  }
}
