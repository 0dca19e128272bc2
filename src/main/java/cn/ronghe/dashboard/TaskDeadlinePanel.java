package cn.ronghe.dashboard;

import cn.ronghe.dashboard.Chart.Kind;
import cn.ronghe.dashboard.DashboardScope.Level;
import cn.ronghe.identity.Groups;
import cn.ronghe.organisation.Pairing;
import cn.ronghe.organisation.RegistryRepository;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open tasks that are overdue or due within three days (the Tasklist filters 已逾期 and 即将到期), by the body
 * that must act: read from the engine's runtime tables, a task counting for the groups it is offered to. The
 * city sees them by street (a community's tasks count for its street) plus city bodies and co-building units;
 * a street by community plus its own; a community, unit or department by process.
 */
@Component
class TaskDeadlinePanel extends PanelBase {

  static final Duration SOON = Duration.ofDays(3);
  private static final String OWN_STREET = "_street";
  private static final String CITY_BODIES = "_city";
  private static final String UNITS = "_units";

  private final JdbcClient jdbc;
  private final Areas areas;
  private final RegistryRepository registry;
  private final RepositoryService repository;

  TaskDeadlinePanel(JdbcClient jdbc, Areas areas, RegistryRepository registry, RepositoryService repository) {
    super("task-deadlines", "逾期和即将到期的任务", "任务办理", 5);
    this.jdbc = jdbc;
    this.areas = areas;
    this.registry = registry;
    this.repository = repository;
  }

  @Override
  public boolean appliesTo(DashboardScope scope) {
    return true;
  }

  record OpenTask(String id, String processDefinitionId, Date due, String group) {
  }

  @Override
  public Chart chart(DashboardScope scope) {
    Date now = ClockUtil.getCurrentTime();
    Date soon = new Date(now.getTime() + SOON.toMillis());
    List<OpenTask> rows = jdbc.sql("SELECT t.ID_, t.PROC_DEF_ID_, t.DUE_DATE_, i.GROUP_ID_ FROM ACT_RU_TASK t "
            + "LEFT JOIN ACT_RU_IDENTITYLINK i ON i.TASK_ID_ = t.ID_ AND i.TYPE_ = 'candidate' "
            + "WHERE t.DUE_DATE_ IS NOT NULL AND t.DUE_DATE_ < :soon")
        .param("soon", new Timestamp(soon.getTime()))
        .query((rs, i) -> new OpenTask(rs.getString(1), rs.getString(2), rs.getTimestamp(3), rs.getString(4)))
        .list();
    ChartBuilder chart = new ChartBuilder();
    String drill = declareCategories(scope, rows, chart);
    chart.series("overdue", "已逾期", "#c62828").series("soon", "三天内到期", "#f9a825");
    Classifier classifier = new Classifier(scope);
    Set<String> countedInCategory = new HashSet<>();
    Set<String> counted = new HashSet<>();
    long overdue = 0;
    long dueSoon = 0;
    for (OpenTask t : rows) {
      String category = classifier.category(t);
      // a task offered to two groups of one area (a community and its street) counts once there
      if (category == null || !chart.hasCategory(category) || !countedInCategory.add(t.id() + "|" + category)) {
        continue;
      }
      boolean late = t.due().before(now);
      chart.add(category, late ? "overdue" : "soon", 1);
      if (counted.add(t.id())) {
        overdue += late ? 1 : 0;
        dueSoon += late ? 0 : 1;
      }
    }
    return chart.build(scope.is(Level.CITY) || scope.is(Level.STREET) ? Kind.STACKED : Kind.STACKED_HORIZONTAL,
        "已逾期 " + overdue + " 件，三天内到期 " + dueSoon + " 件", "件", drill,
        "没有逾期或三天内到期的任务");
  }

  private String declareCategories(DashboardScope scope, List<OpenTask> rows, ChartBuilder chart) {
    if (scope.is(Level.CITY) || scope.is(Level.STREET)) {
      String drill = areas.declare(scope, chart);
      if (scope.is(Level.CITY)) {
        chart.category(CITY_BODIES, "市级机关、部门").category(UNITS, "共建单位");
      } else {
        chart.category(OWN_STREET, scope.label() + "大工委").category(UNITS, "共建单位");
      }
      return drill;
    }
    Map<String, String> processes = new LinkedHashMap<>();
    for (OpenTask t : rows) {
      if (matchesOwnGroup(scope, t.group())) {
        processes.computeIfAbsent(t.processDefinitionId(), this::processName);
      }
    }
    processes.forEach(chart::category);
    return null;
  }

  /** Where a task counts in the scope's breakdown; the registry is read once per chart. */
  private final class Classifier {

    private final DashboardScope scope;
    private final Map<String, String> streetOfCommunity;
    private final Set<String> unitGroupsOfStreet = new HashSet<>();

    Classifier(DashboardScope scope) {
      this.scope = scope;
      this.streetOfCommunity = scope.is(Level.CITY) ? areas.streetOfCommunity() : Map.of();
      if (scope.is(Level.STREET)) {
        Set<String> communities = new HashSet<>();
        registry.communities(scope.code()).forEach(c -> communities.add(c.code()));
        for (Pairing p : registry.pairings(null, null)) {
          if (communities.contains(p.communityCode())) {
            unitGroupsOfStreet.add(Groups.unit(p.unitCode()));
          }
        }
      }
    }

    /** Null when the task does not concern the scope. */
    String category(OpenTask t) {
      String g = t.group();
      if (g == null) {
        return null;
      }
      return switch (scope.level()) {
        case CITY -> {
          if (g.startsWith(Groups.STREET_PREFIX)) {
            yield g.substring(Groups.STREET_PREFIX.length());
          }
          if (g.startsWith(Groups.COMMUNITY_PREFIX)) {
            yield streetOfCommunity.get(g.substring(Groups.COMMUNITY_PREFIX.length()));
          }
          if (g.startsWith(Groups.UNIT_PREFIX)) {
            yield UNITS;
          }
          yield g.startsWith(Groups.DEPT_PREFIX) || DashboardScopes.CITY_GROUPS.contains(g) ? CITY_BODIES : null;
        }
        case STREET -> {
          if (g.equals(Groups.street(scope.code()))) {
            yield OWN_STREET;
          }
          if (g.startsWith(Groups.COMMUNITY_PREFIX)) {
            yield g.substring(Groups.COMMUNITY_PREFIX.length());
          }
          yield unitGroupsOfStreet.contains(g) ? UNITS : null;
        }
        default -> matchesOwnGroup(scope, g) ? t.processDefinitionId() : null;
      };
    }
  }

  private static boolean matchesOwnGroup(DashboardScope scope, String group) {
    return group != null && group.equals(switch (scope.level()) {
      case COMMUNITY -> Groups.community(scope.code());
      case UNIT -> Groups.unit(scope.code());
      case DEPARTMENT -> Groups.dept(scope.code());
      default -> null;
    });
  }

  private String processName(String processDefinitionId) {
    var definition = repository.getProcessDefinition(processDefinitionId);
    return definition.getName() != null ? definition.getName() : definition.getKey();
  }
}
