package cn.ronghe.platform.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;

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

  /** Answers with this error from a servlet filter, where no Spring MVC handler writes it. */
  public void writeTo(HttpServletResponse response, ObjectMapper json) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), this);
  }
}
