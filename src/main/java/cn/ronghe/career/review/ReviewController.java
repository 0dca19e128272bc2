package cn.ronghe.career.review;

import cn.ronghe.career.CareerAccess;
import cn.ronghe.career.CareerProcesses;
import cn.ronghe.career.Worker;
import cn.ronghe.career.registry.WorkerRepository;
import cn.ronghe.notice.FormErrors;
import cn.ronghe.platform.audit.AuditEntry;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.error.RongheException;
import cn.ronghe.platform.security.ApiUser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/career/reviews")
@Tag(name = "年度等级评定 Annual grade review", description = "评定周期的发起与进度；每人每年度的评定及其全部决定")
class ReviewController {

  record CycleSummary(ReviewCycle cycle, Map<ReviewStage, Integer> stages) {
  }

  record StartRequest(Integer reviewYear, String scopeKind, String scopeCode, List<String> workerIds,
      String effectiveDate) {
  }

  record Started(String cycleNo, String processInstanceId) {
  }

  record WorkerReview(Review review, String stageLabel, List<AuditEntry> decisions) {
  }

  private final ReviewRepository reviews;
  private final RuntimeService runtime;
  private final WorkerRepository workers;
  private final DecisionLog log;

  ReviewController(ReviewRepository reviews, RuntimeService runtime, WorkerRepository workers, DecisionLog log) {
    this.reviews = reviews;
    this.runtime = runtime;
    this.workers = workers;
    this.log = log;
  }

  @GetMapping("/cycles")
  @Operation(summary = "Review cycles, newest first, with how many reviews stand at each stage")
  List<CycleSummary> cycles(@RequestParam(required = false) Integer year) {
    return reviews.cycles(year).stream().map(c -> new CycleSummary(c, reviews.stageCounts(c.cycleNo()))).toList();
  }

  @GetMapping("/cycles/{cycleNo}")
  CycleSummary cycle(@PathVariable String cycleNo) {
    ReviewCycle c = reviews.cycle(cycleNo).orElseThrow(() -> RongheException.notFound("评定周期", cycleNo));
    return new CycleSummary(c, reviews.stageCounts(cycleNo));
  }

  @PostMapping("/cycles")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Civil affairs starts a review for a year and scope (CITY, STREET, COMMUNITY or WORKERS)")
  Started start(ApiUser user, @RequestBody StartRequest request) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("reviewYear", request.reviewYear());
    vars.put("scopeKind", request.scopeKind());
    vars.put("scopeCode", request.scopeCode());
    // A JSON variable: a text variable holds 4,000 characters at most, a list of 10,000 ids is 80,000.
    vars.put("workerIds", request.workerIds() == null ? null : SpinValues.jsonValue(json(request.workerIds())).create());
    vars.put("effectiveDate", request.effectiveDate());
    ProcessInstance pi;
    try {
      pi = runtime.startProcessInstanceByKey(CareerProcesses.REVIEW_CYCLE, vars);
    } catch (FormFieldValidationException e) {
      throw FormErrors.toApiError(e);
    }
    String cycleNo = reviews.cycles(request.reviewYear()).stream()
        .filter(c -> pi.getId().equals(c.processInstanceId())).findFirst().orElseThrow().cycleNo();
    return new Started(cycleNo, pi.getId());
  }

  private static String json(List<String> ids) {
    try {
      return new ObjectMapper().writeValueAsString(ids);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @GetMapping("/{year}/{workerId}")
  @Operation(summary = "One worker's review of a year (case NJ-<year>-<workerId>) with every decision on it")
  WorkerReview review(ApiUser user, @PathVariable int year, @PathVariable String workerId) {
    Worker w = workers.find(workerId).orElseThrow(() -> RongheException.notFound("社区工作者", workerId));
    CareerAccess.requireSees(user, w.streetCode(), w.communityCode());
    Review r = reviews.reviewOf(workerId, year)
        .orElseThrow(() -> RongheException.notFound("年度评定", "NJ-" + year + "-" + workerId));
    return new WorkerReview(r, r.stage().label(), log.forCase(r.caseNo()));
  }
}
