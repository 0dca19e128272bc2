package cn.ronghe.career.registry;

import cn.ronghe.career.AssessmentResult;
import cn.ronghe.career.Education;
import cn.ronghe.career.Gender;
import cn.ronghe.career.GradeChange;
import cn.ronghe.career.Post;
import cn.ronghe.career.Qualification;
import cn.ronghe.career.Worker;
import cn.ronghe.career.WorkerStatus;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables career_worker, career_assessment, career_grade_history and the worker id counter. */
@Repository
public class WorkerRepository {

  static final String SELECT = "SELECT w.worker_id, w.name, w.gender, w.birth_date, w.community_code, w.post, w.duty, "
      + "w.grade, w.grade_since, w.pay_coefficient, w.education, w.qualification, w.service_start, w.hired_on, "
      + "w.status, w.status_since, w.origin_case_no, w.sample_data, c.name, c.street_code "
      + "FROM career_worker w JOIN org_community c ON c.code = w.community_code";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  public WorkerRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  public Optional<Worker> find(String workerId) {
    return jdbc.sql(SELECT + " WHERE w.worker_id = :id").param("id", workerId).query(WorkerRepository::worker)
        .optional();
  }

  /** Workers by id (missing ids are absent from the map). */
  public Map<String, Worker> findAll(Collection<String> ids) {
    Map<String, Worker> found = new HashMap<>();
    for (List<String> part : partition(List.copyOf(ids), 500)) {
      jdbc.sql(SELECT + " WHERE w.worker_id IN (:ids)").param("ids", part).query(WorkerRepository::worker).list()
          .forEach(w -> found.put(w.workerId(), w));
    }
    return found;
  }

  /** A page of workers, filtered by any of community, street, post and status (null = any). */
  public List<Worker> list(WorkerFilter f, int offset, int limit) {
    return f.bind(jdbc.sql(SELECT + f.where() + " ORDER BY c.street_code, w.community_code, w.post, w.grade DESC, "
            + "w.worker_id OFFSET " + Math.max(offset, 0) + " ROWS FETCH NEXT " + Math.max(1, limit) + " ROWS ONLY"))
        .query(WorkerRepository::worker).list();
  }

  public int count(WorkerFilter f) {
    return f.bind(jdbc.sql("SELECT COUNT(*) FROM career_worker w JOIN org_community c ON c.code = w.community_code"
        + f.where())).query(Integer.class).single();
  }

  /** Active workers of one street, optionally only the named ones: the members of a review batch. */
  public List<Worker> activeInStreet(String streetCode) {
    return jdbc.sql(SELECT + " WHERE c.street_code = :s AND w.status = 'ACTIVE' ORDER BY w.community_code, w.worker_id")
        .param("s", streetCode).query(WorkerRepository::worker).list();
  }

  /** Reserves {@code n} consecutive worker ids (W000001 ...) under a row lock; returns the first number. */
  public long reserveIds(int n) {
    long next = jdbc.sql("SELECT next_value FROM career_counter WHERE counter_name = 'worker' FOR UPDATE")
        .query(Long.class).single();
    jdbc.sql("UPDATE career_counter SET next_value = :v WHERE counter_name = 'worker'").param("v", next + n).update();
    return next;
  }

  public static String workerId(long number) {
    return String.format("W%06d", number);
  }

  public void insert(List<Worker> workers) {
    LocalDateTime now = now();
    template.batchUpdate("INSERT INTO career_worker (worker_id, name, gender, birth_date, community_code, post, duty, "
        + "grade, grade_since, pay_coefficient, education, qualification, service_start, hired_on, status, "
        + "status_since, origin_case_no, sample_data, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        + "?, ?, ?, ?, ?)", workers.stream().map(w -> new Object[] {w.workerId(), w.name(), w.gender().name(),
            w.birthDate(), w.communityCode(), w.post().name(), w.duty(), w.grade(), w.gradeSince(),
            w.payCoefficient(), w.education().name(), w.qualification().name(), w.serviceStart(), w.hiredOn(),
            w.status().name(), w.statusSince(), w.originCaseNo(), w.sampleData(), now}).toList());
  }

  public Optional<Worker> findByOrigin(String caseNo) {
    return jdbc.sql(SELECT + " WHERE w.origin_case_no = :c").param("c", caseNo).query(WorkerRepository::worker)
        .optional();
  }

  /**
   * Moves a worker to a new post and grade only if it still holds the expected post and grade (the basis on
   * which the change was decided). Returns false when something else changed the worker in between.
   */
  public boolean changeGrade(String workerId, Post expectedPost, int expectedGrade, Post post, String duty, int grade,
      LocalDate gradeSince, BigDecimal pay) {
    return jdbc.sql("UPDATE career_worker SET post = :p, duty = COALESCE(:d, duty), grade = :g, grade_since = :s, "
            + "pay_coefficient = :c, updated_at = :t WHERE worker_id = :id AND post = :ep AND grade = :eg "
            + "AND status = 'ACTIVE'")
        .param("p", post.name()).param("d", duty).param("g", grade).param("s", gradeSince).param("c", pay)
        .param("t", now()).param("id", workerId).param("ep", expectedPost.name()).param("eg", expectedGrade)
        .update() == 1;
  }

  public boolean changeStatus(String workerId, WorkerStatus status, LocalDate since) {
    return jdbc.sql("UPDATE career_worker SET status = :s, status_since = :d, updated_at = :t WHERE worker_id = :id")
        .param("s", status.name()).param("d", since).param("t", now()).param("id", workerId).update() == 1;
  }

  // ---- assessments ----

  public Map<Integer, AssessmentResult> assessments(String workerId) {
    Map<Integer, AssessmentResult> r = new HashMap<>();
    jdbc.sql("SELECT assess_year, result FROM career_assessment WHERE worker_id = :w").param("w", workerId)
        .query((rs, i) -> r.put(rs.getInt(1), AssessmentResult.valueOf(rs.getString(2)))).list();
    return r;
  }

  /** Results of many workers from {@code fromYear} on: the facts of a chunk of reviews in one query per 500. */
  public Map<String, Map<Integer, AssessmentResult>> assessments(Collection<String> workerIds, int fromYear) {
    Map<String, Map<Integer, AssessmentResult>> all = new HashMap<>();
    for (List<String> part : partition(List.copyOf(workerIds), 500)) {
      jdbc.sql("SELECT worker_id, assess_year, result FROM career_assessment WHERE worker_id IN (:w) "
              + "AND assess_year >= :y").param("w", part).param("y", fromYear)
          .query((rs, i) -> all.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
              .put(rs.getInt(2), AssessmentResult.valueOf(rs.getString(3))))
          .list();
    }
    return all;
  }

  /** Records or replaces one result; the caller has checked that the year's review still allows it. */
  public void putAssessment(String workerId, int year, AssessmentResult result, String source, String by) {
    int updated = jdbc.sql("UPDATE career_assessment SET result = :r, source = :s, entered_by = :b, entered_at = :t "
            + "WHERE worker_id = :w AND assess_year = :y")
        .param("r", result.name()).param("s", source).param("b", by).param("t", now()).param("w", workerId)
        .param("y", year).update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO career_assessment (worker_id, assess_year, result, source, entered_by, entered_at) "
              + "VALUES (:w, :y, :r, :s, :b, :t)")
          .param("w", workerId).param("y", year).param("r", result.name()).param("s", source).param("b", by)
          .param("t", now()).update();
    }
  }

  /** Records or replaces many results of one year at once ({@code workerId → result}): a street's import. */
  public void putAssessments(int year, Map<String, AssessmentResult> results, String source, String by) {
    java.util.Set<String> existing = new java.util.HashSet<>();
    for (List<String> part : partition(List.copyOf(results.keySet()), 500)) {
      existing.addAll(jdbc.sql("SELECT worker_id FROM career_assessment WHERE assess_year = :y AND worker_id IN (:w)")
          .param("y", year).param("w", part).query(String.class).list());
    }
    LocalDateTime now = now();
    List<Object[]> updates = new ArrayList<>();
    List<Object[]> inserts = new ArrayList<>();
    results.forEach((w, r) -> (existing.contains(w) ? updates : inserts).add(existing.contains(w)
        ? new Object[] {r.name(), source, by, now, w, year} : new Object[] {w, year, r.name(), source, by, now}));
    template.batchUpdate("UPDATE career_assessment SET result = ?, source = ?, entered_by = ?, entered_at = ? "
        + "WHERE worker_id = ? AND assess_year = ?", updates);
    template.batchUpdate("INSERT INTO career_assessment (worker_id, assess_year, result, source, entered_by, "
        + "entered_at) VALUES (?, ?, ?, ?, ?, ?)", inserts);
  }

  public void insertAssessments(List<Object[]> workerYearResult, String source, String by) {
    LocalDateTime now = now();
    template.batchUpdate("INSERT INTO career_assessment (worker_id, assess_year, result, source, entered_by, "
        + "entered_at) VALUES (?, ?, ?, ?, ?, ?)", workerYearResult.stream()
        .map(r -> new Object[] {r[0], r[1], r[2], source, by, now}).toList());
  }

  // ---- grade history ----

  public List<GradeChange> history(String workerId) {
    return jdbc.sql("SELECT id, worker_id, change_kind, from_post, to_post, from_grade, to_grade, pay_coefficient, "
            + "reason, decided_by, effective_date, case_no, process_instance_id, rule_version, recorded_at "
            + "FROM career_grade_history WHERE worker_id = :w ORDER BY effective_date, id")
        .param("w", workerId).query(WorkerRepository::change).list();
  }

  public boolean hasHistory(String workerId, String caseNo) {
    return jdbc.sql("SELECT COUNT(*) FROM career_grade_history WHERE worker_id = :w AND case_no = :c")
        .param("w", workerId).param("c", caseNo).query(Integer.class).single() > 0;
  }

  public void addHistory(List<GradeChange> changes) {
    LocalDateTime now = now();
    template.batchUpdate("INSERT INTO career_grade_history (worker_id, change_kind, from_post, to_post, from_grade, "
        + "to_grade, pay_coefficient, reason, decided_by, effective_date, case_no, process_instance_id, rule_version, "
        + "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", changes.stream().map(c -> new Object[] {
            c.workerId(), c.kind().name(), c.fromPost() == null ? null : c.fromPost().name(), c.toPost().name(),
            c.fromGrade(), c.toGrade(), c.payCoefficient(), cut(c.reason(), 1000), c.decidedBy(), c.effectiveDate(),
            c.caseNo(), c.processInstanceId(), cut(c.ruleVersion(), 300), now}).toList());
  }

  static LocalDateTime now() {
    return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
  }

  static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  static <T> List<List<T>> partition(List<T> list, int size) {
    List<List<T>> parts = new ArrayList<>();
    for (int i = 0; i < list.size(); i += size) {
      parts.add(list.subList(i, Math.min(list.size(), i + size)));
    }
    return parts;
  }

  private static Worker worker(ResultSet rs, int i) throws SQLException {
    return new Worker(rs.getString(1), rs.getString(2), Gender.valueOf(rs.getString(3)), date(rs.getDate(4)),
        rs.getString(5), Post.valueOf(rs.getString(6)), rs.getString(7), rs.getInt(8), date(rs.getDate(9)),
        rs.getBigDecimal(10), Education.valueOf(rs.getString(11)), Qualification.valueOf(rs.getString(12)),
        date(rs.getDate(13)), date(rs.getDate(14)), WorkerStatus.valueOf(rs.getString(15)), date(rs.getDate(16)),
        rs.getString(17), rs.getBoolean(18), rs.getString(19), rs.getString(20));
  }

  private static GradeChange change(ResultSet rs, int i) throws SQLException {
    Timestamp at = rs.getTimestamp(15);
    return new GradeChange(rs.getLong(1), rs.getString(2), GradeChange.ChangeKind.valueOf(rs.getString(3)),
        rs.getString(4) == null ? null : Post.valueOf(rs.getString(4)), Post.valueOf(rs.getString(5)),
        (Integer) rs.getObject(6, Integer.class), rs.getInt(7), rs.getBigDecimal(8), rs.getString(9),
        rs.getString(10), date(rs.getDate(11)), rs.getString(12), rs.getString(13), rs.getString(14),
        at == null ? null : at.toLocalDateTime());
  }

  private static LocalDate date(Date d) {
    return d == null ? null : d.toLocalDate();
  }
}
