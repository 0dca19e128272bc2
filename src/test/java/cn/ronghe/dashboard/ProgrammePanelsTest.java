package cn.ronghe.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The programme's panels (issue 9): stars in force, compounds under listed companies, the year's grid reports. */
@RongheSpringTest
class ProgrammePanelsTest {

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;

  @Test
  void aNewFiveStarBranchOfTaipingCountsForChengxiangAndTheCityButNotLoudong() {
    long[] city = values(panel("zuzhibu", "branch-stars"), "城厢镇");
    long[] street = values(panel("chengxiang", "branch-stars"), "太平社区");
    long[] other = values(panel("loudong", "branch-stars"), "东仓社区");
    jdbc.sql("INSERT INTO branch_party_branch (code, name, community_code, kind, central_task, secretary, member_count, "
            + "founded_on, current_stars, stars_year, stars_since, active, sample_data) VALUES (:code, '看板测试支部', "
            + "'taiping', 'REGULAR', NULL, '测试', 12, :founded, 5, :year, :since, TRUE, FALSE)")
        .param("code", "PT" + UUID.randomUUID().toString().substring(0, 8)).param("founded", LocalDate.of(2010, 7, 1))
        .param("year", LocalDate.now().getYear() - 1).param("since", LocalDate.now().minusMonths(6)).update();
    // Series in order 5 星 … 1 星, 未评定.
    assertThat(minus(values(panel("zuzhibu", "branch-stars"), "城厢镇"), city)).containsExactly(1, 0, 0, 0, 0, 0);
    assertThat(minus(values(panel("chengxiang", "branch-stars"), "太平社区"), street)).containsExactly(1, 0, 0, 0, 0, 0);
    assertThat(minus(values(panel("loudong", "branch-stars"), "东仓社区"), other)).containsExactly(0, 0, 0, 0, 0, 0);
  }

  @Test
  void aGridReportOfTaipingCountsThisYearAsOpenAndLateAndNotInAnotherYear() {
    String grid = jdbc.sql("SELECT MIN(code) FROM grid_unit WHERE community_code = 'taiping'").query(String.class)
        .single();
    int year = LocalDate.now().getYear();
    long[] before = values(panel("chengxiang", "grid-reports"), "太平社区");
    long[] lastYear = values(panel("chengxiang", "grid-reports", "?year=" + (year - 1)), "太平社区");
    jdbc.sql("INSERT INTO grid_report (case_no, grid_code, community_code, street_code, category, category_label, "
            + "location_text, description, reporter, reported_at, status, escalations, reopens, overdue_count, "
            + "sample_data) VALUES (:no, :grid, 'taiping', 'chengxiang', 'OTHER', '其他', '测试位置', '看板测试', "
            + "'taiping', :at, 'STREET', 1, 0, 1, FALSE)")
        .param("no", "WG-PT-" + UUID.randomUUID().toString().substring(0, 8)).param("grid", grid)
        .param("at", LocalDateTime.now().minusHours(1)).update();
    // Series: 已办结, 办理中, 其中曾逾期.
    assertThat(minus(values(panel("chengxiang", "grid-reports"), "太平社区"), before)).containsExactly(0, 1, 1);
    assertThat(minus(values(panel("chengxiang", "grid-reports", "?year=" + (year - 1)), "太平社区"), lastYear))
        .containsExactly(0, 0, 0);
  }

  @Test
  void theListedCompoundsOfACommunityAreTheCompoundsOfItsCompaniesOnACurrentList() {
    long expected = jdbc.sql("SELECT COUNT(*) FROM property_list_entry l JOIN property_compound p "
        + "ON p.company_code = l.company_code WHERE l.status = 'CURRENT' AND p.community_code = 'dongcang'")
        .query(Long.class).single();
    JsonNode mine = panel("dongcang", "property-lists");
    long[] dongcang = values(mine, "东仓社区");
    assertThat(dongcang[0] + dongcang[1]).isEqualTo(expected);
    assertThat(RestClient.as(port, "nonghang").get("/api/dashboard/panels/property-lists").status()).isEqualTo(404);
  }

  private JsonNode panel(String user, String id) {
    return panel(user, id, "");
  }

  private JsonNode panel(String user, String id, String query) {
    RestClient.Response r = RestClient.as(port, user).get("/api/dashboard/panels/" + id + query);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static long[] values(JsonNode panel, String category) {
    JsonNode chart = panel.get("chart");
    for (int i = 0; i < chart.get("categories").size(); i++) {
      if (chart.get("categories").get(i).get("label").asText().equals(category)) {
        long[] v = new long[chart.get("series").size()];
        for (int s = 0; s < v.length; s++) {
          v[s] = chart.get("series").get(s).get("values").get(i).asLong();
        }
        return v;
      }
    }
    throw new AssertionError("no category " + category + " in " + chart);
  }

  private static long[] minus(long[] a, long[] b) {
    long[] d = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i] - b[i];
    }
    return d;
  }
}
