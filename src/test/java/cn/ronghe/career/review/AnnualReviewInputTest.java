package cn.ronghe.career.review;

import static cn.ronghe.career.AssessmentResult.COMPETENT;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import cn.ronghe.career.CareerTestSupport;
import cn.ronghe.career.Post;
import cn.ronghe.career.Worker;
import cn.ronghe.career.policy.DeployedDecisionTables;
import cn.ronghe.career.registry.WorkerRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad input to the annual review: a clear bilingual 4xx naming the field or row, and nothing stored. */
@RongheSpringTest
class AnnualReviewInputTest {

  static final int YEAR = 2014;

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  ManagementService management;
  @Autowired
  TaskService tasks;
  @Autowired
  WorkerRepository workers;
  @Autowired
  DeployedDecisionTables decisions;
  @Autowired
  ReviewRepository reviews;

  ReviewTestSupport support;

  @BeforeEach
  void init() {
    support = new ReviewTestSupport(port, jdbc, management, tasks);
  }

  Worker worker() {
    return CareerTestSupport.worker(workers, decisions, "nanyuan", "loudong", Post.OTHER, 4, LocalDate.of(2010, 3, 1),
        Map.of(YEAR - 1, COMPETENT));
  }

  int cycles() {
    return jdbc.sql("SELECT COUNT(*) FROM career_review_cycle").query(Integer.class).single();
  }

  @Test
  void aWorkerIsReviewedOnceAYear() {
    Worker w = worker();
    ReviewTestSupport.Started first = support.started(support.start("minzheng", YEAR, "WORKERS", null,
        List.of(w.workerId()), null));
    int before = cycles();
    RestClient.Response again = support.start("minzheng", YEAR, "WORKERS", null, List.of(w.workerId()), null);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().get("problems").get(0).get("field").asText()).isEqualTo("reviewYear");
    assertThat(again.json().get("messageZh").asText()).contains("正在开启", first.cycleNo());
    support.drain(first.cycleNo());
    RestClient.Response afterOpening = support.start("minzheng", YEAR, "COMMUNITY", "nanyuan", null, null);
    assertThat(afterOpening.status()).isEqualTo(400);
    assertThat(afterOpening.json().get("messageZh").asText()).contains("不能重复评定", w.workerId());
    assertThat(afterOpening.json().get("messageEn").asText()).contains("already have a review of " + YEAR);
    assertThat(cycles()).isEqualTo(before);
  }

  @Test
  void badStartsNameTheirField() {
    int before = cycles();
    RestClient.Response future = support.start("minzheng", LocalDate.now().getYear() + 1, "CITY", null, null, null);
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.body()).contains("reviewYear");
    RestClient.Response street = support.start("minzheng", YEAR, "STREET", "atlantis", null, null);
    assertThat(street.body()).contains("scopeCode", "atlantis");
    RestClient.Response ids = support.start("minzheng", YEAR, "WORKERS", null, List.of("W999998", "W999999"), null);
    assertThat(ids.body()).contains("workerIds", "W999998", "W999999");
    RestClient.Response date = support.start("minzheng", YEAR, "COMMUNITY", "haiyundi", null, YEAR + "-06-30");
    assertThat(date.status()).isEqualTo(400);
    assertThat(date.body()).contains("effectiveDate");
    RestClient.Response kind = support.start("minzheng", YEAR, "GALAXY", null, null, null);
    assertThat(kind.body()).contains("scopeKind");
    assertThat(cycles()).isEqualTo(before);
  }

  @Test
  void singleResultsAreCheckedLikeFiles() {
    Worker w = worker();
    RestClient street = RestClient.as(port, "loudong");
    RestClient.Response badValue = street.put("/api/career/assessments/" + YEAR + "/" + w.workerId(),
        "{\"result\":\"良好\"}");
    assertThat(badValue.status()).isEqualTo(400);
    assertThat(badValue.json().get("problems").get(0).get("field").asText()).isEqualTo("result");
    assertThat(badValue.json().get("messageZh").asText()).contains("优秀、称职、基本称职、不称职");
    assertThat(RestClient.as(port, "chengxiang").put("/api/career/assessments/" + YEAR + "/" + w.workerId(),
        "{\"result\":\"称职\"}").status()).isEqualTo(403);
    assertThat(RestClient.as(port, "dongcang").put("/api/career/assessments/" + YEAR + "/" + w.workerId(),
        "{\"result\":\"称职\"}").status()).isEqualTo(403);
    RestClient.Response future = street.put("/api/career/assessments/" + (LocalDate.now().getYear() + 1) + "/"
        + w.workerId(), "{\"result\":\"称职\"}");
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.body()).contains("year");
    assertThat(workers.assessments(w.workerId())).containsOnlyKeys(YEAR - 1);
    RestClient.Response ok = street.put("/api/career/assessments/" + YEAR + "/" + w.workerId(), "{\"result\":\"优秀\"}");
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(workers.assessments(w.workerId())).containsEntry(YEAR, cn.ronghe.career.AssessmentResult.EXCELLENT);
    RestClient.Response empty = street.postBytes("/api/career/assessments/" + YEAR + "/import", "text/csv",
        "工号,考核结果\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body()).contains("file");
    RestClient.Response shape = street.postBytes("/api/career/assessments/" + YEAR + "/import", "text/csv",
        (w.workerId() + ",称职,多余,多余\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(shape.body()).contains("第 1 行");
  }

  @Test
  void resultsCannotChangeOnceProposed() {
    Worker w = worker();
    RestClient.as(port, "loudong").put("/api/career/assessments/" + (YEAR + 1) + "/" + w.workerId(),
        "{\"result\":\"称职\"}");
    ReviewTestSupport.Started c = support.started(support.start("minzheng", YEAR + 1, "WORKERS", null,
        List.of(w.workerId()), null));
    support.drain(c.cycleNo());
    assertThat(support.stages(c.cycleNo())).containsEntry(w.workerId(), "PROPOSED");
    RestClient.Response late = RestClient.as(port, "loudong").put("/api/career/assessments/" + (YEAR + 1) + "/"
        + w.workerId(), "{\"result\":\"不称职\"}");
    assertThat(late.status()).isEqualTo(400);
    assertThat(late.json().get("messageZh").asText()).contains("待社区确认", "不能再改考核结果");
    assertThat(reviews.reviewOf(w.workerId(), YEAR + 1).orElseThrow().assessment())
        .isEqualTo(cn.ronghe.career.AssessmentResult.COMPETENT);
    RestClient.Response review = RestClient.as(port, "nanyuan").get("/api/career/reviews/" + (YEAR + 1) + "/"
        + w.workerId());
    assertThat(review.json().get("stageLabel").asText()).isEqualTo("待社区确认");
    assertThat(review.json().get("decisions")).isNotEmpty();
    assertThat(RestClient.as(port, "dongcang").get("/api/career/reviews/" + (YEAR + 1) + "/" + w.workerId())
        .status()).isEqualTo(403);
  }
}
