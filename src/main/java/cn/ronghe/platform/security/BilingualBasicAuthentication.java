package cn.ronghe.platform.security;

import cn.ronghe.platform.error.ApiError;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.http.MediaType;

/**
 * HTTP Basic for {@code /engine-rest}, whose refusal (401) also says in Chinese and English what to do; Camunda's
 * provider sends the challenge header with an empty body.
 */
public class BilingualBasicAuthentication extends HttpBasicAuthenticationProvider {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    super.augmentResponseByAuthenticationChallenge(response, engine);
    if (response.isCommitted()) {
      return;
    }
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    ApiError error = ApiError.of(401, "UNAUTHENTICATED", "请先登录（HTTP Basic，使用系统账号）",
        "Authentication required (HTTP Basic with your Ronghe account)");
    try {
      JSON.writeValue(response.getOutputStream(), new EngineRestError("AuthenticationException", error.message()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shape of Camunda's error bodies ({@code type}, {@code message}), so clients read all errors alike. */
  record EngineRestError(String type, String message) {
  }
}
