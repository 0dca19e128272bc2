package cn.ronghe.dashboard;

import cn.ronghe.dashboard.Chart.Category;
import cn.ronghe.dashboard.Chart.Kind;
import cn.ronghe.dashboard.Chart.Series;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects counts by category and series and turns them into a {@link Chart}. Categories and series are
 * declared first, in the order they are drawn, so that a count of zero still has its place on the axis and a
 * chart of an empty scope still shows its categories.
 */
public final class ChartBuilder {

  private final Map<String, Integer> index = new HashMap<>();
  private final List<Category> categories = new ArrayList<>();
  private final Map<String, String[]> series = new LinkedHashMap<>();
  private final Map<String, long[]> values = new HashMap<>();

  public ChartBuilder category(String code, String label) {
    if (!index.containsKey(code)) {
      index.put(code, categories.size());
      categories.add(new Category(code, label));
      values.replaceAll((k, v) -> java.util.Arrays.copyOf(v, categories.size()));
    }
    return this;
  }

  public ChartBuilder series(String key, String name, String color) {
    series.put(key, new String[] {name, color});
    values.put(key, new long[categories.size()]);
    return this;
  }

  /** Adds to a count; a category or series that was not declared is ignored (outside the scope). */
  public ChartBuilder add(String categoryCode, String seriesKey, long n) {
    Integer i = categoryCode == null ? null : index.get(categoryCode);
    long[] v = seriesKey == null ? null : values.get(seriesKey);
    if (i != null && v != null) {
      v[i] += n;
    }
    return this;
  }

  public boolean hasCategory(String code) {
    return index.containsKey(code);
  }

  public Chart build(Kind kind, String subtitle, String unit, String drill, String emptyText) {
    List<Series> out = new ArrayList<>();
    series.forEach((key, def) -> {
      long[] v = java.util.Arrays.copyOf(values.get(key), categories.size());
      out.add(new Series(def[0], def[1], java.util.Arrays.stream(v).boxed().toList()));
    });
    return new Chart(kind, subtitle, unit, categories, out, drill, emptyText);
  }
}
