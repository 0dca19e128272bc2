package cn.ronghe.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every answer: the project's pages and API, and the Camunda webapps and {@code /engine-rest}
 * (the webapps set their own Content-Security-Policy, with a per-page script nonce, which is kept). Answers that
 * carry a user's data are never stored by a browser or a proxy.
 */
class SecurityHeadersFilter extends OncePerRequestFilter {

  static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
      + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
  static final String NO_STORE = "no-store";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    boolean camunda = path.startsWith("/camunda/") || path.startsWith("/engine-rest");
    if (!camunda && !path.startsWith("/swagger-ui")) {
      response.setHeader("Content-Security-Policy", CSP);
    }
    if (carriesUserData(path)) {
      response.setHeader("Cache-Control", NO_STORE);
      // Camunda's REST resources set "no-cache" (stored, revalidated) after this filter; no-store wins.
      response = new NoStoreResponse(response);
    }
    chain.doFilter(request, response);
  }

  /** Authenticated answers: the project's API and pages behind a login, the engine's APIs. */
  static boolean carriesUserData(String path) {
    return (ProtectedPaths.isProtected(path) && !path.startsWith("/swagger-ui"))
        || path.startsWith("/engine-rest") || path.startsWith("/camunda/api/");
  }

  /** Keeps Cache-Control at no-store whatever the servlet behind sets. */
  private static final class NoStoreResponse extends HttpServletResponseWrapper {

    NoStoreResponse(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setHeader(String name, String value) {
      super.setHeader(name, isCacheControl(name) ? NO_STORE : value);
    }

    @Override
    public void addHeader(String name, String value) {
      if (isCacheControl(name)) {
        super.setHeader(name, NO_STORE);
      } else {
        super.addHeader(name, value);
      }
    }

    private static boolean isCacheControl(String name) {
      return "Cache-Control".equalsIgnoreCase(name);
    }
  }
}
