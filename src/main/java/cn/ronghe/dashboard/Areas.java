package cn.ronghe.dashboard;

import cn.ronghe.organisation.Community;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.organisation.Street;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The geography panels break their figures down by: the city by street, a street by community, a community
 * into itself. Inactive streets and communities are left out (their old cases still count where they belong).
 */
@Component
public class Areas {

  /** The drill target of a category: opens the dashboard of that street or community. */
  public static final String DRILL_STREET = "street";
  public static final String DRILL_COMMUNITY = "community";

  private final RegistryRepository registry;

  Areas(RegistryRepository registry) {
    this.registry = registry;
  }

  /** Declares the scope's areas as categories of the builder; returns the drill target of those categories. */
  public String declare(DashboardScope scope, ChartBuilder chart) {
    switch (scope.level()) {
      case CITY -> {
        for (Street s : registry.streets()) {
          chart.category(s.code(), s.name());
        }
        return DRILL_STREET;
      }
      case STREET -> {
        for (Community c : registry.communities(scope.code())) {
          chart.category(c.code(), c.name());
        }
        return DRILL_COMMUNITY;
      }
      case COMMUNITY -> {
        chart.category(scope.code(), scope.label());
        return null;
      }
      default -> throw new IllegalArgumentException("no areas below " + scope.level());
    }
  }

  /** The category a community's figure falls in: its street for the city, itself otherwise. */
  public String areaOf(DashboardScope scope, String streetCode, String communityCode) {
    return scope.is(DashboardScope.Level.CITY) ? streetCode : communityCode;
  }

  /** Street of every active community. */
  public Map<String, String> streetOfCommunity() {
    Map<String, String> map = new HashMap<>();
    for (Community c : registry.communities(null)) {
      map.put(c.code(), c.streetCode());
    }
    return map;
  }
}
