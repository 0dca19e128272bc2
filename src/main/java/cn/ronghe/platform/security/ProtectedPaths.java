package cn.ronghe.platform.security;

/**
 * Which paths need a logged-in user. Anonymous users reach only the public pages ({@code /public/**}), static
 * assets, the health endpoint and the Camunda webapps' own login; the webapps and {@code /engine-rest}
 * authenticate themselves.
 */
final class ProtectedPaths {

  private ProtectedPaths() {
  }

  static boolean isProtected(String path) {
    if (path.startsWith("/actuator/health")) {
      return false;
    }
    return path.startsWith("/api/") || path.equals("/api")
        || path.startsWith("/actuator")
        || path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui")
        || isPage(path);
  }

  static boolean isPage(String path) {
    return path.startsWith("/dashboard") || path.startsWith("/swagger-ui");
  }
}
