package cn.ronghe.dashboard;

import cn.ronghe.dashboard.Chart.Kind;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Grid reports (问题"上"得来) of the year by where they stand: closed, still being handled, ever overdue. */
@Component
class GridReportPanel extends AreaPanel {

  GridReportPanel(JdbcClient jdbc, Areas areas) {
    super("grid-reports", "网格上报问题办理情况（按镇区、社区）", "党建引领：星级支部、红色物业、网格", 72, jdbc, areas);
  }

  @Override
  public Chart chart(DashboardScope scope) {
    ChartBuilder chart = new ChartBuilder();
    String drill = areas.declare(scope, chart);
    chart.series("CLOSED", "已办结", "#2e7d32");
    chart.series("OPEN", "办理中", "#1565c0");
    chart.series("LATE", "其中曾逾期", "#e65100");
    int year = scope.year() == null ? cn.ronghe.cobuilding.Times.today().getYear() : scope.year();
    long[] total = {0};
    query(scope, "SELECT street_code, community_code, status, overdue_count FROM grid_report "
        + "WHERE reported_at >= :from AND reported_at < :to{scope}", "street_code", "community_code",
        Map.of("from", LocalDate.of(year, 1, 1).atStartOfDay(), "to", LocalDate.of(year + 1, 1, 1).atStartOfDay()),
        rs -> {
          String area = areas.areaOf(scope, rs.getString(1), rs.getString(2));
          chart.add(area, "CLOSED".equals(rs.getString(3)) ? "CLOSED" : "OPEN", 1);
          if (rs.getInt(4) > 0) {
            chart.add(area, "LATE", 1);
          }
          total[0]++;
        });
    return chart.build(Kind.BAR, year + " 年度上报 " + total[0] + " 件", "件", drill, year + " 年度尚无网格上报问题");
  }
}
