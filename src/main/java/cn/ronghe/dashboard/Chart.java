package cn.ronghe.dashboard;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What a panel draws, independent of the charting library: categories along one axis, one or more series of
 * counts. The page turns it into an ECharts option ({@code static/dashboard/dashboard.js}).
 *
 * @param kind {@link Kind}
 * @param subtitle a line under the title, e.g. the year and the totals
 * @param unit the unit of the counts (件, 人, 个)
 * @param drill what clicking a category opens: {@code street} opens the dashboard of that street; null for nothing
 * @param emptyText what the page says when there is nothing to count yet
 */
public record Chart(Kind kind, String subtitle, String unit, List<Category> categories, List<Series> series,
    String drill, String emptyText) {

  public enum Kind {
    /** Vertical bars, series side by side. */
    BAR,
    /** Vertical bars, series stacked. */
    STACKED,
    /** Horizontal bars, series stacked: for many or long category names. */
    STACKED_HORIZONTAL,
    /** One series as shares of a whole. */
    PIE
  }

  /** @param code the category's code (a street code...), for drilling down; may be null */
  public record Category(String code, String label) {
  }

  /** @param color CSS colour, null for the page's palette */
  public record Series(String name, String color, List<Long> values) {

    public long total() {
      return values.stream().mapToLong(Long::longValue).sum();
    }
  }

  public Chart {
    categories = List.copyOf(categories);
    series = List.copyOf(series);
    for (Series s : series) {
      if (s.values().size() != categories.size()) {
        throw new IllegalArgumentException("series " + s.name() + " has " + s.values().size() + " values for "
            + categories.size() + " categories");
      }
    }
  }

  /** Nothing to draw: no category, or every count is zero. The page then shows {@link #emptyText()}. */
  @JsonIgnore
  public boolean isEmpty() {
    return series.stream().allMatch(s -> s.total() == 0);
  }

  public long total() {
    return series.stream().mapToLong(Series::total).sum();
  }
}
