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
 * completion must match exactly one completed instance: nothing lost, nothing done twice. Run twice: with no pause
 * between requests (the engine saturated: latency is the queue), and paced like people at work, each request
 * after a think time of {@code ronghe.bench.thinkMillis} (default 5 s, varied ±50 %).
 */
@RongheBenchTest
class ConcurrentUsersBench {

  private static final int CLIENTS = 50;
  private static final int TASKS_PER_CLIENT = 60;
  private static final long MAX_MILLIS = 120_000;
  private static final long THINK_MILLIS = Long.getLong("ronghe.bench.thinkMillis", 5_000);

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
    users();
    run("concurrency", "CONC-", 1_000_000, TASKS_PER_CLIENT, 0);
  }

  @Test
  void fiftyClientsAtTheirOwnPace() throws Exception {
    users();
    run("concurrency (paced)", "CONCP-", 2_000_000, (int) (3 * MAX_MILLIS / Math.max(1, THINK_MILLIS)) / 3 + 5,
        THINK_MILLIS);
  }

  private void users() {
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
  }

  private void run(String section, String prefix, int first, int tasksPerClient, long thinkMillis) throws Exception {
    OpenTasks.start(engine, prefix, first, CLIENTS * tasksPerClient,
        i -> String.format("bench-gbench%02d", i % CLIENTS));

    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    long deadline = System.currentTimeMillis() + MAX_MILLIS;
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      Client client = new Client(String.format("bench%02d", c), prefix, thinkMillis, latencies, errors, completed);
      futures.add(pool.submit(() -> client.work(deadline)));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
    Percentiles p = new Percentiles(nanos);

    long done = history.createHistoricProcessInstanceQuery().processDefinitionKey(OpenTasks.KEY).completed()
        .processInstanceBusinessKeyLike(prefix + "%").count();
    long tasksDone = history.createHistoricTaskInstanceQuery().processDefinitionKey(OpenTasks.KEY).finished()
        .processInstanceBusinessKeyLike(prefix + "%").count();
    BenchTable.add(section, "clients", CLIENTS, "clients", "each its own user and group, HTTP Basic"
        + (thinkMillis == 0 ? ", no pause" : ", think time " + thinkMillis + " ms ±50 % before each request"));
    BenchTable.add(section, "requests/s", nanos.length / seconds, "1/s", "list + claim + complete");
    BenchTable.add(section, "tasks completed/s", completed.get() / seconds, "1/s", "");
    BenchTable.add(section, "request p50", p.millis(50), "ms", "");
    BenchTable.add(section, "request p95", p.millis(95), "ms", "");
    BenchTable.add(section, "request p99", p.millis(99), "ms", "");
    BenchTable.add(section, "errors", errors.get(), "requests", "must be 0");
    BenchTable.add(section, "completions vs completed instances", completed.get() - done, "difference",
        completed.get() + " completions, " + done + " instances completed, " + tasksDone + " tasks finished");
    if (errors.get() != 0 || completed.get() != done) {
      throw new AssertionError("lost or doubled work: " + errors.get() + " errors, " + completed.get()
          + " completions, " + done + " completed instances");
    }
  }

  /** One person: lists their group's tasks of this run, claims the first and completes it, until time is up. */
  private final class Client {
    private final String user;
    private final String prefix;
    private final long thinkMillis;
    private final ConcurrentLinkedQueue<Long> latencies;
    private final AtomicInteger errors;
    private final AtomicInteger completed;
    private final java.util.Random random;

    Client(String user, String prefix, long thinkMillis, ConcurrentLinkedQueue<Long> latencies, AtomicInteger errors,
        AtomicInteger completed) {
      this.user = user;
      this.prefix = prefix;
      this.thinkMillis = thinkMillis;
      this.latencies = latencies;
      this.errors = errors;
      this.completed = completed;
      this.random = new java.util.Random(user.hashCode());
    }

    void work(long deadline) {
      RestClient client = RestClient.as(port, user);
      String list = "/engine-rest/task?candidateGroup=bench-g" + user + "&processInstanceBusinessKeyLike=" + prefix
          + "%25&maxResults=1";
      while (think(deadline)) {
        RestClient.Response found = timed(() -> client.get(list));
        if (found.status() != 200) {
          errors.incrementAndGet();
          continue;
        }
        JsonNode tasks = found.json();
        if (tasks.isEmpty()) {
          return;
        }
        String id = tasks.get(0).get("id").asText();
        if (!think(deadline)) {
          return;
        }
        RestClient.Response claim = timed(() -> client.post("/engine-rest/task/" + id + "/claim",
            "{\"userId\":\"" + user + "\"}"));
        if (claim.status() != 204 || !think(deadline)) {
          errors.addAndGet(claim.status() == 204 ? 0 : 1);
          return;
        }
        RestClient.Response complete = timed(() -> client.post("/engine-rest/task/" + id + "/complete", "{}"));
        if (complete.status() != 204) {
          errors.incrementAndGet();
        } else {
          completed.incrementAndGet();
        }
      }
    }

    private RestClient.Response timed(java.util.function.Supplier<RestClient.Response> request) {
      long t0 = System.nanoTime();
      RestClient.Response r = request.get();
      latencies.add(System.nanoTime() - t0);
      return r;
    }

    /** Pauses like a person (or not at all when saturating); false once time is up. */
    private boolean think(long deadline) {
      if (thinkMillis > 0) {
        long pause = thinkMillis / 2 + (long) (random.nextDouble() * thinkMillis);
        try {
          Thread.sleep(Math.max(0, Math.min(pause, deadline - System.currentTimeMillis())));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return System.currentTimeMillis() < deadline;
    }
  }
}
