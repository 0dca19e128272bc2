package cn.ronghe.dashboard;

import cn.ronghe.career.Post;
import cn.ronghe.dashboard.Chart.Kind;
import cn.ronghe.dashboard.DashboardScope.Level;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Serving community workers (table {@code career_worker}) by grade 1–18, one series per post (三岗十八级). */
@Component
class CareerGradePanel extends PanelBase {

  static final int MAX_GRADE = 18;
  static final Map<Post, String> COLORS = Map.of(Post.PRINCIPAL, "#b71c1c", Post.DEPUTY, "#ef6c00",
      Post.OTHER, "#546e7a");

  private final JdbcClient jdbc;

  CareerGradePanel(JdbcClient jdbc) {
    super("career-grades", "社区工作者等级分布（按岗位）", "社区工作者“三岗十八级”", 50);
    this.jdbc = jdbc;
  }

  @Override
  public boolean appliesTo(DashboardScope scope) {
    return scope.isArea();
  }

  @Override
  public Chart chart(DashboardScope scope) {
    ChartBuilder chart = new ChartBuilder();
    for (int g = 1; g <= MAX_GRADE; g++) {
      chart.category(String.valueOf(g), g + " 级");
    }
    for (Post p : Post.values()) {
      chart.series(p.name(), p.label(), COLORS.get(p));
    }
    String sql = "SELECT w.post, w.grade, COUNT(*) FROM career_worker w "
        + "JOIN org_community c ON c.code = w.community_code WHERE w.status = 'ACTIVE'"
        + switch (scope.level()) {
          case STREET -> " AND c.street_code = :code";
          case COMMUNITY -> " AND w.community_code = :code";
          default -> "";
        } + " GROUP BY w.post, w.grade";
    var spec = jdbc.sql(sql);
    if (!scope.is(Level.CITY)) {
      spec = spec.param("code", scope.code());
    }
    long[] total = {0};
    spec.query((RowCallbackHandler) rs -> {
      chart.add(String.valueOf(rs.getInt(2)), rs.getString(1), rs.getLong(3));
      total[0] += rs.getLong(3);
    });
    return chart.build(Kind.STACKED, "在岗社区工作者 " + total[0] + " 人", "人", null, "尚无在岗社区工作者记录");
  }
}
