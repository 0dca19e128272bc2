package cn.ronghe.platform.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost filter of the project API: a failure to reach the database anywhere in the chain — in the login
 * filter, which reads the user's groups, as well as in a controller — becomes a bilingual 503 instead of a 500.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

  private final ObjectMapper json;

  DatabaseUnavailableFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (!DatabaseUnavailable.causedBy(e) || response.isCommitted()) {
        throw e;
      }
      response.resetBuffer();
      response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
      DatabaseUnavailable.body().writeTo(response, json);
    }
  }
}
