package cn.ronghe.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.browser.Browser;
import cn.ronghe.browser.BrowserTest;
import cn.ronghe.browser.Dashboard;
import cn.ronghe.browser.Tasklist;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The dashboard in a real browser: reached from the Tasklist header with the webapps' login, ECharts drawing every
 * panel that has figures, a unit seeing only its own panels, and the Chinese empty states of a year without data.
 */
@BrowserTest
class DashboardBrowserTest {

  @Test
  void theCityOpensItsDashboardFromTasklist(Browser browser) {
    Tasklist.loginAs(browser, "zuzhibu");
    browser.click(By.cssSelector("a.ronghe-dashboard-link"));
    browser.until(d -> d.getCurrentUrl().endsWith("/dashboard"));
    Dashboard dashboard = Dashboard.open(browser, "");
    assertThat(dashboard.scope()).isEqualTo("太仓市");
    assertThat(dashboard.sections()).containsExactly("任务办理", "社区事项准入", "共驻共建与双向考评", "社区工作者“三岗十八级”",
        "党建引领：星级支部、红色物业、网格");
    assertThat(dashboard.state("branch-stars")).as("the demo's party branches").isEqualTo("loaded");
    assertThat(dashboard.state("career-grades")).as("the demo's workers").isEqualTo("loaded");
    assertThat(dashboard.seriesDrawn("career-grades")).isEqualTo(3);
    assertThat(dashboard.columns("career-grades")).containsExactly("社区正职", "社区副职", "其他社区工作者");
    assertThat(dashboard.table("career-grades")).hasSize(18);
    assertThat(dashboard.state("admissions")).isIn("loaded", "empty");
    for (String panel : List.of("task-deadlines", "admissions", "evaluation-streets", "evaluation-unit-kinds",
        "career-grades", "career-last-review", "branch-stars", "property-lists", "grid-reports")) {
      String state = dashboard.state(panel);
      assertThat(state).as(panel).isIn("loaded", "empty");
      assertThat(dashboard.seriesDrawn(panel)).as(panel + " drawn when it has figures")
          .isEqualTo(state.equals("loaded") ? dashboard.columns(panel).size() : 0);
    }
  }

  @Test
  void aUnitSeesOnlyItsOwnPanelsAndAYearWithoutFiguresSaysSoInChinese(Browser browser) {
    Tasklist.loginAs(browser, "nonghang");
    Dashboard dashboard = Dashboard.open(browser, "?year=2002");
    assertThat(dashboard.scope()).isEqualTo("中国农业银行太仓分行");
    assertThat(dashboard.panelTitles()).containsExactly("逾期和即将到期的任务", "双向考评：共建单位获评等级（按单位类别）");
    assertThat(dashboard.state("evaluation-unit-kinds")).isEqualTo("empty");
    assertThat(dashboard.emptyText("evaluation-unit-kinds")).isEqualTo("本单位尚无已发布的考评结果");
    assertThat(dashboard.subtitle("evaluation-unit-kinds")).isEqualTo("2002 年度");
  }
}
