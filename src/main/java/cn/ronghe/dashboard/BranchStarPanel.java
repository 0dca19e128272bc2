package cn.ronghe.dashboard;

import cn.ronghe.dashboard.Chart.Kind;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Active party branches by their stars in force (table {@code branch_party_branch}), per street or community. */
@Component
class BranchStarPanel extends AreaPanel {

  static final String[] COLORS = {"#9e9e9e", "#90a4ae", "#ffb300", "#fb8c00", "#e53935", "#b71c1c"};

  BranchStarPanel(JdbcClient jdbc, Areas areas) {
    super("branch-stars", "党支部星级分布（按镇区、社区）", "党建引领：星级支部、红色物业、网格", 70, jdbc, areas);
  }

  @Override
  public Chart chart(DashboardScope scope) {
    ChartBuilder chart = new ChartBuilder();
    String drill = areas.declare(scope, chart);
    for (int stars = 5; stars >= 1; stars--) {
      chart.series(String.valueOf(stars), stars + " 星", COLORS[stars]);
    }
    chart.series("0", "未评定", COLORS[0]);
    long[] total = {0};
    query(scope, "SELECT c.street_code, b.community_code, COALESCE(b.current_stars, 0), COUNT(*) "
        + "FROM branch_party_branch b JOIN org_community c ON c.code = b.community_code WHERE b.active{scope} "
        + "GROUP BY c.street_code, b.community_code, COALESCE(b.current_stars, 0)", "c.street_code",
        "b.community_code", Map.of(), rs -> {
          chart.add(areas.areaOf(scope, rs.getString(1), rs.getString(2)), String.valueOf(rs.getInt(3)),
              rs.getLong(4));
          total[0] += rs.getLong(4);
        });
    return chart.build(Kind.STACKED, "在册党支部 " + total[0] + " 个", "个", drill, "尚无党支部记录");
  }
}
