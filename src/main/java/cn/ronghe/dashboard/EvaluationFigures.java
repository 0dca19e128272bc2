package cn.ronghe.dashboard;

import cn.ronghe.dashboard.DashboardScope.Level;
import cn.ronghe.evaluation.Grade;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Final grades of two-way evaluation (table {@code ev_pairing}, after the street's adjustments) that a scope may
 * see: the city and a street once the street's 大工委 has confirmed them (or they are published); a community
 * or unit only its own, once published — the rule the evaluation API applies to single results.
 */
@Component
class EvaluationFigures {

  static final Map<Grade, String> COLORS = Map.of(Grade.EXCELLENT, "#2e7d32", Grade.GOOD, "#1976d2",
      Grade.FAIR, "#f9a825", Grade.POOR, "#c62828");

  /** One pairing's two final grades: the community's (rated by the unit) and the unit's (rated by the community). */
  record Row(int year, String streetCode, String communityCode, String unitCode, String unitKind,
      String communityGrade, String unitGrade) {
  }

  record Year(int year, List<Row> rows) {
  }

  private final JdbcClient jdbc;

  EvaluationFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The scope's year (or else the latest year) with grades the scope may see, and those grades; null for none. */
  Year of(DashboardScope scope) {
    StringBuilder where = new StringBuilder(" WHERE p.state IN ('RATED', 'PUBLISHED')");
    if (scope.is(Level.CITY) || scope.is(Level.STREET)) {
      where.append(" AND (s.reviewed_at IS NOT NULL OR (p.state = 'PUBLISHED' AND c.status = 'PUBLISHED'))");
    } else {
      where.append(" AND p.state = 'PUBLISHED' AND c.status = 'PUBLISHED'");
    }
    String column = switch (scope.level()) {
      case STREET -> "p.street_code";
      case COMMUNITY -> "p.community_code";
      case UNIT -> "p.unit_code";
      default -> null;
    };
    if (column != null) {
      where.append(" AND ").append(column).append(" = :code");
    }
    String from = " FROM ev_pairing p JOIN ev_cycle c ON c.id = p.cycle_id "
        + "LEFT JOIN ev_cycle_street s ON s.cycle_id = p.cycle_id AND s.street_code = p.street_code "
        + "LEFT JOIN org_unit u ON u.code = p.unit_code";
    Integer year = scope.year();
    if (year == null) {
      var yearQuery = jdbc.sql("SELECT MAX(c.eval_year)" + from + where);
      if (column != null) {
        yearQuery = yearQuery.param("code", scope.code());
      }
      year = yearQuery.query(Integer.class).optional().orElse(null);
      if (year == null) {
        return null;
      }
    }
    var rows = jdbc.sql("SELECT c.eval_year, p.street_code, p.community_code, p.unit_code, u.kind, "
        + "p.community_final_grade, p.unit_final_grade" + from + where + " AND c.eval_year = :year")
        .param("year", year);
    if (column != null) {
      rows = rows.param("code", scope.code());
    }
    List<Row> found = rows.query((rs, i) -> new Row(rs.getInt(1), rs.getString(2), rs.getString(3),
        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))).list();
    return found.isEmpty() ? null : new Year(year, found);
  }

  /** Declares the four grades as series, best first. */
  static void declareGrades(ChartBuilder chart) {
    for (Grade g : Grade.values()) {
      chart.series(g.name(), g.label(), COLORS.get(g));
    }
  }
}
