package cn.ronghe.career.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import cn.ronghe.career.GradeChange;
import cn.ronghe.career.Post;
import cn.ronghe.career.Worker;
import cn.ronghe.career.WorkerStatus;
import cn.ronghe.career.policy.DeployedDecisionTables;
import cn.ronghe.career.policy.GradeRules;
import cn.ronghe.organisation.Community;
import cn.ronghe.organisation.RegistryRepository;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The seeded registry is complete and consistent with the rules; the API shows each body its own workers. */
@RongheSpringTest
class WorkerRegistryTest {

  @LocalServerPort
  int port;
  @Autowired
  WorkerRepository workers;
  @Autowired
  RegistryRepository registry;
  @Autowired
  DeployedDecisionTables decisions;

  @Test
  void everyCommunityHasTenToTwentyActiveWorkersLedByAPrincipal() {
    GradeRules rules = decisions.current();
    List<Worker> all = workers.list(new WorkerFilter(null, null, null, null), 0, 100_000).stream()
        .filter(Worker::sampleData).toList();
    Map<String, List<Worker>> byCommunity = all.stream().filter(w -> w.status() == WorkerStatus.ACTIVE)
        .collect(Collectors.groupingBy(Worker::communityCode));
    for (Community c : registry.communities(null)) {
      List<Worker> active = byCommunity.get(c.code());
      assertThat(active).as(c.name()).hasSizeBetween(10, 20);
      assertThat(active).as(c.name()).anyMatch(w -> w.post() == Post.PRINCIPAL && w.duty().contains("党委书记"));
      assertThat(active).as(c.name()).anyMatch(w -> w.post() == Post.DEPUTY);
    }
    assertThat(all.size()).isBetween(900, 1400);
    for (Worker w : all) {
      assertThat(rules.band(w.post()).contains(w.grade())).as(w.workerId()).isTrue();
      assertThat(w.payCoefficient()).as(w.workerId()).isEqualByComparingTo(rules.payCoefficient(w.grade()));
    }
  }

  @Test
  void historiesEndInTheCurrentGradeAndAssessmentsCoverFiveYears() {
    List<Worker> sample = workers.list(new WorkerFilter("loudong", null, null, "ACTIVE"), 0, 5000).stream()
        .filter(Worker::sampleData).toList();
    assertThat(sample).hasSizeGreaterThan(100);
    int changes = 0;
    for (Worker w : sample) {
      List<GradeChange> h = workers.history(w.workerId());
      assertThat(h).as(w.workerId()).isNotEmpty();
      assertThat(h.get(0).kind()).isEqualTo(GradeChange.ChangeKind.INITIAL);
      GradeChange last = h.get(h.size() - 1);
      assertThat(last.toGrade()).as(w.workerId()).isEqualTo(w.grade());
      assertThat(last.toPost()).as(w.workerId()).isEqualTo(w.post());
      assertThat(last.ruleVersion()).contains("career-");
      for (int i = 1; i < h.size(); i++) {
        assertThat(h.get(i).fromGrade()).isEqualTo(h.get(i - 1).toGrade());
      }
      changes += h.size() - 1;
      int thisYear = java.time.LocalDate.now().getYear();
      if (w.hiredOn().getYear() < thisYear - 6) {
        assertThat(workers.assessments(w.workerId()).keySet()).as(w.workerId())
            .containsAll(List.of(thisYear - 5, thisYear - 4, thisYear - 3, thisYear - 2, thisYear - 1));
      }
    }
    assertThat(changes).isGreaterThan(sample.size());
    assertThat(sample).anyMatch(w -> workers.history(w.workerId()).stream()
        .anyMatch(h -> h.kind() == GradeChange.ChangeKind.POST_CHANGE));
  }

  @Test
  void eachBodySeesItsOwnWorkers() {
    JsonNode own = RestClient.as(port, "dongcang").get("/api/career/workers?size=500").json();
    assertThat(own.get("total").asInt()).isEqualTo(workers.count(new WorkerFilter(null, "dongcang", null, null)));
    assertThat(own.get("items")).hasSize(own.get("total").asInt());
    assertThat(own.get("items")).allSatisfy(w -> assertThat(w.get("communityCode").asText()).isEqualTo("dongcang"));
    String nanyuanWorker = workers.list(new WorkerFilter(null, "nanyuan", null, null), 0, 1).get(0).workerId();
    assertThat(RestClient.as(port, "dongcang").get("/api/career/workers/" + nanyuanWorker).status()).isEqualTo(403);
    assertThat(RestClient.as(port, "dongcang").get("/api/career/workers?community=nanyuan").status()).isEqualTo(403);

    JsonNode street = RestClient.as(port, "loudong").get("/api/career/workers?size=500").json();
    assertThat(street.get("items")).allSatisfy(w -> assertThat(w.get("streetCode").asText()).isEqualTo("loudong"));
    JsonNode detail = RestClient.as(port, "loudong").get("/api/career/workers/" + nanyuanWorker).json();
    assertThat(detail.get("history")).isNotEmpty();
    assertThat(detail.get("assessments")).isNotEmpty();
    assertThat(RestClient.as(port, "loudong").get("/api/career/workers?street=chengxiang").status()).isEqualTo(403);

    JsonNode principals = RestClient.as(port, "minzheng").get("/api/career/workers?post=社区正职&size=500").json();
    assertThat(principals.get("total").asInt()).isGreaterThanOrEqualTo(65);
    assertThat(principals.get("items")).allSatisfy(w -> assertThat(w.get("grade").asInt()).isBetween(7, 18));
  }

  @Test
  void badFiltersAreRejectedNamingTheField() {
    RestClient.Response r = RestClient.as(port, "minzheng").get("/api/career/workers?post=BOSS&status=GONE");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("problems")).extracting(p -> p.get("field").asText()).contains("post", "status");
    assertThat(RestClient.as(port, "minzheng").get("/api/career/workers/W999999").status()).isEqualTo(404);
  }

  @Test
  void civilAffairsRecordsThatAWorkerLeft() {
    Worker w = workers.list(new WorkerFilter(null, "taiping", "OTHER", "ACTIVE"), 0, 1).get(0);
    String body = "{\"status\":\"LEFT\",\"since\":\"2026-06-30\",\"reason\":\"本人辞职\"}";
    assertThat(RestClient.as(port, "taiping").post("/api/career/workers/" + w.workerId() + "/status", body).status())
        .isEqualTo(403);
    RestClient.Response bad = RestClient.as(port, "minzheng").post("/api/career/workers/" + w.workerId() + "/status",
        "{\"status\":\"FIRED\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(workers.find(w.workerId()).orElseThrow().status()).isEqualTo(WorkerStatus.ACTIVE);
    RestClient.Response ok = RestClient.as(port, "minzheng").post("/api/career/workers/" + w.workerId() + "/status",
        body);
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(workers.find(w.workerId()).orElseThrow().status()).isEqualTo(WorkerStatus.LEFT);
  }
}
