package cn.ronghe.dashboard;

import cn.ronghe.dashboard.Chart.Kind;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Compounds served by a company on the current red or black list (红色物业红黑榜), per street or community: the
 * list is per company, the people who live with it are in the compounds.
 */
@Component
class PropertyListPanel extends AreaPanel {

  PropertyListPanel(JdbcClient jdbc, Areas areas) {
    super("property-lists", "红黑榜物业服务的小区（按镇区、社区）", "党建引领：星级支部、红色物业、网格", 71, jdbc, areas);
  }

  @Override
  public Chart chart(DashboardScope scope) {
    ChartBuilder chart = new ChartBuilder();
    String drill = areas.declare(scope, chart);
    chart.series("RED", "红榜企业服务", "#c62828");
    chart.series("BLACK", "黑榜企业服务", "#212121");
    long[] total = {0};
    query(scope, "SELECT c.street_code, p.community_code, l.list_kind, COUNT(*) FROM property_list_entry l "
        + "JOIN property_compound p ON p.company_code = l.company_code "
        + "JOIN org_community c ON c.code = p.community_code WHERE l.status = 'CURRENT'{scope} "
        + "GROUP BY c.street_code, p.community_code, l.list_kind", "c.street_code", "p.community_code", Map.of(),
        rs -> {
          chart.add(areas.areaOf(scope, rs.getString(1), rs.getString(2)), rs.getString(3), rs.getLong(4));
          total[0] += rs.getLong(4);
        });
    return chart.build(Kind.STACKED, "在榜企业服务的小区 " + total[0] + " 个", "个", drill, "当前没有在榜的物业服务企业");
  }
}
