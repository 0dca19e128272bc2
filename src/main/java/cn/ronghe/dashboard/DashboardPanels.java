package cn.ronghe.dashboard;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Every {@link DashboardPanel} bean of the application, in page order. */
@Component
class DashboardPanels {

  private final List<DashboardPanel> all;

  DashboardPanels(List<DashboardPanel> panels) {
    this.all = panels.stream().sorted(Comparator.comparingInt(DashboardPanel::order)
        .thenComparing(DashboardPanel::id)).toList();
    Map<String, DashboardPanel> ids = new LinkedHashMap<>();
    for (DashboardPanel p : all) {
      if (!p.id().matches("[a-z0-9-]+") || ids.put(p.id(), p) != null) {
        throw new IllegalStateException("Dashboard panel id must be unique and URL-safe: " + p.id());
      }
    }
  }

  List<DashboardPanel> applicable(DashboardScope scope) {
    return all.stream().filter(p -> p.appliesTo(scope)).toList();
  }

  Optional<DashboardPanel> byId(String id) {
    return all.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** The applicable panels grouped by section, sections in the order of their first panel. */
  Map<String, List<DashboardPanel>> bySection(DashboardScope scope) {
    Map<String, List<DashboardPanel>> sections = new LinkedHashMap<>();
    for (DashboardPanel p : applicable(scope)) {
      sections.computeIfAbsent(p.section(), s -> new java.util.ArrayList<>()).add(p);
    }
    return sections;
  }
}
