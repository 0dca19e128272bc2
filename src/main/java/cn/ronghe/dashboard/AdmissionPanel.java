package cn.ronghe.dashboard;

import cn.ronghe.dashboard.Chart.Kind;
import cn.ronghe.dashboard.DashboardScope.Level;
import cn.ronghe.organisation.RegistryRepository;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applications to admit a new community matter (table {@code adm_application}) by where they stand: the stages
 * of a running case and the outcomes of a closed one. A department sees its own applications; a street or
 * community those that would reach its communities (city-wide matters and those naming its street).
 */
@Component
class AdmissionPanel extends PanelBase {

  /** Status → label, in the order of the process; the first four are stages, the rest outcomes. */
  static final List<String[]> STATUSES = List.of(
      new String[] {"CHECKING", "自动审查"}, new String[] {"RETURNED", "待补正"},
      new String[] {"IN_REVIEW", "审查中"}, new String[] {"CITY_APPROVAL", "市委审批"},
      new String[] {"APPROVED", "准入"}, new String[] {"REJECTED", "不予准入"},
      new String[] {"LAPSED", "补正逾期终止"}, new String[] {"WITHDRAWN", "撤回"});
  private static final int STAGES = 4;

  private final JdbcClient jdbc;
  private final RegistryRepository registry;

  AdmissionPanel(JdbcClient jdbc, RegistryRepository registry) {
    super("admissions", "社区事项准入申请：办理环节与结果", "社区事项准入", 10);
    this.jdbc = jdbc;
    this.registry = registry;
  }

  @Override
  public boolean appliesTo(DashboardScope scope) {
    return !scope.is(Level.UNIT);
  }

  @Override
  public Chart chart(DashboardScope scope) {
    ChartBuilder chart = new ChartBuilder();
    for (String[] s : STATUSES) {
      chart.category(s[0], s[1]);
    }
    chart.series("open", "办理中", "#1976d2").series("closed", "已办结", "#8d6e63");
    String street = switch (scope.level()) {
      case STREET -> scope.code();
      case COMMUNITY -> registry.community(scope.code()).map(c -> c.streetCode()).orElse("");
      default -> null;
    };
    StringBuilder sql = new StringBuilder("SELECT status, COUNT(*) FROM adm_application WHERE 1 = 1");
    if (street != null) {
      sql.append(" AND (scope_streets IS NULL OR ',' || scope_streets || ',' LIKE :street)");
    }
    if (scope.is(Level.DEPARTMENT)) {
      sql.append(" AND applicant_dept = :dept");
    }
    var spec = jdbc.sql(sql.append(" GROUP BY status").toString());
    if (street != null) {
      spec = spec.param("street", "%," + street + ",%");
    }
    if (scope.is(Level.DEPARTMENT)) {
      spec = spec.param("dept", scope.code());
    }
    long open = 0;
    long approved = 0;
    long total = 0;
    for (StatusCount c : spec.query((rs, i) -> new StatusCount(rs.getString(1), rs.getLong(2))).list()) {
      boolean stage = STATUSES.subList(0, STAGES).stream().anyMatch(s -> s[0].equals(c.status()));
      chart.add(c.status(), stage ? "open" : "closed", c.count());
      open += stage ? c.count() : 0;
      approved += "APPROVED".equals(c.status()) ? c.count() : 0;
      total += c.count();
    }
    return chart.build(Kind.STACKED, "共 " + total + " 件，办理中 " + open + " 件，已准入 " + approved + " 件", "件",
        null, emptyText(scope));
  }

  private record StatusCount(String status, long count) {
  }

  private static String emptyText(DashboardScope scope) {
    return scope.is(Level.DEPARTMENT) ? "本部门尚未提出事项准入申请" : "尚无涉及" + scope.label() + "的事项准入申请";
  }
}
