package cn.ronghe.reliability.cluster;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Kills a node in the middle of the apply phase and measures how the other node takes over. The engine records a
 * job's lock owner (a random id per node) while it runs and the node's host name in the job log once it is done;
 * joining the two over the jobs seen running tells which node each lock owner is, so the kill can wait for a
 * moment when a node holds jobs. Times are the nodes' own (same machine): the job log is written in
 * Asia/Shanghai wall-clock time, as every node runs with that zone.
 */
final class Failover {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  record Held(String jobId, String owner, long lockExpiry) {
  }

  private final ClusterDatabase db;
  private final String victim;
  private final List<Held> held;
  private final long killedAt;
  private final long appliedAtKill;
  private final long changes;
  private final boolean survivorHeldJobs;
  private long completedAt;

  private Failover(ClusterDatabase db, String victim, List<Held> held, long killedAt, long appliedAtKill,
      long changes, boolean survivorHeldJobs) {
    this.db = db;
    this.victim = victim;
    this.held = held;
    this.killedAt = killedAt;
    this.appliedAtKill = appliedAtKill;
    this.changes = changes;
    this.survivorHeldJobs = survivorHeldJobs;
  }

  /**
   * Records every job lock it sees, from the cycle's start: by the apply phase the nodes' lock owners are known from
   * the earlier jobs, so the first poll in which a node holds a job can kill it. (Learning them only in the
   * apply phase, which can pass in a few seconds on a quiet machine, sometimes took longer than the phase.)
   */
  static final class LockWatch implements AutoCloseable {
    private final Map<String, String> ownerOfJob = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ScheduledExecutorService timer =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor();

    LockWatch(ClusterDatabase db) {
      timer.scheduleWithFixedDelay(() -> {
        try {
          locked(db).forEach(h -> ownerOfJob.put(h.jobId(), h.owner()));
        } catch (RuntimeException e) {
          // a poll that fails (a node starting, the database busy) is simply missed
        }
      }, 0, 50, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
      timer.shutdownNow();
    }
  }

  private static List<Held> locked(ClusterDatabase db) {
    long now = System.currentTimeMillis();
    return db.jdbc().sql("SELECT id_, lock_owner_, lock_exp_time_ FROM act_ru_job WHERE lock_owner_ IS NOT NULL")
        .query((rs, i) -> new Held(rs.getString(1), rs.getString(2), millis(rs.getObject(3, LocalDateTime.class))))
        .list().stream().filter(h -> h.lockExpiry() > now).toList();
  }

  /**
   * Kills whichever node holds job locks once the first changes are applied (node A when both do), with SIGKILL.
   * Insisting on one victim made the test flaky: when the other node happened to take every apply job, all
   * changes were applied before the chosen victim ever held one.
   */
  static Failover killDuring(ClusterDatabase db, List<AppNode> nodes, String cycleNo, long changes, LockWatch watch) {
    Map<String, String> ownerOfJob = watch.ownerOfJob;
    Map<String, String> owners = new HashMap<>();
    long deadline = System.nanoTime() + ClusterReview.PHASE.toNanos();
    while (System.nanoTime() < deadline) {
      long applied = db.jdbc().sql("SELECT COUNT(*) FROM career_review WHERE cycle_no = :c AND stage = 'EFFECTIVE'")
          .param("c", cycleNo).query(Long.class).single();
      if (applied >= changes) {
        throw new AssertionError("Every change was applied before the kill (" + applied + "); lock owners known: "
            + owners + ": the apply phase is too short for this test; lower career.review.chunk-size or raise the "
            + "number of workers");
      }
      List<Held> locked = locked(db);
      locked.forEach(h -> ownerOfJob.put(h.jobId(), h.owner()));
      for (AppNode node : nodes) {
        String owner = ownerOf(db, node.name(), new HashMap<>(ownerOfJob));
        if (owner != null) {
          owners.put(node.name(), owner);
        }
      }
      // As soon as changes are being applied: on a quiet machine the whole apply phase can pass between two polls,
      // so waiting for a share of it made the test miss its moment.
      if (applied > 0) {
        for (AppNode node : nodes) {
          List<Held> victims = locked.stream().filter(h -> h.owner().equals(owners.get(node.name()))).toList();
          if (!victims.isEmpty()) {
            long killedAt = System.currentTimeMillis();
            node.kill();
            return new Failover(db, node.name(), victims, killedAt, applied, changes,
                locked.size() > victims.size());
          }
        }
      }
      AppNode.sleep(20);
    }
    throw new AssertionError("No moment in " + ClusterReview.PHASE.toMinutes() + " min of the apply phase of "
        + cycleNo + " when a node held a job (lock owners known: " + owners + ")");
  }

  /** The node that was killed. */
  String victim() {
    return victim;
  }

  /**
   * The lock owner of {@code host}: the owner most of the jobs seen locked and since finished on that host had (a
   * job that failed and was retried may have been seen under the other node's lock).
   */
  private static String ownerOf(ClusterDatabase db, String host, Map<String, String> ownerOfJob) {
    if (ownerOfJob.isEmpty()) {
      return null;
    }
    return db.jdbc().sql("SELECT job_id_ FROM act_hi_job_log WHERE job_state_ = 2 AND hostname_ = :h AND job_id_ IN "
        + "(:ids)").param("h", host).param("ids", ownerOfJob.keySet()).query(String.class).list().stream()
        .collect(Collectors.groupingBy(ownerOfJob::get, Collectors.counting())).entrySet().stream()
        .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
  }

  void completed() {
    completedAt = System.currentTimeMillis();
  }

  /** Jobs the killed node held when it died. */
  long jobsHeldByKilledNode() {
    return held.size();
  }

  /** When each of the dead node's jobs was completed by another node, earliest first. */
  private List<Long> takenOver() {
    return db.jdbc().sql("SELECT timestamp_ FROM act_hi_job_log WHERE job_state_ = 2 AND job_id_ IN (:ids) AND "
        + "hostname_ <> :v ORDER BY timestamp_").param("ids", held.stream().map(Held::jobId).toList())
        .param("v", victim).query((rs, i) -> millis(rs.getObject(1, LocalDateTime.class))).list();
  }

  void report(ClusterResults results, String survivor) {
    results.add("failover", "changes applied when " + victim + " was killed", appliedAtKill + " of " + changes);
    results.add("failover", "jobs " + victim + " held at the kill", held.size(), "");
    results.add("failover", survivor + " held jobs at the kill too", String.valueOf(survivorHeldJobs));
    held.stream().mapToLong(Held::lockExpiry).max().ifPresent(expiry -> results.add("failover",
        "kill → the last lock of " + victim + " expired", (expiry - killedAt) / 1e3, "s"));
    List<Long> recovered = takenOver();
    results.add("failover", "of those, run later by " + survivor, recovered.size(), "");
    Long firstAfter = db.jdbc().sql("SELECT MIN(timestamp_) FROM act_hi_job_log WHERE job_state_ = 2 AND hostname_ = :h "
        + "AND timestamp_ > :t").param("h", survivor).param("t", LocalDateTime.ofInstant(
            java.time.Instant.ofEpochMilli(killedAt), ZONE)).query((rs, i) -> rs.getObject(1, LocalDateTime.class))
        .optional().map(Failover::millis).orElse(null);
    if (firstAfter != null) {
      results.add("failover", "kill → first job completed by " + survivor, (firstAfter - killedAt) / 1e3, "s");
    }
    if (!recovered.isEmpty()) {
      results.add("failover", "kill → first of " + victim + "'s jobs completed by " + survivor,
          (recovered.get(0) - killedAt) / 1e3, "s");
      results.add("failover", "kill → last of " + victim + "'s jobs completed by " + survivor,
          (recovered.get(recovered.size() - 1) - killedAt) / 1e3, "s");
    }
    results.add("failover", "kill → cycle completed", (completedAt - killedAt) / 1e3, "s");
  }

  private static long millis(LocalDateTime t) {
    return t == null ? 0 : t.atZone(ZONE).toInstant().toEpochMilli();
  }
}
