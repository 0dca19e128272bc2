package cn.ronghe.platform.security;

import cn.ronghe.platform.error.ApiError;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the project's own API and pages: HTTP Basic against Camunda identity, or, for reads, the
 * session of a user already logged into the Camunda webapps (so the dashboard needs no second login).
 * While the request runs, the engine sees the caller as the authenticated user, so engine queries made for
 * it are authorization-checked.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

  static final String LOGIN_PAGE = "/camunda/app/welcome/default/#!/login";

  private final IdentityService identityService;
  private final ObjectMapper objectMapper;

  ApiAuthenticationFilter(IdentityService identityService, ObjectMapper objectMapper) {
    this.identityService = identityService;
    this.objectMapper = objectMapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !ProtectedPaths.isProtected(request.getRequestURI().substring(request.getContextPath().length()));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String userId = basicUser(request);
    if (userId == null && isRead(request)) {
      userId = sessionUser(request);
    }
    if (userId == null) {
      reject(request, response);
      return;
    }
    Set<String> groups = new HashSet<>();
    for (Group g : identityService.createGroupQuery().groupMember(userId).list()) {
      groups.add(g.getId());
    }
    request.setAttribute(ApiUser.REQUEST_ATTRIBUTE, new ApiUser(userId, groups));
    identityService.setAuthentication(userId, groups.stream().toList());
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private String basicUser(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String user = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    return identityService.checkPassword(user, password) ? user : null;
  }

  private static String sessionUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication auth = authentications == null ? null : authentications.getAuthenticationForProcessEngine("default");
    return auth == null ? null : auth.getName();
  }

  private static boolean isRead(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
  }

  private void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String accept = request.getHeader("Accept");
    if (ProtectedPaths.isPage(path) && accept != null && accept.contains("text/html")) {
      response.sendRedirect(request.getContextPath() + LOGIN_PAGE);
      return;
    }
    response.setHeader("WWW-Authenticate", "Basic realm=\"ronghe\", charset=\"UTF-8\"");
    ApiError.of(401, "UNAUTHENTICATED", "请先登录（HTTP Basic，使用系统账号）",
        "Authentication required (HTTP Basic with your Ronghe account)").writeTo(response, objectMapper);
  }
}
