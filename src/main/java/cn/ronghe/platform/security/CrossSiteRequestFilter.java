package cn.ronghe.platform.security;

import cn.ronghe.platform.error.ApiError;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses state-changing calls of {@code /api} and {@code /engine-rest} that a browser sends on behalf of another
 * site. Both APIs take HTTP Basic, and a browser that once answered their login prompt (Swagger UI, an address
 * typed in) attaches those credentials to any request to this host, including a form another site posts: such a
 * form could import a registry or complete a task. Browsers mark where a request comes from ({@code Sec-Fetch-Site},
 * {@code Origin}); scripts and servers send neither and are not affected. The Camunda webapps' own API has its
 * CSRF token filter instead.
 */
class CrossSiteRequestFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final ObjectMapper objectMapper;

  CrossSiteRequestFilter(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return SAFE_METHODS.contains(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (crossSite(request)) {
      ApiError.of(403, "CROSS_SITE_REQUEST", "拒绝来自其他网站的修改请求，请在本系统页面内操作或直接调用接口",
          "State-changing requests sent by another site are refused; use this site's pages or call the API directly")
          .writeTo(response, objectMapper);
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean crossSite(HttpServletRequest request) {
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if (fetchSite != null) {
      // "none" is the user's own navigation (address bar, bookmark); "same-site" is another host of the same
      // registrable domain, which is still another application.
      return !"same-origin".equals(fetchSite) && !"none".equals(fetchSite);
    }
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return false;
    }
    String host = request.getHeader("Host");
    return host == null || !host.toLowerCase(Locale.ROOT).equals(authority(origin));
  }

  /** host[:port] of an Origin header; the scheme is left out, as a TLS proxy in front changes it. */
  private static String authority(String origin) {
    try {
      String authority = URI.create(origin).getRawAuthority();
      return authority == null ? "" : authority.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
