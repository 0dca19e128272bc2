package cn.ronghe.bench;

import cn.ronghe.RestClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Section 6: 50 clients, each a user of its own group, list their group's tasks, claim one and complete it
 * through {@code /engine-rest} over HTTP on loopback with HTTP Basic, for a bounded time. Afterwards every
 * completion must match exactly one completed instance: nothing lost, nothing done twice.
 */
@RongheBenchTest
class ConcurrentUsersBench {

  private static final int CLIENTS = 50;
  private static final int TASKS_PER_CLIENT = 60;
  private static final long MAX_MILLIS = 120_000;

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  IdentityService identity;
  @Autowired
  HistoryService history;

  @Test
  void fiftyClientsClaimAndComplete() throws Exception {
    for (int c = 0; c < CLIENTS; c++) {
      String id = String.format("bench%02d", c);
      if (identity.createUserQuery().userId(id).count() == 0) {
        User u = identity.newUser(id);
        u.setPassword(id);
        u.setFirstName("基准");
        u.setLastName(id);
        identity.saveUser(u);
        Group g = identity.newGroup("bench-g" + id);
        g.setName("基准组 " + id);
        identity.saveGroup(g);
        identity.createMembership(id, g.getId());
      }
    }
    int first = 1_000_000;
    OpenTasks.start(engine, "CONC-", first, CLIENTS * TASKS_PER_CLIENT, i -> String.format("bench-gbench%02d", i % CLIENTS));

    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    long deadline = System.currentTimeMillis() + MAX_MILLIS;
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      String user = String.format("bench%02d", c);
      futures.add(pool.submit(() -> work(user, deadline, latencies, errors, completed)));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
    Percentiles p = new Percentiles(nanos);

    long done = history.createHistoricProcessInstanceQuery().processDefinitionKey(OpenTasks.KEY).completed()
        .processInstanceBusinessKeyLike("CONC-%").count();
    long tasksDone = history.createHistoricTaskInstanceQuery().processDefinitionKey(OpenTasks.KEY).finished()
        .processInstanceBusinessKeyLike("CONC-%").count();
    BenchTable.add("concurrency", "clients", CLIENTS, "clients", "each its own user and group, HTTP Basic");
    BenchTable.add("concurrency", "requests/s", nanos.length / seconds, "1/s", "list + claim + complete");
    BenchTable.add("concurrency", "tasks completed/s", completed.get() / seconds, "1/s", "");
    BenchTable.add("concurrency", "request p50", p.millis(50), "ms", "");
    BenchTable.add("concurrency", "request p95", p.millis(95), "ms", "");
    BenchTable.add("concurrency", "request p99", p.millis(99), "ms", "");
    BenchTable.add("concurrency", "errors", errors.get(), "requests", "must be 0");
    BenchTable.add("concurrency", "completions vs completed instances", completed.get() - done, "difference",
        completed.get() + " completions, " + done + " instances completed, " + tasksDone + " tasks finished");
    if (errors.get() != 0 || completed.get() != done) {
      throw new AssertionError("lost or doubled work: " + errors.get() + " errors, " + completed.get()
          + " completions, " + done + " completed instances");
    }
  }

  private void work(String user, long deadline, ConcurrentLinkedQueue<Long> latencies, AtomicInteger errors,
      AtomicInteger completed) {
    RestClient client = RestClient.as(port, user);
    String group = "bench-g" + user;
    while (System.currentTimeMillis() < deadline) {
      long t0 = System.nanoTime();
      RestClient.Response list = client.get("/engine-rest/task?candidateGroup=" + group + "&maxResults=1");
      latencies.add(System.nanoTime() - t0);
      if (list.status() != 200) {
        errors.incrementAndGet();
        continue;
      }
      JsonNode tasks = list.json();
      if (tasks.isEmpty()) {
        return;
      }
      String id = tasks.get(0).get("id").asText();
      long t1 = System.nanoTime();
      RestClient.Response claim = client.post("/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + user + "\"}");
      latencies.add(System.nanoTime() - t1);
      long t2 = System.nanoTime();
      RestClient.Response complete = client.post("/engine-rest/task/" + id + "/complete", "{}");
      latencies.add(System.nanoTime() - t2);
      if (claim.status() != 204 || complete.status() != 204) {
        errors.incrementAndGet();
      } else {
        completed.incrementAndGet();
      }
    }
  }
}
