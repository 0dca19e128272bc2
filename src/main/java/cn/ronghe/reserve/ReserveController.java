package cn.ronghe.reserve;

import cn.ronghe.identity.Groups;
import cn.ronghe.platform.error.FieldProblem;
import cn.ronghe.platform.error.RongheException;
import cn.ronghe.platform.security.ApiUser;
import cn.ronghe.reserve.ReserveRecords.Candidate;
import cn.ronghe.reserve.ReserveRecords.Cohort;
import cn.ronghe.reserve.ReserveRecords.Session;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Cohorts, candidates, training rounds and forums with attendance, exits, and the end-of-cohort report. */
@RestController
@RequestMapping("/api/reserve")
@Tag(name = "后备书记 Reserve secretaries", description = "社区书记后备人选三年计划、头雁工程培训、书记论坛")
class ReserveController {

  record NewSession(String cohortCode, String kind, String title, String heldOn, String place,
      List<Long> candidateIds) {
  }

  record Exit(String reason) {
  }

  private final ReserveRepository repository;
  private final ReservePlan plan;
  private final TransactionTemplate tx;

  ReserveController(ReserveRepository repository, ReservePlan plan, TransactionTemplate tx) {
    this.repository = repository;
    this.plan = plan;
    this.tx = tx;
  }

  @GetMapping("/cohorts")
  @Operation(summary = "Cohorts of the 3-year plan")
  List<Cohort> cohorts() {
    return repository.cohorts();
  }

  @GetMapping("/cohorts/{code}/candidates")
  @Operation(summary = "Candidates of a cohort, by street or community")
  List<Candidate> candidates(@PathVariable String code, @RequestParam(required = false) String street,
      @RequestParam(required = false) String community) {
    return repository.candidates(cohort(code).code(), street, community);
  }

  @GetMapping("/candidates/{id}")
  @Operation(summary = "A candidate with the yearly assessments")
  Map<String, Object> candidate(@PathVariable long id) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("candidate", repository.candidate(id).orElseThrow(() -> RongheException.notFound("后备人选", "" + id)));
    m.put("assessments", repository.assessments(id));
    return m;
  }

  @GetMapping("/cohorts/{code}/sessions")
  @Operation(summary = "Lead-goose training rounds and quarterly forums of a cohort, with attendance")
  List<Session> sessions(@PathVariable String code) {
    return repository.sessions(cohort(code).code());
  }

  /** Who is ready for appointment, per street: the report at the end of the cohort (and its state meanwhile). */
  @GetMapping("/cohorts/{code}/report")
  @Operation(summary = "End-of-cohort report: candidates per street and status, the ready ones by name")
  Map<String, Object> report(@PathVariable String code) {
    Cohort c = cohort(code);
    Map<String, Map<String, Integer>> byStreet = new LinkedHashMap<>();
    List<Map<String, Object>> ready = new ArrayList<>();
    for (Candidate x : repository.candidates(c.code(), null, null)) {
      byStreet.computeIfAbsent(x.streetCode(), s -> new LinkedHashMap<>()).merge(x.status(), 1, Integer::sum);
      if ("READY".equals(x.status())) {
        ready.add(Map.of("id", x.id(), "name", x.fullName(), "community", x.communityName(), "street",
            x.streetCode(), "assessments", repository.assessments(x.id())));
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cohort", c);
    m.put("byStreet", byStreet);
    m.put("ready", ready);
    return m;
  }

  @PostMapping("/sessions")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Record a lead-goose training round (TRAINING) or a forum (FORUM) with who attended")
  Session recordSession(ApiUser user, @RequestBody NewSession s) {
    user.requireAnyGroup(Groups.ORG_DEPT);
    List<FieldProblem> problems = new ArrayList<>();
    Cohort cohort = s == null || s.cohortCode() == null ? null : repository.cohort(s.cohortCode()).orElse(null);
    if (cohort == null) {
      problems.add(new FieldProblem("cohortCode", "届次不存在", "unknown cohort"));
    }
    if (s == null || s.kind() == null || !List.of("TRAINING", "FORUM").contains(s.kind())) {
      problems.add(new FieldProblem("kind", "类型须为 TRAINING（头雁工程培训）或 FORUM（书记论坛）",
          "must be TRAINING or FORUM"));
    }
    if (s == null || s.title() == null || s.title().isBlank() || s.title().length() > 200) {
      problems.add(new FieldProblem("title", "请填写主题（200 字以内）", "title of 1-200 characters"));
    }
    if (s == null || s.place() == null || s.place().isBlank() || s.place().length() > 100) {
      problems.add(new FieldProblem("place", "请填写地点（100 字以内）", "place of 1-100 characters"));
    }
    LocalDate on = null;
    try {
      on = s == null || s.heldOn() == null ? null : LocalDate.parse(s.heldOn().strip());
    } catch (DateTimeParseException e) {
      // reported below
    }
    if (on == null || on.isAfter(ReservePlan.today()) || cohort != null && on.getYear() < cohort.startYear()) {
      problems.add(new FieldProblem("heldOn", "日期须在本届内且不晚于今天", "a date of the cohort, not after today"));
    }
    List<Long> ids = s == null || s.candidateIds() == null ? List.of() : s.candidateIds();
    for (Long id : ids) {
      Candidate c = id == null ? null : repository.candidate(id).orElse(null);
      if (c == null || cohort != null && !c.cohortCode().equals(cohort.code()) || !"ACTIVE".equals(c.status())) {
        problems.add(new FieldProblem("candidateIds", "后备人选 " + id + " 不是本届在册人选", "candidate " + id
            + " is not an active candidate of the cohort"));
      }
    }
    if (!problems.isEmpty()) {
      throw RongheException.invalid(problems);
    }
    LocalDate day = on;
    long id = tx.execute(t -> {
      long sid = repository.insertSession(cohort.code(), s.kind(), s.title().strip(), day, s.place().strip(), user.id());
      ids.forEach(c -> repository.attend(sid, c));
      return sid;
    });
    return repository.sessions(cohort.code()).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
  }

  /** The candidate's street or the organisation department ends a candidate's plan. */
  @PostMapping("/candidates/{id}/exit")
  @Operation(summary = "A candidate leaves the plan; the community is asked to nominate a replacement")
  Candidate exit(ApiUser user, @PathVariable long id, @RequestBody Exit exit) {
    Candidate c = repository.candidate(id).orElseThrow(() -> RongheException.notFound("后备人选", "" + id));
    if (!user.isAdmin() && !user.inGroup(Groups.ORG_DEPT) && !user.inGroup(Groups.street(c.streetCode()))) {
      throw RongheException.forbidden("只有人选所在街道或市委组织部可以办理退出",
          "Only the candidate's street or the organisation department may do this");
    }
    String reason = exit == null || exit.reason() == null ? "" : exit.reason().strip();
    if (reason.length() < 5 || reason.length() > 500) {
      throw RongheException.invalid(List.of(new FieldProblem("reason", "请写明退出原因（5–500 字）",
          "reason of 5-500 characters")));
    }
    if (!List.of("NOMINATED", "ACTIVE").contains(c.status())) {
      throw RongheException.conflict("RESERVE_NOT_IN_PLAN", "该人选不在计划中（" + c.status() + "）",
          "the candidate is not in the plan");
    }
    tx.executeWithoutResult(t -> {
      if (!plan.requestExit(c, reason, user.id())) {
        plan.exit(id, reason, user.id(), null);
      }
    });
    return repository.candidate(id).orElseThrow();
  }

  private Cohort cohort(String code) {
    return repository.cohort(code).orElseThrow(() -> RongheException.notFound("届次", code));
  }
}
