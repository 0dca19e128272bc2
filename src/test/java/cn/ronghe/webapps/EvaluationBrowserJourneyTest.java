package cn.ronghe.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.browser.Browser;
import cn.ronghe.browser.BrowserTest;
import cn.ronghe.browser.Dashboard;
import cn.ronghe.browser.LoginPage;
import cn.ronghe.browser.TaskView;
import cn.ronghe.browser.Tasklist;
import cn.ronghe.evaluation.Grade;
import cn.ronghe.support.Jobs;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two-way evaluation in Tasklist: 东仓社区 (dongcang) rates 农业银行太仓分行 and the bank (nonghang) rates the community
 * in their task forms; the other pairings of 娄东街道 let the rating period pass; the street committee (loudong)
 * confirms the street's results; its dashboard then shows the grades. The organisation department starts the
 * cycle through the API and the test runs the jobs the job executor would run.
 */
@BrowserTest
class EvaluationBrowserJourneyTest {

  /** A year no other test and no demo data evaluates 娄东街道 in. */
  static final int YEAR = 2019;

  @LocalServerPort
  int port;
  @Autowired
  ManagementService management;
  @Autowired
  RuntimeService runtime;
  @Autowired
  JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void bothSidesRateTheStreetConfirmsAndTheDashboardShowsTheGrades(Browser browser) {
    RestClient.Response started = RestClient.as(port, "zuzhibu").post("/api/evaluation/cycles",
        "{\"evalYear\":" + YEAR + ",\"scopeType\":\"STREET\",\"streetCode\":\"loudong\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String cycleNo = started.json().at("/cycle/cycleNo").asText();
    String cyclePid = started.json().at("/cycle/processInstanceId").asText();
    String prefix = "KP-" + YEAR + "-";
    Jobs.runDue(management, runtime, cyclePid, prefix);
    String pairing = prefix + "u109-dongcang";

    // --- the community rates the unit, the unit rates the community, each in their own inbox ---
    TaskView communityRates = openTask(browser, "dongcang", "本社区待办",
        "双向考评 · " + pairing + " · 东仓社区评价中国农业银行太仓分行");
    communityRates.form().fill("参与共建活动（0–100 分）", "92").fill("资源兑现（0–100 分）", "88")
        .fill("项目完成（0–100 分）", "90").fill("日常联系（0–100 分）", "95")
        .fill("评价意见（有低于 60 分的项目时必填）", "全年按时到社区报到，助老助残资源兑现及时，居民满意");
    assertThat(communityRates.complete()).isEmpty();

    TaskView unitRates = openTask(browser, "nonghang", "本单位待办",
        "双向考评 · " + pairing + " · 中国农业银行太仓分行评价东仓社区");
    unitRates.form().fill("需求清晰（0–100 分）", "85").fill("配合协作（0–100 分）", "90")
        .fill("反馈及时（0–100 分）", "80").fill("服务成效（0–100 分）", "86")
        .fill("评价意见（有低于 60 分的项目时必填）", "需求清单清楚，项目对接顺畅，个别反馈稍慢");
    assertThat(unitRates.complete()).isEmpty();
    Jobs.runDue(management, runtime, cyclePid, prefix);
    String[] grades = jdbc.sql("SELECT community_grade, unit_grade FROM ev_pairing WHERE business_key = :k")
        .param("k", pairing).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
    assertThat(grades).as("both ratings are in").doesNotContainNull();

    // --- the rating period and its grace days pass for the pairings that did not rate ---
    Timestamp close = jdbc.sql("SELECT rating_close FROM ev_cycle WHERE cycle_no = :c").param("c", cycleNo)
        .query(Timestamp.class).single();
    Jobs.at(Date.from(close.toLocalDateTime().plusHours(1).atZone(ZoneId.systemDefault()).toInstant()));
    Jobs.runDue(management, runtime, cyclePid, prefix);

    // --- the street committee confirms its results ---
    TaskView review = openTask(browser, "loudong", "本街道待办", "大工委审核考评结果 · " + cycleNo + " · 娄东街道");
    assertThat(review.form().value("概况")).contains("本街道共");
    review.form().fill("审核意见", "已逐一核实本街道结对互评结果，同意提交").tick("已审核本街道考评结果，确认提交");
    assertThat(review.complete()).isEmpty();
    assertThat(jdbc.sql("SELECT reviewed_by FROM ev_cycle_street s JOIN ev_cycle c ON c.id = s.cycle_id "
        + "WHERE c.cycle_no = :c").param("c", cycleNo).query(String.class).single()).isEqualTo("loudong");

    // --- the street's dashboard shows the year's grades, 东仓社区 among them ---
    Dashboard dashboard = Dashboard.open(browser, "?year=" + YEAR);
    assertThat(dashboard.scope()).isEqualTo("娄东街道");
    assertThat(dashboard.state("evaluation-streets")).isEqualTo("loaded");
    assertThat(dashboard.seriesDrawn("evaluation-streets")).isEqualTo(4);
    assertThat(dashboard.columns("evaluation-streets")).containsExactly("优秀", "良好", "一般", "较差");
    List<String> dongcang = dashboard.table("evaluation-streets").get("东仓社区");
    assertThat(dongcang).isEqualTo(expectedRow("community_final_grade", "community_code = 'dongcang'", cycleNo));
    assertThat(dongcang.get(Grade.valueOf(grades[0]).ordinal())).as("nonghang's rating counts").isNotEqualTo("0");
    assertThat(dashboard.subtitle("evaluation-streets")).startsWith(YEAR + " 年度，共 ");
    List<String> soe = dashboard.table("evaluation-unit-kinds").get("国有企业");
    assertThat(soe).isEqualTo(expectedRow("unit_final_grade",
        "unit_code IN (SELECT code FROM org_unit WHERE kind = 'SOE')", cycleNo));
    dashboard.scrollTo("evaluation-streets");
  }

  /** The grade counts of the cycle's pairings matching the condition, in the order 优秀 良好 一般 较差. */
  private List<String> expectedRow(String column, String condition, String cycleNo) {
    Map<String, Long> counts = new java.util.HashMap<>();
    jdbc.sql("SELECT p." + column + ", COUNT(*) FROM ev_pairing p JOIN ev_cycle c ON c.id = p.cycle_id "
            + "WHERE c.cycle_no = :c AND p.state = 'RATED' AND p." + condition + " GROUP BY p." + column)
        .param("c", cycleNo).query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2))).list();
    return java.util.Arrays.stream(Grade.values()).map(g -> String.valueOf(counts.getOrDefault(g.name(), 0L)))
        .toList();
  }

  private static TaskView openTask(Browser browser, String user, String filter, String name) {
    browser.driver().manage().deleteAllCookies();
    LoginPage.open(browser, "tasklist").signInAs(user);
    TaskView task = Tasklist.current(browser).selectFilter(filter).openTask(name);
    assertThat(task.name()).isEqualTo(name);
    return task.claim();
  }
}
