package cn.ronghe.dashboard;

import cn.ronghe.dashboard.DashboardScope.Level;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A panel of figures broken down by area (the city by street, a street by community, a community into itself),
 * read by one grouped query whose rows start with the street and the community code.
 */
abstract class AreaPanel extends PanelBase {

  protected final JdbcClient jdbc;
  protected final Areas areas;

  protected AreaPanel(String id, String title, String section, int order, JdbcClient jdbc, Areas areas) {
    super(id, title, section, order);
    this.jdbc = jdbc;
    this.areas = areas;
  }

  @Override
  public boolean appliesTo(DashboardScope scope) {
    return scope.isArea();
  }

  /** Runs {@code sql} row by row with the scope's condition in place of its {@code {scope}} marker. */
  protected void query(DashboardScope scope, String sql, String streetColumn, String communityColumn,
      java.util.Map<String, Object> params, RowCallbackHandler rows) {
    String condition = switch (scope.level()) {
      case STREET -> " AND " + streetColumn + " = :code";
      case COMMUNITY -> " AND " + communityColumn + " = :code";
      default -> "";
    };
    var spec = jdbc.sql(sql.replace("{scope}", condition)).params(params);
    if (!scope.is(Level.CITY)) {
      spec = spec.param("code", scope.code());
    }
    spec.query(rows);
  }
}
