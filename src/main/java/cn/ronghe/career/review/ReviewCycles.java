package cn.ronghe.career.review;

import cn.ronghe.career.CareerProcesses;
import cn.ronghe.identity.Groups;
import cn.ronghe.organisation.Community;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.organisation.Street;
import cn.ronghe.platform.DatabaseLock;
import cn.ronghe.platform.calendar.Deadlines;
import cn.ronghe.platform.cases.CaseNumbers;
import cn.ronghe.platform.error.FieldProblem;
import cn.ronghe.platform.notification.Notifier;
import cn.ronghe.platform.policy.PolicyParameters;
import cn.ronghe.platform.process.CaseVariables;
import cn.ronghe.platform.process.FormInput;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Review cycles: starting one for a year and scope (checked so that no worker is reviewed twice in a year),
 * opening it street by street, and closing it when every review in it is final.
 */
@Service("reviewCycles")
public class ReviewCycles {

  public static final String COMPLETED_MESSAGE = "career-review-cycle-completed";
  static final List<String> SCOPES = List.of("CITY", "STREET", "COMMUNITY", "WORKERS");

  private final ReviewRepository reviews;
  private final RegistryRepository registry;
  private final PolicyParameters policy;
  private final DatabaseLock lock;
  private final Deadlines clock;
  private final CaseNumbers numbers;
  private final RuntimeService runtime;
  private final Notifier notifier;
  private final JdbcClient jdbc;

  ReviewCycles(ReviewRepository reviews, RegistryRepository registry, PolicyParameters policy, DatabaseLock lock,
      Deadlines clock, CaseNumbers numbers, RuntimeService runtime, Notifier notifier, JdbcClient jdbc) {
    this.reviews = reviews;
    this.registry = registry;
    this.policy = policy;
    this.lock = lock;
    this.clock = clock;
    this.numbers = numbers;
    this.runtime = runtime;
    this.notifier = notifier;
    this.jdbc = jdbc;
  }

  record Scope(String kind, String code, String label, Set<String> workers) {
  }

  /**
   * Start listener of {@code annual-grade-review}: reads year, scope and effective date, checks them under the
   * cycle lock and registers the cycle. Any problem is a form error: nothing is stored.
   */
  ReviewCycle start(DelegateExecution execution, String actor) {
    FormInput in = FormInput.of(execution);
    int thisYear = clock.today().getYear();
    Integer year = in.integer("reviewYear", "评定年度", 2000, thisYear, true);
    String kind = in.choice("scopeKind", "评定范围", SCOPES, true);
    String code = in.text("scopeCode", "街道或社区代码", 32, "STREET".equals(kind) || "COMMUNITY".equals(kind));
    List<String> named = "WORKERS".equals(kind) ? workerIds(execution, in) : List.of();
    LocalDate effective = in.date("effectiveDate", "生效日期", false);
    in.throwIfInvalid();
    if (effective == null) {
      effective = defaultEffectiveDate(year);
    } else if (!effective.isAfter(LocalDate.of(year, 12, 31)) || effective.isAfter(clock.today().plusYears(2))) {
      in.addProblem("effectiveDate", "生效日期须晚于评定年度（" + year + " 年）且不晚于两年后",
          "must be after the review year and at most two years ahead");
    }
    lock.acquire("career-cycle");
    Scope scope = resolve(in, kind, code, named);
    if (scope != null && scope.workers().isEmpty()) {
      in.addProblem("scopeKind", "评定范围内没有在岗的社区工作者", "there are no active workers in this scope");
    }
    if (scope != null) {
      overlaps(in, year, scope.workers());
    }
    in.throwIfInvalid();

    String cycleNo = numbers.next(CareerProcesses.REVIEW_PREFIX);
    LocalDateTime now = now();
    ReviewCycle cycle = new ReviewCycle(cycleNo, year, kind, scope.code(), scope.label(), effective, "OPENING",
        scope.workers().size(), 0, actor, now, null, execution.getProcessInstanceId());
    reviews.insertCycle(cycle);
    if ("WORKERS".equals(kind)) {
      reviews.insertScopeWorkers(cycleNo, scope.workers());
    }
    reviews.setCycleProcess(cycleNo, execution.getProcessInstanceId());
    int streets = reviews.streetsInScope(cycle).size();
    jdbc.sql("UPDATE career_review_cycle SET street_count = :s WHERE cycle_no = :c").param("s", streets)
        .param("c", cycleNo).update();
    execution.setProcessBusinessKey(cycleNo);
    execution.setVariable(CaseVariables.CASE_NO, cycleNo);
    execution.setVariable(CaseVariables.CASE_TITLE, year + " 年度社区工作者等级评定（" + scope.label() + "）");
    execution.setVariable(CaseVariables.CASE_ORG, "市民政局");
    execution.setVariable("cycleNo", cycleNo);
    execution.setVariable("reviewYear", year);
    execution.setVariable("effectiveDate", effective.toString());
    return cycle;
  }

  /** The configured effective date (policy MM-DD) in the year after the review year. */
  LocalDate defaultEffectiveDate(int reviewYear) {
    return monthDay("career.review.effective-date").atYear(reviewYear + 1);
  }

  private MonthDay monthDay(String key) {
    String v = policy.textValue(key);
    try {
      return MonthDay.parse("--" + v.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalStateException("Policy " + key + " must be a month and day such as 03-01, is " + v, e);
    }
  }

  /**
   * The named workers: text from the form (one id a line or separated by commas; a text variable holds at most
   * 4,000 characters, about 500 ids) or, from the API, a JSON array of any length.
   */
  private List<String> workerIds(DelegateExecution execution, FormInput in) {
    Object raw = execution.getVariable("workerIds");
    List<String> ids;
    if (raw instanceof String) {
      String text = in.text("workerIds", "工号列表（超过约 500 人请通过接口提交）", 3_900, true);
      ids = text == null ? List.of() : List.of(text.split("[\\s,，;；]+"));
    } else {
      ids = in.texts("workerIds", "工号列表", 200_000, 20, true);
      ids = ids == null ? List.of() : ids;
    }
    ids = new ArrayList<>(new LinkedHashSet<>(ids));
    ids.removeIf(String::isBlank);
    if (ids.isEmpty() && in.valid()) {
      in.addProblem("workerIds", "请填写工号", "name at least one worker");
    }
    return ids;
  }

  private Scope resolve(FormInput in, String kind, String code, List<String> named) {
    switch (kind) {
      case "CITY" -> {
        return new Scope(kind, null, "全市", reviews.scopeWorkers(kind, null, "-"));
      }
      case "STREET" -> {
        Street s = registry.street(code).filter(Street::active).orElse(null);
        if (s == null) {
          in.addProblem("scopeCode", "没有代码为 " + code + " 的街道（镇）", "no street " + code);
          return null;
        }
        return new Scope(kind, code, s.name(), reviews.scopeWorkers(kind, code, "-"));
      }
      case "COMMUNITY" -> {
        Community c = registry.community(code).filter(Community::active).orElse(null);
        if (c == null) {
          in.addProblem("scopeCode", "没有代码为 " + code + " 的社区", "no community " + code);
          return null;
        }
        return new Scope(kind, code, c.name(), reviews.scopeWorkers(kind, code, "-"));
      }
      default -> {
        Set<String> active = new HashSet<>();
        for (List<String> part : partition(named)) {
          active.addAll(jdbc.sql("SELECT worker_id FROM career_worker WHERE status = 'ACTIVE' AND worker_id IN (:ids)")
              .param("ids", part).query(String.class).list());
        }
        List<String> unknown = named.stream().filter(id -> !active.contains(id)).toList();
        if (!unknown.isEmpty()) {
          in.addProblem("workerIds", "以下工号不存在或不在岗：" + String.join("、", unknown.subList(0,
              Math.min(20, unknown.size()))) + (unknown.size() > 20 ? " 等 " + unknown.size() + " 个" : ""),
              unknown.size() + " worker ids are unknown or not active");
          return null;
        }
        return new Scope(kind, null, "指定人员 " + active.size() + " 人", active);
      }
    }
  }

  /** A worker is reviewed once a year: not already reviewed, not in the scope of a cycle still opening. */
  private void overlaps(FormInput in, int year, Set<String> workers) {
    List<String> reviewed = reviews.alreadyReviewed(workers, year);
    Set<String> pending = new HashSet<>();
    for (ReviewCycle c : reviews.cycles(year)) {
      if ("OPENING".equals(c.status())) {
        Set<String> theirs = reviews.scopeWorkers(c.scopeKind(), c.scopeCode(), c.cycleNo());
        theirs.retainAll(workers);
        if (!theirs.isEmpty()) {
          pending.add(c.cycleNo() + "（" + c.scopeLabel() + "，" + theirs.size() + " 人）");
        }
      }
    }
    if (!reviewed.isEmpty()) {
      in.addProblem("reviewYear", "范围内已有 " + reviewed.size() + " 人有 " + year + " 年度评定，不能重复评定："
          + String.join("、", reviewed.subList(0, Math.min(10, reviewed.size()))) + (reviewed.size() > 10 ? " 等" : ""),
          reviewed.size() + " workers in scope already have a review of " + year);
    }
    if (!pending.isEmpty()) {
      in.addProblem("reviewYear", "范围与正在开启的 " + year + " 年度评定重叠：" + String.join("、", pending),
          "the scope overlaps a " + year + " cycle being opened");
    }
  }

  /**
   * Opens the next street of the cycle in scope: its review rows and its batch process. One street per job keeps
   * every transaction as large as one street, whatever the size of the city or province.
   *
   * @return whether streets remain to be opened
   */
  boolean openNextStreet(String cycleNo) {
    ReviewCycle cycle = reviews.cycle(cycleNo).orElseThrow();
    Set<String> opened = reviews.openedStreets(cycleNo);
    List<String> remaining = new ArrayList<>(reviews.streetsInScope(cycle));
    remaining.removeAll(opened);
    if (remaining.isEmpty()) {
      reviews.setCycleStatus(cycleNo, "RUNNING", null);
      return false;
    }
    String street = remaining.get(0);
    LocalDateTime now = now();
    int count = reviews.openStreet(cycle, street, now);
    reviews.insertBatch(cycleNo, street, count, now);
    if (count > 0) {
      String streetName = registry.street(street).map(Street::name).orElse(street);
      Map<String, Object> vars = new java.util.HashMap<>();
      String caseNo = cycleNo + "-" + street;
      vars.put(CaseVariables.CASE_NO, caseNo);
      vars.put(CaseVariables.CASE_TITLE, streetName + " " + cycle.reviewYear() + " 年度社区工作者等级评定（" + count + " 人）");
      vars.put(CaseVariables.CASE_ORG, streetName);
      vars.put("cycleNo", cycleNo);
      vars.put("reviewYear", cycle.reviewYear());
      vars.put("streetCode", street);
      vars.put("streetName", streetName);
      vars.put("effectiveAt", Date.from(cycle.effectiveDate().atStartOfDay(ZoneId.systemDefault()).toInstant()));
      String pid = runtime.startProcessInstanceByKey(CareerProcesses.REVIEW_STREET, caseNo, vars).getId();
      reviews.setBatchProcess(cycleNo, street, pid);
    }
    if (remaining.size() == 1) {
      reviews.setCycleStatus(cycleNo, "RUNNING", null);
    }
    return remaining.size() > 1;
  }

  /** Every review of the cycle is final (no change, effective, withdrawn or skipped) and all streets are open. */
  public boolean complete(String cycleNo) {
    ReviewCycle c = reviews.cycle(cycleNo).orElseThrow();
    return !"OPENING".equals(c.status()) && reviews.notFinal(cycleNo) == 0;
  }

  /**
   * Tells the cycle when its last review became final. The cycle row is locked first, so of two transactions
   * finishing the last reviews of two streets at once, the later one sees the other's and signals.
   */
  void checkCompletion(String cycleNo) {
    jdbc.sql("SELECT cycle_no FROM career_review_cycle WHERE cycle_no = :c FOR UPDATE").param("c", cycleNo)
        .query(String.class).single();
    if (complete(cycleNo)) {
      runtime.createMessageCorrelation(COMPLETED_MESSAGE).processInstanceBusinessKey(cycleNo).correlateAll();
    }
  }

  void close(String cycleNo, String processInstanceId) {
    reviews.setCycleStatus(cycleNo, "COMPLETED", now());
    ReviewCycle c = reviews.cycle(cycleNo).orElseThrow();
    Map<ReviewStage, Integer> counts = reviews.stageCounts(cycleNo);
    String summary = c.reviewYear() + " 年度社区工作者等级评定（" + c.scopeLabel() + "）已结束：共 " + c.workerCount()
        + " 人，" + counts.entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue() + " 人")
        .reduce((a, b) -> a + "，" + b).orElse("") + "。";
    notifier.toGroup(Groups.CIVIL_AFFAIRS, "年度等级评定结束：" + cycleNo, summary, cycleNo, processInstanceId,
        "review-cycle-closed:" + cycleNo);
  }

  /** @param blocked due by date, but the start would fail (e.g. a scope overlap): civil affairs is told */
  record ScheduleCheck(boolean due, int reviewYear, String why, boolean blocked) {
  }

  /**
   * Whether the yearly review should start today: enabled, on or after the configured date (MM-DD) but within
   * the catch-up window, and no city-wide review of last year yet.
   */
  ScheduleCheck scheduled(LocalDate today, VariableScope probeScope) {
    int year = today.getYear() - 1;
    if (policy.intValue("career.review.auto-start-enabled") != 1) {
      return new ScheduleCheck(false, year, "自动发起已关闭", false);
    }
    LocalDate start = monthDay("career.review.auto-start-date").atYear(today.getYear());
    int window = policy.intValue("career.review.auto-start-window-days");
    if (today.isBefore(start) || !today.isBefore(start.plusDays(Math.max(window, 1)))) {
      return new ScheduleCheck(false, year, "未到自动发起日期（" + start + " 起 " + window + " 天内）", false);
    }
    if (reviews.cycles(year).stream().anyMatch(c -> "CITY".equals(c.scopeKind()))) {
      return new ScheduleCheck(false, year, year + " 年度全市评定已发起", false);
    }
    FormInput probe = FormInput.of(probeScope);
    Scope scope = resolve(probe, "CITY", null, List.of());
    overlaps(probe, year, scope.workers());
    if (scope.workers().isEmpty() || !probe.valid()) {
      return new ScheduleCheck(false, year, "无法自动发起：" + (scope.workers().isEmpty() ? "没有在岗社区工作者"
          : FieldProblem.joinZh(probe.problems())), true);
    }
    return new ScheduleCheck(true, year, "到期", false);
  }

  private static List<List<String>> partition(List<String> ids) {
    List<List<String>> parts = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += 500) {
      parts.add(ids.subList(i, Math.min(ids.size(), i + 500)));
    }
    return parts;
  }

  static LocalDateTime now() {
    return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
  }
}
