package cn.ronghe.evaluation;

import static cn.ronghe.evaluation.EvaluationProcesses.*;

import cn.ronghe.cobuilding.Csv;
import cn.ronghe.cobuilding.ProcessGateway;
import cn.ronghe.identity.Groups;
import cn.ronghe.platform.error.FieldProblem;
import cn.ronghe.platform.error.RongheException;
import cn.ronghe.platform.security.ApiUser;
import cn.ronghe.platform.security.AsSystem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/evaluation/cycles")
@Tag(name = "双向考评 Two-way evaluation", description = "考评周期、互评与结果 / cycles, ratings and results")
class CycleController {

  record CycleView(Cycle cycle, Map<String, Integer> pairingsByState, List<String> streets) {
  }

  record PairingDetail(PairingResult pairing, List<RatingRecord> ratings, List<Map<String, Object>> adjustments,
      List<Map<String, Object>> rectifications) {
  }

  record RatingInput(String unitCode, String communityCode, String direction, Map<String, Object> scores,
      String comment) {
  }

  private final EvaluationRepository repository;
  private final RectificationRepository rectifications;
  private final ProcessGateway processes;
  private final TaskService tasks;
  private final ScoringRules scoring;
  private final AsSystem asSystem;

  CycleController(EvaluationRepository repository, RectificationRepository rectifications, ProcessGateway processes,
      TaskService tasks, ScoringRules scoring, AsSystem asSystem) {
    this.repository = repository;
    this.rectifications = rectifications;
    this.processes = processes;
    this.tasks = tasks;
    this.scoring = scoring;
    this.asSystem = asSystem;
  }

  @GetMapping
  @Operation(summary = "All evaluation cycles, newest first")
  List<Cycle> list() {
    return repository.cycles();
  }

  @GetMapping("/{cycleNo}")
  @Operation(summary = "One cycle with its progress (pairings per state) and streets")
  CycleView cycle(@PathVariable String cycleNo) {
    Cycle c = find(cycleNo);
    Map<String, Integer> states = new LinkedHashMap<>();
    for (String s : List.of("PENDING", "OPEN", "RATED", "PUBLISHED", "DISSOLVED")) {
      states.put(s, repository.countInState(c.id(), s));
    }
    return new CycleView(c, states, repository.cycleStreets(c.id()));
  }

  @PostMapping
  @Operation(summary = "Start a cycle for a year and scope (organisation department); refused when it exists")
  ResponseEntity<CycleView> start(ApiUser user, @RequestBody Map<String, Object> body) {
    ResultAccess.requireOrgDept(user);
    Map<String, Object> vars = ProcessGateway.plain(body, List.of(EVAL_YEAR, SCOPE_TYPE, SCOPE_STREET, START_NOTE));
    ProcessInstanceWithVariables pi;
    try {
      pi = processes.start(CYCLE, vars);
    } catch (RongheException e) {
      boolean duplicate = e.problems().stream().anyMatch(p -> p.field().equals(SCOPE_TYPE)
          && p.messageEn().contains("already"));
      throw duplicate ? new RongheException(HttpStatus.CONFLICT, "CYCLE_EXISTS", e.messageZh(), e.messageEn(),
          e.problems()) : e;
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(cycle((String) pi.getVariables().get(CYCLE_NO)));
  }

  @GetMapping("/{cycleNo}/results")
  @Operation(summary = "Results per pairing (both grades, scores, final grades), optionally of one street")
  List<PairingResult> results(ApiUser user, @PathVariable String cycleNo, @RequestParam(required = false) String street) {
    Cycle c = find(cycleNo);
    boolean published = "PUBLISHED".equals(c.status());
    return repository.results(c.id(), street).stream().filter(p -> ResultAccess.sees(user, p, published)).toList();
  }

  @GetMapping(path = "/{cycleNo}/results.csv", produces = "text/csv")
  @Operation(summary = "The visible results of a cycle as CSV")
  ResponseEntity<byte[]> resultsCsv(ApiUser user, @PathVariable String cycleNo,
      @RequestParam(required = false) String street) {
    Csv csv = new Csv(List.of("考评周期", "年度", "镇街", "社区", "共建单位", "单位得分", "单位等级", "单位最终等级", "社区得分",
        "社区等级", "社区最终等级", "单位本年度报到", "状态"));
    for (PairingResult p : results(user, cycleNo, street)) {
      csv.row(p.cycleNo(), p.evalYear(), p.streetCode(), p.communityName(), p.unitName(), p.unitScore(),
          Grade.label(p.unitGrade()), Grade.label(p.unitFinalGrade()), p.communityScore(), Grade.label(p.communityGrade()),
          Grade.label(p.communityFinalGrade()), p.unitReported() == null ? null : p.unitReported() ? "是" : "否", p.state());
    }
    return csv.download("evaluation-" + cycleNo + ".csv");
  }

  @GetMapping("/{cycleNo}/pairings/{unitCode}/{communityCode}")
  @Operation(summary = "One pairing's evaluations with their dimension scores, adjustments and rectifications")
  PairingDetail pairing(ApiUser user, @PathVariable String cycleNo, @PathVariable String unitCode,
      @PathVariable String communityCode) {
    Cycle c = find(cycleNo);
    PairingResult p = repository.pairing(c.id(), unitCode, communityCode)
        .orElseThrow(() -> RongheException.notFound("结对", unitCode + " ↔ " + communityCode));
    if (!ResultAccess.sees(user, p, "PUBLISHED".equals(c.status()))) {
      throw RongheException.forbidden("考评结果发布前仅街道和组织部可查看", "Results are visible to you once published");
    }
    List<RatingRecord> ratings = java.util.stream.Stream.of(RatingDirection.values())
        .flatMap(d -> repository.rating(p.id(), d).stream()).toList();
    return new PairingDetail(p, ratings, repository.adjustments(p.id()), rectifications.of(p.id()));
  }

  /**
   * Submits an evaluation through the API. The caller must belong to the rating side of a pairing of this
   * cycle; the task's own checks (score range, comments on low scores, pairing still in place) then apply.
   */
  @PostMapping("/{cycleNo}/ratings")
  @Operation(summary = "Submit an evaluation for a pairing of this cycle (the rating side's staff)")
  ResponseEntity<RatingRecord> rate(ApiUser user, @PathVariable String cycleNo, @RequestBody RatingInput input) {
    Cycle c = find(cycleNo);
    if (input == null || input.unitCode() == null || input.communityCode() == null || input.direction() == null) {
      throw RongheException.invalid(List.of(new FieldProblem("unitCode/communityCode/direction",
          "须填写单位、社区和评价方向（C2U 社区评单位 / U2C 单位评社区）", "unitCode, communityCode and direction are required")));
    }
    RatingDirection direction;
    try {
      direction = RatingDirection.valueOf(input.direction());
    } catch (IllegalArgumentException e) {
      throw RongheException.invalid(List.of(new FieldProblem("direction", "评价方向须为 C2U 或 U2C", "direction must be C2U or U2C")));
    }
    String raterGroup = direction == RatingDirection.C2U ? Groups.community(input.communityCode())
        : Groups.unit(input.unitCode());
    if (!user.inGroup(raterGroup)) {
      throw RongheException.forbidden("您不是该结对的评价方（" + direction.label() + "）",
          "You do not belong to the rating side of this pairing (" + direction + ")");
    }
    PairingResult p = repository.pairing(c.id(), input.unitCode(), input.communityCode())
        .orElseThrow(() -> RongheException.forbidden("单位 " + input.unitCode() + " 与社区 " + input.communityCode()
            + " 在本次考评中没有结对关系", "unit " + input.unitCode() + " and community " + input.communityCode()
            + " are not paired in this cycle"));
    Task task = asSystem.call(() -> tasks.createTaskQuery().processDefinitionKey(RATING)
        .processInstanceBusinessKey(p.businessKey()).processVariableValueEquals(DIRECTION, direction.name())
        .singleResult());
    if (task == null) {
      throw RongheException.conflict("RATING_CLOSED", "该评价已提交、已截止或尚未开启", "this evaluation is not open");
    }
    List<String> dimensions = asSystem.call(() -> scoring.weights(direction)).stream()
        .map(WeightedTotal.Weight::dimension).toList();
    Map<String, Object> scores = input.scores() == null ? Map.of() : input.scores();
    List<String> unknown = scores.keySet().stream().filter(k -> !dimensions.contains(k)).toList();
    if (!unknown.isEmpty()) {
      throw RongheException.invalid(List.of(new FieldProblem("scores", "未知的评分项：" + String.join("、", unknown)
          + "（应为 " + String.join("、", dimensions) + "）", "unknown dimensions: " + String.join(", ", unknown))));
    }
    Map<String, Object> vars = new HashMap<>(ProcessGateway.plain(scores, dimensions));
    vars.put(RATING_COMMENT, input.comment());
    processes.complete(task.getId(), vars);
    return ResponseEntity.status(HttpStatus.CREATED).body(repository.rating(p.id(), direction).orElseThrow());
  }

  private Cycle find(String cycleNo) {
    return repository.cycle(cycleNo).orElseThrow(() -> RongheException.notFound("考评周期", cycleNo));
  }
}
