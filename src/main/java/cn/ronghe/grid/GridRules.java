package cn.ronghe.grid;

import cn.ronghe.career.policy.DecisionTables;
import cn.ronghe.grid.GridRecords.Report;
import cn.ronghe.grid.GridRecords.Throughput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The category table (DMN {@code grid-issue-category}) and the throughput figures of the dashboard. */
public final class GridRules {

  public record Category(String code, String label, String suggestedDept) {
  }

  private final DecisionTables tables;

  public GridRules(DecisionTables tables) {
    this.tables = tables;
  }

  /** The category, or null when the table does not have it. */
  public Category category(String code) {
    List<Map<String, Object>> rows = tables.collect(GridProcesses.CATEGORY_TABLE, Map.of("category", code));
    if (rows.isEmpty()) {
      return null;
    }
    return new Category(code, (String) rows.get(0).get("label"), (String) rows.get(0).get("dept"));
  }

  public String version() {
    return tables.version(GridProcesses.CATEGORY_TABLE);
  }

  /**
   * Throughput per group (grid, community or street), in the order the groups first occur. Average days to close
   * is over the closed reports, in calendar days with one decimal; null when none is closed.
   */
  public static List<Throughput> throughput(List<Report> reports, Function<Report, String> key,
      Function<String, String> name) {
    Map<String, List<Report>> groups = new LinkedHashMap<>();
    for (Report r : reports) {
      groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
    }
    List<Throughput> out = new ArrayList<>();
    groups.forEach((code, list) -> {
      int closed = 0;
      long minutes = 0;
      for (Report r : list) {
        if (r.closedAt() != null) {
          closed++;
          minutes += Duration.between(r.reportedAt(), r.closedAt()).toMinutes();
        }
      }
      Double average = closed == 0 ? null : Math.round(minutes / 1440.0 / closed * 10) / 10.0;
      out.add(new Throughput(code, name.apply(code), list.size(), list.size() - closed, closed,
          (int) list.stream().filter(r -> r.escalations() > 0).count(),
          (int) list.stream().filter(r -> r.deptCode() != null).count(),
          (int) list.stream().filter(r -> r.reopens() > 0).count(),
          (int) list.stream().filter(r -> r.overdueCount() > 0).count(), average));
    });
    return out;
  }
}
