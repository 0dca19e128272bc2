package cn.ronghe.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's API: who sees which scope and panels, narrowing and refusals, and that each panel counts what
 * its tables hold. Tests share one database, so figures are compared before and after adding fresh records, or
 * read for a year no other test or demo data uses.
 */
@RongheSpringTest
class DashboardApiTest {

  /** No test and no demo data evaluates or reviews grades in these years. */
  static final int EVAL_YEAR = 2016;
  static final int REVIEW_YEAR = 2011;

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  RuntimeService runtime;
  @Autowired
  RepositoryService repository;
  @Autowired
  IdentityService identity;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void everyRoleSeesItsOwnScopeAndThePanelsThatConcernIt() {
    assertScope("zuzhibu", "CITY", "太仓市", "task-deadlines", "admissions", "evaluation-streets",
        "evaluation-unit-kinds", "career-grades", "career-last-review", "branch-stars", "property-lists", "grid-reports");
    assertScope("admin", "CITY", "太仓市", "task-deadlines", "admissions", "evaluation-streets",
        "evaluation-unit-kinds", "career-grades", "career-last-review", "branch-stars", "property-lists", "grid-reports");
    assertScope("loudong", "STREET", "娄东街道", "task-deadlines", "admissions", "evaluation-streets",
        "evaluation-unit-kinds", "career-grades", "career-last-review", "branch-stars", "property-lists", "grid-reports");
    assertScope("dongcang", "COMMUNITY", "东仓社区", "task-deadlines", "admissions", "evaluation-streets",
        "evaluation-unit-kinds", "career-grades", "career-last-review", "branch-stars", "property-lists", "grid-reports");
    assertScope("nonghang", "UNIT", "中国农业银行太仓分行", "task-deadlines", "evaluation-unit-kinds");
    assertScope("weijian", "DEPARTMENT", "太仓市卫生健康委员会", "task-deadlines", "admissions");
  }

  @Test
  void aScopeCanBeNarrowedButNeverWidened() {
    JsonNode street = RestClient.as(port, "zuzhibu").get("/api/dashboard?street=loudong").json();
    assertThat(street.at("/scope/level").asText()).isEqualTo("STREET");
    assertThat(street.at("/scope/label").asText()).isEqualTo("娄东街道");
    assertThat(RestClient.as(port, "loudong").get("/api/dashboard?community=dongcang").json().at("/scope/label")
        .asText()).isEqualTo("东仓社区");

    RestClient.Response otherStreet = RestClient.as(port, "loudong").get("/api/dashboard?street=chengxiang");
    assertThat(otherStreet.status()).isEqualTo(403);
    assertThat(otherStreet.json().get("messageZh").asText()).isEqualTo("只能查看本单位范围内的数据");
    assertThat(RestClient.as(port, "dongcang").get("/api/dashboard?community=nanyuan").status()).isEqualTo(403);
    assertThat(RestClient.as(port, "loudong").get("/api/dashboard?community=taiping").status()).isEqualTo(403);
    assertThat(RestClient.as(port, "nonghang").get("/api/dashboard/panels/career-grades").status()).isEqualTo(404);
    assertThat(RestClient.as(port, "zuzhibu").get("/api/dashboard/panels/no-such-panel").status()).isEqualTo(404);
    assertThat(RestClient.as(port, "zuzhibu").get("/api/dashboard?street=atlantis").status()).isEqualTo(404);
    RestClient.Response badYear = RestClient.as(port, "zuzhibu").get("/api/dashboard?year=1800");
    assertThat(badYear.status()).isEqualTo(400);
    assertThat(badYear.json().get("messageZh").asText()).startsWith("年度须在 2000 到");
    assertThat(RestClient.as(port, "zuzhibu").get("/api/dashboard?year=abc").status()).isEqualTo(400);
    assertThat(RestClient.anonymous(port).get("/api/dashboard").status()).isEqualTo(401);
  }

  @Test
  void admissionsCountByStageAndOutcomeForTheApplicationsThatReachTheScope() {
    Map<String, long[]> cityBefore = bars(panel("zuzhibu", "admissions", ""));
    Map<String, long[]> loudongBefore = bars(panel("loudong", "admissions", ""));
    Map<String, long[]> healthBefore = bars(panel("weijian", "admissions", ""));

    application("IN_REVIEW", null);
    application("APPROVED", "chengxiang,shaxi");

    JsonNode city = panel("zuzhibu", "admissions", "");
    assertThat(city.at("/chart/categories/0/label").asText()).isEqualTo("自动审查");
    assertThat(delta(cityBefore, bars(city), "审查中")).containsExactly(1, 0);
    assertThat(delta(cityBefore, bars(city), "准入")).containsExactly(0, 1);
    Map<String, long[]> loudong = bars(panel("loudong", "admissions", ""));
    assertThat(delta(loudongBefore, loudong, "审查中")).as("a city-wide matter reaches 娄东街道").containsExactly(1, 0);
    assertThat(delta(loudongBefore, loudong, "准入")).as("a matter of 城厢镇 and 沙溪镇 does not").containsExactly(0, 0);
    Map<String, long[]> health = bars(panel("weijian", "admissions", ""));
    assertThat(delta(healthBefore, health, "审查中")).containsExactly(1, 0);
    assertThat(delta(healthBefore, health, "准入")).containsExactly(0, 1);
  }

  @Test
  void overdueAndDueSoonTasksCountForTheBodyThatMustAct() {
    repository.createDeployment().name("test-community-inbox-task").enableDuplicateFiltering(true)
        .addClasspathResource("testprocess/community-inbox-task.bpmn").deploy();
    Map<String, long[]> cityBefore = bars(panel("zuzhibu", "task-deadlines", ""));
    Map<String, long[]> streetBefore = bars(panel("loudong", "task-deadlines", ""));

    Date now = ClockUtil.getCurrentTime();
    startCommunityTask("dongcang", new Date(now.getTime() - 86_400_000L));
    startCommunityTask("dongcang", new Date(now.getTime() + 86_400_000L));
    startCommunityTask("taiping", new Date(now.getTime() - 3_600_000L));
    startCommunityTask("taiping", new Date(now.getTime() + 10 * 86_400_000L));

    JsonNode city = panel("zuzhibu", "task-deadlines", "");
    assertThat(city.at("/chart/drill").asText()).isEqualTo("street");
    assertThat(city.at("/chart/series/0/name").asText()).isEqualTo("已逾期");
    assertThat(city.at("/chart/series/1/name").asText()).isEqualTo("三天内到期");
    assertThat(delta(cityBefore, bars(city), "娄东街道")).containsExactly(1, 1);
    assertThat(delta(cityBefore, bars(city), "城厢镇")).as("due in ten days counts nowhere").containsExactly(1, 0);
    Map<String, long[]> street = bars(panel("loudong", "task-deadlines", ""));
    assertThat(delta(streetBefore, street, "东仓社区")).containsExactly(1, 1);
    assertThat(street).doesNotContainKey("太平社区");

    JsonNode community = panel("dongcang", "task-deadlines", "");
    assertThat(bars(community).get("测试：社区待办")).as("a community sees its tasks by process").isNotNull();
    assertThat(community.at("/chart/kind").asText()).isEqualTo("STACKED_HORIZONTAL");
  }

  @Test
  void evaluationGradesAreSeenByTheCityAndStreetOnceReviewedAndByTheRatedOnlyOncePublished() {
    List<String[]> pairings = jdbc.sql("SELECT p.unit_code, p.community_code, u.kind FROM org_pairing p "
            + "JOIN org_community c ON c.code = p.community_code JOIN org_unit u ON u.code = p.unit_code "
            + "WHERE p.active AND c.street_code = 'shaxi' ORDER BY p.community_code, p.unit_code")
        .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
    assertThat(pairings).hasSizeGreaterThanOrEqualTo(3);
    String query = "?year=" + EVAL_YEAR;
    assertThat(panel("zuzhibu", "evaluation-streets", query).get("empty").asBoolean()).isTrue();
    assertThat(panel("zuzhibu", "evaluation-streets", query).at("/chart/emptyText").asText())
        .isEqualTo("尚无经大工委审核的考评结果");

    long cycleId = evaluationCycle(pairings.subList(0, 3));
    assertThat(panel("zuzhibu", "evaluation-streets", query).get("empty").asBoolean())
        .as("rated but not yet reviewed by the street").isTrue();

    jdbc.sql("UPDATE ev_cycle_street SET reviewed_by = 'test', reviewed_at = CURRENT_TIMESTAMP WHERE cycle_id = :c")
        .param("c", cycleId).update();
    JsonNode city = panel("zuzhibu", "evaluation-streets", query);
    assertThat(city.at("/chart/subtitle").asText()).isEqualTo(EVAL_YEAR + " 年度，共 3 个评价结果（共建单位评社区）");
    assertThat(bars(city).get("沙溪镇")).containsExactly(1, 1, 0, 1);
    assertThat(bars(city).get("娄东街道")).containsExactly(0, 0, 0, 0);
    JsonNode kinds = panel("zuzhibu", "evaluation-unit-kinds", query);
    long[] byKind = new long[4];
    bars(kinds).values().forEach(v -> {
      for (int i = 0; i < 4; i++) {
        byKind[i] += v[i];
      }
    });
    assertThat(byKind).containsExactly(0, 2, 1, 0);
    String community = pairings.get(0)[1];
    assertThat(panel("admin", "evaluation-streets", query + "&street=shaxi").at("/chart/drill").asText())
        .isEqualTo("community");
    String member = "dash-" + community;
    user(member, "community-" + community);
    assertThat(panel(member, "evaluation-streets", query).get("empty").asBoolean()).as("not yet published").isTrue();

    jdbc.sql("UPDATE ev_cycle SET status = 'PUBLISHED' WHERE id = :c").param("c", cycleId).update();
    jdbc.sql("UPDATE ev_pairing SET state = 'PUBLISHED' WHERE cycle_id = :c").param("c", cycleId).update();
    JsonNode own = panel(member, "evaluation-streets", query);
    assertThat(own.get("empty").asBoolean()).isFalse();
    assertThat(own.at("/chart/categories").size()).isEqualTo(1);
  }

  @Test
  void careerPanelsCountGradesByPostAndTheChangesOfTheReviewYear() {
    Map<String, long[]> before = bars(panel("chengxiang", "career-grades", ""));
    String principal = worker("taiping", "PRINCIPAL", 9);
    String other = worker("taiping", "OTHER", 3);
    String deputy = worker("taiping", "DEPUTY", 6);
    JsonNode grades = panel("chengxiang", "career-grades", "");
    assertThat(grades.at("/chart/categories").size()).isEqualTo(18);
    assertThat(grades.at("/chart/series/0/name").asText()).isEqualTo("社区正职");
    assertThat(delta(before, bars(grades), "9 级")).containsExactly(1, 0, 0);
    assertThat(delta(before, bars(grades), "3 级")).containsExactly(0, 0, 1);
    assertThat(delta(before, bars(grades), "6 级")).containsExactly(0, 1, 0);

    String query = "?year=" + REVIEW_YEAR;
    assertThat(panel("chengxiang", "career-last-review", query).get("empty").asBoolean()).isTrue();
    review(principal, "PROMOTE", "EFFECTIVE");
    review(other, "DEMOTE", "IN_NOTICE");
    review(deputy, "HOLD", "NO_CHANGE");
    JsonNode street = panel("chengxiang", "career-last-review", query);
    assertThat(bars(street).get("太平社区")).containsExactly(1, 1, 1);
    assertThat(street.at("/chart/subtitle").asText())
        .isEqualTo(REVIEW_YEAR + " 年度：晋升 1 人，降级 1 人，保持 1 人；已办结 2 人，审批或公示中 1 人");
    assertThat(bars(panel("zuzhibu", "career-last-review", query)).get("城厢镇")).containsExactly(1, 1, 1);
    assertThat(panel("loudong", "career-last-review", query).get("empty").asBoolean()).isTrue();
  }

  @Test
  void theDashboardPageNeedsALoginAndServesItsScriptsFromOurOwnOrigin() {
    RestClient.Response anonymous = RestClient.anonymous(port).getHtml("/dashboard");
    assertThat(anonymous.status()).isEqualTo(302);
    RestClient.Response page = RestClient.as(port, "loudong").getHtml("/dashboard");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("娄东街道", "朱敏（娄东街道大工委）", "双向考评：社区获评等级（按镇区、社区）",
        "/dashboard/dashboard.js").doesNotContain("<script>");
    java.util.regex.Matcher echarts = java.util.regex.Pattern.compile("src=\"(/webjars/echarts/[^\"]+/echarts\\.min\\.js)\"")
        .matcher(page.body());
    assertThat(echarts.find()).as("ECharts from the webjar").isTrue();
    assertThat(RestClient.anonymous(port).get(echarts.group(1)).status()).isEqualTo(200);
    RestClient.Response outside = RestClient.as(port, "loudong").getHtml("/dashboard?street=chengxiang");
    assertThat(outside.status()).isEqualTo(403);
    assertThat(outside.body()).contains("只能查看本单位范围内的数据");
  }

  // --- helpers ---

  private void assertScope(String user, String level, String label, String... panels) {
    JsonNode overview = RestClient.as(port, user).get("/api/dashboard").json();
    assertThat(overview.at("/scope/level").asText()).as(user).isEqualTo(level);
    assertThat(overview.at("/scope/label").asText()).as(user).isEqualTo(label);
    List<String> ids = new ArrayList<>();
    overview.get("panels").forEach(p -> ids.add(p.get("id").asText()));
    assertThat(ids).as(user).containsExactly(panels);
  }

  private JsonNode panel(String user, String id, String query) {
    RestClient.Response r = RestClient.as(port, user).get("/api/dashboard/panels/" + id + query);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  /** Category label → the values of every series, in series order. */
  private static Map<String, long[]> bars(JsonNode panel) {
    Map<String, long[]> bars = new java.util.LinkedHashMap<>();
    JsonNode chart = panel.get("chart");
    for (int i = 0; i < chart.get("categories").size(); i++) {
      long[] v = new long[chart.get("series").size()];
      for (int s = 0; s < v.length; s++) {
        v[s] = chart.get("series").get(s).get("values").get(i).asLong();
      }
      bars.put(chart.get("categories").get(i).get("label").asText(), v);
    }
    return bars;
  }

  private static long[] delta(Map<String, long[]> before, Map<String, long[]> after, String category) {
    long[] a = after.get(category);
    long[] b = before.getOrDefault(category, new long[a.length]);
    long[] d = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i] - b[i];
    }
    return d;
  }

  private void application(String status, String streets) {
    LocalDateTime now = LocalDateTime.now();
    jdbc.sql("INSERT INTO adm_application (case_no, process_instance_id, applicant_dept, applicant_user, matter_name, "
            + "list_type, content, scope_streets, expected_start, frequency, workload_hours, adds_signboard, adds_ledger, "
            + "adds_certificate, contact_name, contact_phone, status, return_count, sample_data, submitted_at, updated_at) "
            + "VALUES (:no, 'none', 'health', 'weijian', '看板测试事项', 'ASSISTANCE', '看板测试', :streets, :start, "
            + "'YEARLY', 10, FALSE, FALSE, FALSE, '顾丽', '0512-53500000', :status, 0, FALSE, :now, :now)")
        .param("no", "DB-" + UUID.randomUUID().toString().substring(0, 12)).param("streets", streets)
        .param("start", LocalDate.now().plusMonths(3)).param("status", status).param("now", Timestamp.valueOf(now))
        .update();
  }

  private void startCommunityTask(String community, Date due) {
    runtime.startProcessInstanceByKey("test-community-inbox-task", Map.of("caseNo", "DB-" + UUID.randomUUID(),
        "caseTitle", "看板期限测试", "caseOrg", community, "community", community, "dueDate", due));
  }

  /** A cycle of 沙溪镇 in {@link #EVAL_YEAR} whose pairings are rated: communities 优秀, 良好, 较差; units 良好, 良好, 一般. */
  private long evaluationCycle(List<String[]> pairings) {
    Timestamp t = Timestamp.valueOf(LocalDateTime.of(EVAL_YEAR, 12, 1, 9, 0));
    jdbc.sql("INSERT INTO ev_cycle (cycle_no, eval_year, period_from, period_to, scope_type, scope_code, scope_label, "
            + "trigger_kind, status, pairing_count, rating_reminder, rating_due, rating_close, started_by, started_at) "
            + "VALUES (:no, :y, :from, :to, 'STREET', 'shaxi', '沙溪镇', 'MANUAL', 'REVIEW', :n, :t, :t, :t, 'test', :t)")
        .param("no", "KP-DB-" + EVAL_YEAR).param("y", EVAL_YEAR).param("from", LocalDate.of(EVAL_YEAR, 1, 1))
        .param("to", LocalDate.of(EVAL_YEAR, 12, 31)).param("n", pairings.size()).param("t", t).update();
    long cycleId = jdbc.sql("SELECT id FROM ev_cycle WHERE cycle_no = :no").param("no", "KP-DB-" + EVAL_YEAR)
        .query(Long.class).single();
    jdbc.sql("INSERT INTO ev_cycle_street (cycle_id, eval_year, street_code) VALUES (:c, :y, 'shaxi')")
        .param("c", cycleId).param("y", EVAL_YEAR).update();
    String[] communityGrades = {"EXCELLENT", "GOOD", "POOR"};
    String[] unitGrades = {"GOOD", "GOOD", "FAIR"};
    for (int i = 0; i < pairings.size(); i++) {
      String[] p = pairings.get(i);
      jdbc.sql("INSERT INTO ev_pairing (cycle_id, unit_code, community_code, street_code, unit_name, community_name, "
              + "business_key, state, unit_grade, unit_final_grade, community_grade, community_final_grade) "
              + "VALUES (:c, :u, :m, 'shaxi', :u, :m, :k, 'RATED', :ug, :ug, :cg, :cg)")
          .param("c", cycleId).param("u", p[0]).param("m", p[1]).param("k", "KP-DB-" + p[0] + "-" + p[1])
          .param("ug", unitGrades[i]).param("cg", communityGrades[i]).update();
    }
    return cycleId;
  }

  private String worker(String community, String post, int grade) {
    String id = "D" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
    jdbc.sql("INSERT INTO career_worker (worker_id, name, gender, birth_date, community_code, post, duty, grade, "
            + "grade_since, pay_coefficient, education, qualification, service_start, hired_on, status, status_since, "
            + "updated_at) VALUES (:id, '看板测试', 'FEMALE', DATE '1985-03-01', :c, :post, '网格员', :g, DATE '2020-01-01', "
            + "1.00, 'BACHELOR', 'NONE', DATE '2010-01-01', DATE '2010-01-01', 'ACTIVE', DATE '2010-01-01', :now)")
        .param("id", id).param("c", community).param("post", post).param("g", grade)
        .param("now", Timestamp.valueOf(LocalDateTime.now())).update();
    return id;
  }

  private void review(String workerId, String proposal, String stage) {
    jdbc.sql("INSERT INTO career_review (cycle_no, review_year, worker_id, case_no, street_code, community_code, post, "
            + "grade_before, assessment, proposal, stage) VALUES ('NJ-DB', :y, :w, :no, 'chengxiang', 'taiping', "
            + "'OTHER', 5, 'COMPETENT', :p, :s)")
        .param("y", REVIEW_YEAR).param("w", workerId).param("no", "NJ-DB-" + workerId).param("p", proposal)
        .param("s", stage).update();
  }

  private void user(String id, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      var u = identity.newUser(id);
      u.setFirstName(id);
      u.setPassword(id);
      identity.saveUser(u);
      identity.createMembership(id, group);
    }
  }
}
