package cn.ronghe.branch;

import cn.ronghe.identity.Groups;
import cn.ronghe.platform.calendar.Deadlines;
import cn.ronghe.platform.error.FieldProblem;
import cn.ronghe.platform.error.RongheException;
import cn.ronghe.platform.security.ApiUser;
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

/** The branch registry, star figures for the dashboard, and negative-list events. */
@RestController
@RequestMapping("/api/branches")
@Tag(name = "党支部星级 Branch stars", description = "党支部名册、星级分布、负面清单")
class BranchController {

  record NegativeEvent(String eventType, String occurredOn, String description) {
  }

  private final BranchRepository repository;
  private final BranchRatings ratings;
  private final Deadlines clock;
  private final TransactionTemplate tx;

  BranchController(BranchRepository repository, BranchRatings ratings, Deadlines clock, TransactionTemplate tx) {
    this.repository = repository;
    this.ratings = ratings;
    this.clock = clock;
    this.tx = tx;
  }

  @GetMapping
  @Operation(summary = "Party branches (any user), by street, community and kind (REGULAR, ACTION)")
  List<PartyBranch> branches(@RequestParam(required = false) String street,
      @RequestParam(required = false) String community, @RequestParam(required = false) String kind) {
    return repository.branches(street, community, kind);
  }

  @GetMapping("/{code}")
  @Operation(summary = "One branch with its star history and negative-list events")
  Map<String, Object> branch(@PathVariable String code) {
    PartyBranch b = repository.branch(code).orElseThrow(() -> RongheException.notFound("党支部", code));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("branch", b);
    m.put("history", repository.history(code));
    m.put("negativeEvents", repository.events(code));
    return m;
  }

  @GetMapping("/stars/distribution")
  @Operation(summary = "Dashboard: branches per star level and street — current stars, or those a year's rating gave")
  Map<String, Object> distribution(@RequestParam(required = false) Integer year) {
    List<Map<String, Object>> rows = repository.distribution(year);
    Map<Integer, Integer> city = new LinkedHashMap<>();
    for (int s = 5; s >= 1; s--) {
      city.put(s, 0);
    }
    rows.forEach(r -> city.merge((Integer) r.get("stars"), (Integer) r.get("count"), Integer::sum));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("year", year);
    m.put("city", city);
    m.put("streets", rows);
    return m;
  }

  @GetMapping("/ratings/cycles/{cycleNo}")
  @Operation(summary = "A rating cycle and its ratings")
  Map<String, Object> cycle(@PathVariable String cycleNo) {
    Map<String, Object> m = new LinkedHashMap<>(repository.cycle(cycleNo)
        .orElseThrow(() -> RongheException.notFound("评定周期", cycleNo)));
    m.put("ratings", repository.ratings(cycleNo, null, null, null));
    return m;
  }

  /** The street committee of the branch, or the organisation department, records an event of the negative list. */
  @PostMapping("/{code}/negative-events")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Record a negative-list event: the branch's stars are lowered at once by the list's rule")
  Map<String, Object> negativeEvent(ApiUser user, @PathVariable String code, @RequestBody NegativeEvent event) {
    PartyBranch b = repository.branch(code).orElseThrow(() -> RongheException.notFound("党支部", code));
    if (!user.isAdmin() && !user.inGroup(Groups.ORG_DEPT) && !user.inGroup(Groups.street(b.streetCode()))) {
      throw RongheException.forbidden("只有支部所在街道（镇）大工委或市委组织部可以登记负面清单事项",
          "Only the branch's street committee or the organisation department may record this");
    }
    List<FieldProblem> problems = new ArrayList<>();
    String type = event == null ? null : event.eventType();
    if (type == null || ratings.rules().effect(type) == null) {
      problems.add(new FieldProblem("eventType", "负面清单中没有该事项", "not on the negative list"));
    }
    LocalDate occurred = null;
    try {
      occurred = event == null || event.occurredOn() == null ? null : LocalDate.parse(event.occurredOn().strip());
    } catch (DateTimeParseException e) {
      // reported below
    }
    if (occurred == null || occurred.isAfter(clock.today()) || occurred.getYear() < 2000) {
      problems.add(new FieldProblem("occurredOn", "发生日期须为不晚于今天的日期（如 2026-03-01）",
          "must be a date not after today"));
    }
    String description = event == null || event.description() == null ? "" : event.description().strip();
    if (description.length() < 5 || description.length() > 1000) {
      problems.add(new FieldProblem("description", "情况说明须为 5–1000 字", "must be 5-1000 characters"));
    }
    if (!problems.isEmpty()) {
      throw RongheException.invalid(problems);
    }
    LocalDate day = occurred;
    long id = tx.execute(s -> ratings.recordEvent(code, type, day, description, user.id()));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("branch", repository.branch(code).orElseThrow());
    return m;
  }
}
