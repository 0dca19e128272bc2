package cn.ronghe.grid;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.career.policy.FileDecisionTables;
import cn.ronghe.grid.GridRecords.Report;
import cn.ronghe.grid.GridRecords.Throughput;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The category table as shipped, and the throughput figures at their edges. */
class GridRulesTest {

  final GridRules rules = new GridRules(FileDecisionTables.tables("bpmn/grid"));
  static final LocalDateTime T0 = LocalDateTime.of(2026, 3, 2, 9, 0);

  @Test
  void everyCategoryHasALabelAndASuggestedDepartment() {
    assertThat(rules.category("PROPERTY")).isEqualTo(new GridRules.Category("PROPERTY", "物业管理", "housing"));
    assertThat(rules.category("ENVIRONMENT").suggestedDept()).isEqualTo("urban");
    assertThat(rules.category("DISPUTE").suggestedDept()).isEqualTo("justice");
    assertThat(rules.category("NOPE")).isNull();
    for (String c : List.of("ENVIRONMENT", "PROPERTY", "FACILITY", "SAFETY", "PUBLIC_ORDER", "DISPUTE", "ELDERLY",
        "HEALTH", "MARKET", "POLLUTION")) {
      assertThat(rules.category(c)).as(c).isNotNull();
      assertThat(rules.category(c).label()).as(c).isNotBlank();
    }
  }

  static Report report(String grid, String community, LocalDateTime closedAt, int escalations, String dept,
      int reopens, int overdue) {
    return new Report("WG-" + grid + "-" + closedAt, grid, grid, community, "loudong", "PROPERTY", "物业管理", "某处",
        "情况", "dongcang", T0, closedAt == null ? "COMMUNITY" : "CLOSED", dept, null, null, escalations, reopens,
        overdue, closedAt, closedAt == null ? null : "CONFIRMED");
  }

  @Test
  void throughputCountsEachKindOnceAndAveragesOverClosedReports() {
    List<Report> reports = List.of(report("G1", "dongcang", T0.plusHours(36), 0, null, 0, 0),
        report("G1", "dongcang", T0.plusDays(4), 2, "housing", 1, 2), report("G2", "dongcang", null, 1, null, 0, 1),
        report("G3", "nanyuan", null, 0, null, 0, 0));
    List<Throughput> byCommunity = GridRules.throughput(reports, Report::communityCode, c -> c + "社区");
    assertThat(byCommunity).extracting(Throughput::code).containsExactly("dongcang", "nanyuan");
    Throughput dc = byCommunity.get(0);
    assertThat(dc.name()).isEqualTo("dongcang社区");
    assertThat(dc.reported()).isEqualTo(3);
    assertThat(dc.open()).isEqualTo(1);
    assertThat(dc.closed()).isEqualTo(2);
    assertThat(dc.escalated()).isEqualTo(2);
    assertThat(dc.toDepartment()).isEqualTo(1);
    assertThat(dc.reopened()).isEqualTo(1);
    assertThat(dc.overdue()).isEqualTo(2);
    assertThat(dc.averageDaysToClose()).as("(1.5 + 4) / 2").isEqualTo(2.8);
    assertThat(byCommunity.get(1).averageDaysToClose()).as("nothing closed").isNull();
    assertThat(GridRules.throughput(List.of(), Report::gridCode, c -> c)).isEmpty();
  }
}
