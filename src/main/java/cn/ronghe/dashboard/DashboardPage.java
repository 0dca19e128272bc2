package cn.ronghe.dashboard;

import cn.ronghe.dashboard.DashboardScope.Level;
import cn.ronghe.platform.error.RongheException;
import cn.ronghe.platform.security.ApiUser;
import cn.ronghe.platform.security.AsSystem;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The dashboard page: server-rendered frame (scope, sections, panel titles, empty placeholders) whose charts
 * {@code /dashboard/dashboard.js} draws from {@code /api/dashboard/panels/{id}} with ECharts served from the
 * application's own webjar. Login is required ({@code ProtectedPaths}); the session of the Camunda webapps
 * counts.
 */
@Controller
class DashboardPage {

  private final DashboardScopes scopes;
  private final DashboardPanels panels;
  private final IdentityService identity;
  private final AsSystem asSystem;

  DashboardPage(DashboardScopes scopes, DashboardPanels panels, IdentityService identity, AsSystem asSystem) {
    this.scopes = scopes;
    this.panels = panels;
    this.identity = identity;
    this.asSystem = asSystem;
  }

  /** Years offered in the page's year choice, counting back from this year. */
  static final int YEARS_OFFERED = 8;

  @GetMapping("/dashboard")
  String page(ApiUser user, @RequestParam(required = false) String street,
      @RequestParam(required = false) String community, @RequestParam(required = false) Integer year, Model model,
      HttpServletResponse response) {
    model.addAttribute("userName", displayName(user.id()));
    DashboardScope scope;
    try {
      scope = scopes.resolve(user, street, community, year);
    } catch (RongheException e) {
      response.setStatus(e.status().value());
      model.addAttribute("message", e.messageZh());
      return "dashboard/unavailable";
    }
    UriComponentsBuilder query = UriComponentsBuilder.newInstance();
    if (scope.is(Level.STREET) && street != null && !street.isBlank()) {
      query.queryParam("street", scope.code());
    }
    if (scope.is(Level.COMMUNITY) && community != null && !community.isBlank()) {
      query.queryParam("community", scope.code());
    }
    if (year != null) {
      query.queryParam("year", year);
    }
    int thisYear = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).getYear();
    model.addAttribute("scope", scope);
    model.addAttribute("narrowed", !scope.level().equals(scopes.resolve(user, null, null).level()));
    model.addAttribute("sections", panels.bySection(scope));
    model.addAttribute("query", query.build().encode().toUriString());
    model.addAttribute("street", scope.is(Level.STREET) && street != null ? scope.code() : null);
    model.addAttribute("community", scope.is(Level.COMMUNITY) && community != null ? scope.code() : null);
    model.addAttribute("years", IntStream.range(0, YEARS_OFFERED).map(i -> thisYear - i).boxed().toList());
    return "dashboard/index";
  }

  private String displayName(String userId) {
    User u = asSystem.call(() -> identity.createUserQuery().userId(userId).singleResult());
    if (u == null) {
      return userId;
    }
    String name = (u.getFirstName() == null ? "" : u.getFirstName()) + (u.getLastName() == null ? "" : u.getLastName());
    return name.isBlank() ? userId : name;
  }
}
