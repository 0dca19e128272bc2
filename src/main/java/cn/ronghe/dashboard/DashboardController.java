package cn.ronghe.dashboard;

import cn.ronghe.platform.error.RongheException;
import cn.ronghe.platform.security.ApiUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The figures of the dashboard page ({@code /dashboard}), for the caller's scope. */
@RestController
@RequestMapping("/api/dashboard")
@Tag(name = "数据看板 Dashboard")
class DashboardController {

  record ScopeView(String level, String levelLabel, String code, String label, Integer year) {
    static ScopeView of(DashboardScope s) {
      return new ScopeView(s.level().name(), s.level().label(), s.code(), s.label(), s.year());
    }
  }

  record PanelRef(String id, String title, String section) {
  }

  record Overview(ScopeView scope, List<PanelRef> panels) {
  }

  record PanelData(String id, String title, String section, ScopeView scope, Chart chart, boolean empty) {
  }

  private final DashboardScopes scopes;
  private final DashboardPanels panels;

  DashboardController(DashboardScopes scopes, DashboardPanels panels) {
    this.scopes = scopes;
    this.panels = panels;
  }

  @GetMapping
  @Operation(summary = "The caller's scope and the panels shown for it (narrow with street= or community=; year= for yearly figures)")
  Overview overview(ApiUser user, @RequestParam(required = false) String street,
      @RequestParam(required = false) String community, @RequestParam(required = false) Integer year) {
    DashboardScope scope = scopes.resolve(user, street, community, year);
    return new Overview(ScopeView.of(scope), panels.applicable(scope).stream()
        .map(p -> new PanelRef(p.id(), p.title(), p.section())).toList());
  }

  @GetMapping("/panels/{id}")
  @Operation(summary = "One panel's figures for the caller's scope")
  PanelData panel(ApiUser user, @PathVariable String id, @RequestParam(required = false) String street,
      @RequestParam(required = false) String community, @RequestParam(required = false) Integer year) {
    DashboardScope scope = scopes.resolve(user, street, community, year);
    DashboardPanel panel = panels.byId(id).orElseThrow(() -> RongheException.notFound("看板", id));
    if (!panel.appliesTo(scope)) {
      throw RongheException.notFound("适用于" + scope.label() + "的看板", id);
    }
    Chart chart = panel.chart(scope);
    return new PanelData(panel.id(), panel.title(), panel.section(), ScopeView.of(scope), chart, chart.isEmpty());
  }
}
