package cn.ronghe.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.bench.BenchTable;
import cn.ronghe.bench.EngineRows;
import cn.ronghe.bench.RongheBenchTest;
import cn.ronghe.organisation.RegistryService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Section 4: a city-wide two-way evaluation cycle for the seeded 281 pairings and for ten times as many (2,529
 * more units paired round the 65 communities), run by the job executor: start to every evaluation open, and
 * the last scripted rating to the results published.
 */
@RongheBenchTest
class EvaluationBench {

  private static final long TIMEOUT = 3_600_000;

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  EvaluationRepository repository;
  @Autowired
  RegistryService registry;
  @Autowired
  JdbcClient jdbc;

  @Test
  void cityCycles() throws IOException {
    byte[] shipped;
    try (InputStream in = getClass().getResourceAsStream("/data/registry.csv")) {
      shipped = in.readAllBytes();
    }
    try {
      cycle(2016); // years before the demo's: an evaluation year may not lie in the future
      registry.importCsv(tenTimes(shipped), "bench-2810.csv", "admin");
      cycle(2017);
    } finally {
      registry.importCsv(shipped, "registry.csv", "admin");
    }
  }

  private void cycle(int year) {
    int pairings = jdbc.sql("SELECT COUNT(*) FROM org_pairing WHERE active").query(Integer.class).single();
    String label = String.format("%,d pairings", pairings);
    String prefix = "KP-" + year + "-";
    long start = System.nanoTime();
    RestClient.Response r = RestClient.as(port, "zuzhibu").post("/api/evaluation/cycles",
        "{\"evalYear\":" + year + ",\"scopeType\":\"CITY\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    EngineRows.await("every evaluation open", TIMEOUT, () -> tasks.createTaskQuery()
        .processDefinitionKey(EvaluationProcesses.RATING).processInstanceBusinessKeyLike(prefix + "%").count()
        == 2L * pairings);
    double opened = seconds(start);
    BenchTable.add("evaluation", label + ": start → all evaluations open", opened, "s",
        2 * pairings + " evaluations, each its own instance");

    long rating = System.nanoTime();
    List<Task> open = tasks.createTaskQuery().processDefinitionKey(EvaluationProcesses.RATING)
        .processInstanceBusinessKeyLike(prefix + "%").list();
    int i = 0;
    for (Task t : open) {
      RatingDirection d = RatingDirection.valueOf((String) runtime.getVariable(t.getExecutionId(),
          EvaluationProcesses.DIRECTION));
      int score = 60 + (i++ * 7) % 41;
      Map<String, Object> submitted = new HashMap<>(EvaluationFixtures.scores(d, score));
      tasks.complete(t.getId(), submitted);
    }
    double rated = seconds(rating);
    BenchTable.add("evaluation", label + ": scripted ratings submitted", rated, "s",
        String.format("%.0f ratings/s", open.size() / rated));

    String cycleId = repository.cycles().stream().filter(c -> c.evalYear() == year).findFirst().orElseThrow()
        .processInstanceId();
    long publishing = System.nanoTime();
    EngineRows.await("the street reviews", TIMEOUT, () -> tasks.createTaskQuery().processInstanceId(cycleId)
        .taskDefinitionKey("Task_StreetReview").count() == 11);
    for (Task review : tasks.createTaskQuery().processInstanceId(cycleId).taskDefinitionKey("Task_StreetReview").list()) {
      tasks.complete(review.getId(), Map.of("reviewConfirmed", true));
    }
    EngineRows.await("the publication task", TIMEOUT, () -> tasks.createTaskQuery().processInstanceId(cycleId)
        .taskDefinitionKey("Task_Publish").count() == 1);
    tasks.complete(tasks.createTaskQuery().processInstanceId(cycleId).taskDefinitionKey("Task_Publish").singleResult()
        .getId(), Map.of("publishConfirmed", true));
    EngineRows.await("publication", TIMEOUT, () -> repository.results(repository.cycles().stream()
        .filter(c -> c.evalYear() == year).findFirst().orElseThrow().id(), null).stream()
        .allMatch(p -> "PUBLISHED".equals(p.state())));
    BenchTable.add("evaluation", label + ": last rating → results published", seconds(publishing), "s",
        "scores and grades, 11 street reviews, publication");
    BenchTable.add("evaluation", label + ": start → results published", seconds(start), "s", "scripted people");
  }

  /** The shipped registry plus 2,529 units, each paired with one community, round the 65. */
  private static byte[] tenTimes(byte[] shipped) {
    String text = new String(shipped, StandardCharsets.UTF_8);
    List<String> communities = text.lines().filter(l -> l.startsWith("community,")).map(l -> l.split(",")[1]).toList();
    String[] kinds = {"AGENCY", "SOE", "NEW_ORG"};
    StringBuilder more = new StringBuilder(text);
    for (int n = 1; n <= 2529; n++) {
      more.append(String.format("unit,x%04d,基准共建单位%04d,,%s,true%n", n, n, kinds[n % 3]));
    }
    for (int n = 1; n <= 2529; n++) {
      more.append(String.format("pairing,x%04d,,%s,,%n", n, communities.get(n % communities.size())));
    }
    return more.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static double seconds(long from) {
    return (System.nanoTime() - from) / 1e9;
  }
}
