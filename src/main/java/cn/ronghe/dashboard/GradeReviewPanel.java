package cn.ronghe.dashboard;

import cn.ronghe.career.GradeAction;
import cn.ronghe.dashboard.Chart.Kind;
import cn.ronghe.dashboard.DashboardScope.Level;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the latest annual grade review (年度等级评定, table {@code career_review}) decided, by street or community:
 * promotions, demotions and unchanged grades, with how many have taken effect. Reviews withdrawn after an
 * objection or skipped because the worker changed are left out.
 */
@Component
class GradeReviewPanel extends PanelBase {

  static final Map<GradeAction, String> COLORS = Map.of(GradeAction.PROMOTE, "#2e7d32",
      GradeAction.HOLD, "#90a4ae", GradeAction.DEMOTE, "#c62828");

  private final JdbcClient jdbc;
  private final Areas areas;

  GradeReviewPanel(JdbcClient jdbc, Areas areas) {
    super("career-last-review", "最近一次年度等级评定的调整", "社区工作者“三岗十八级”", 60);
    this.jdbc = jdbc;
    this.areas = areas;
  }

  @Override
  public boolean appliesTo(DashboardScope scope) {
    return scope.isArea();
  }

  @Override
  public Chart chart(DashboardScope scope) {
    ChartBuilder chart = new ChartBuilder();
    String drill = areas.declare(scope, chart);
    for (GradeAction a : GradeAction.values()) {
      chart.series(a.name(), a.label(), COLORS.get(a));
    }
    String where = " WHERE proposal IS NOT NULL AND stage NOT IN ('WITHDRAWN', 'SKIPPED')" + switch (scope.level()) {
      case STREET -> " AND street_code = :code";
      case COMMUNITY -> " AND community_code = :code";
      default -> "";
    };
    var yearQuery = jdbc.sql("SELECT MAX(review_year) FROM career_review" + where);
    if (!scope.is(Level.CITY)) {
      yearQuery = yearQuery.param("code", scope.code());
    }
    Integer year = scope.year() != null ? scope.year() : yearQuery.query(Integer.class).optional().orElse(null);
    String subtitle = null;
    if (year != null) {
      var rows = jdbc.sql("SELECT street_code, community_code, proposal, stage, COUNT(*) FROM career_review" + where
          + " AND review_year = :year GROUP BY street_code, community_code, proposal, stage").param("year", year);
      if (!scope.is(Level.CITY)) {
        rows = rows.param("code", scope.code());
      }
      long[] counts = new long[5];
      rows.query((RowCallbackHandler) rs -> {
        GradeAction action = GradeAction.valueOf(rs.getString(3));
        long n = rs.getLong(5);
        chart.add(areas.areaOf(scope, rs.getString(1), rs.getString(2)), action.name(), n);
        counts[action.ordinal()] += n;
        String stage = rs.getString(4);
        counts[3] += "EFFECTIVE".equals(stage) || "NO_CHANGE".equals(stage) ? n : 0;
        counts[4] += n;
      });
      subtitle = year + " 年度：晋升 " + counts[GradeAction.PROMOTE.ordinal()] + " 人，降级 "
          + counts[GradeAction.DEMOTE.ordinal()] + " 人，保持 " + counts[GradeAction.HOLD.ordinal()] + " 人；已办结 "
          + counts[3] + " 人，审批或公示中 " + (counts[4] - counts[3]) + " 人";
    }
    return chart.build(Kind.STACKED, subtitle, "人", drill, "尚无年度等级评定的调整建议");
  }
}
