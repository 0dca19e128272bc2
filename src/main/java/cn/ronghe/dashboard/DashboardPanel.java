package cn.ronghe.dashboard;

/**
 * One chart of the dashboard. To add a panel, declare a Spring bean implementing this interface anywhere under
 * {@code cn.ronghe}: the page lists it in its section for every scope it {@linkplain #appliesTo applies to} and
 * draws what {@link #chart} returns (served as {@code GET /api/dashboard/panels/{id}}). Nothing else changes:
 * no page, script or controller edit. {@link PanelBase} holds the id, title, section and order;
 * {@link ChartBuilder} and {@link Areas} build the figures. {@code docs/dashboard.md} shows an example.
 */
public interface DashboardPanel {

  /** Stable, URL-safe id, e.g. {@code admissions}. */
  String id();

  /** Chinese title shown above the chart. */
  String title();

  /** Chinese name of the section the panel belongs to; sections appear in the order of their first panel. */
  String section();

  /** Position on the page, ascending; leave gaps (10, 20...) so other panels can go in between. */
  int order();

  boolean appliesTo(DashboardScope scope);

  /** The figures of the scope; never null, possibly {@linkplain Chart#isEmpty() empty}. */
  Chart chart(DashboardScope scope);
}
