package cn.ronghe.platform.error;

import java.util.List;

/** The JSON body of every error answered by the project's own API. */
public record ApiError(int status, String code, String message, String messageZh, String messageEn,
    List<FieldProblem> problems) {

  public static ApiError of(RongheException e) {
    return new ApiError(e.status().value(), e.code(), e.bilingualMessage(), e.messageZh(), e.messageEn(),
        e.problems().isEmpty() ? null : e.problems());
  }

  public static ApiError of(int status, String code, String zh, String en) {
    return new ApiError(status, code, zh + " / " + en, zh, en, null);
  }
}
