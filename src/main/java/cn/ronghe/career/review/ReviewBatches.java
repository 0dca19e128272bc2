package cn.ronghe.career.review;

import cn.ronghe.career.AssessmentResult;
import cn.ronghe.career.CareerProcesses;
import cn.ronghe.career.GradeAction;
import cn.ronghe.career.GradeChange;
import cn.ronghe.career.GradeChange.ChangeKind;
import cn.ronghe.career.Labelled;
import cn.ronghe.career.Worker;
import cn.ronghe.career.WorkerStatus;
import cn.ronghe.career.policy.DeployedDecisionTables;
import cn.ronghe.career.policy.GradeRules;
import cn.ronghe.career.policy.Proposal;
import cn.ronghe.career.registry.WorkerRepository;
import cn.ronghe.identity.Groups;
import cn.ronghe.notice.Notice;
import cn.ronghe.notice.NoticeRequest;
import cn.ronghe.notice.NoticeService;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.organisation.Street;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.calendar.Deadlines;
import cn.ronghe.platform.error.FieldProblem;
import cn.ronghe.platform.policy.PolicyParameters;
import cn.ronghe.platform.process.FormInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The work of one street's batch in a review cycle: what comes next, proposals in chunks, the batch decisions
 * with single send-backs, the street's answers to send-backs, and applying approved changes exactly once. Every
 * step writes one audit line per worker (case {@code NJ-<year>-<workerId>}).
 */
@Service("reviewBatches")
public class ReviewBatches {

  static final int MAX_ROWS = 100_000;

  private final ReviewRepository reviews;
  private final WorkerRepository workers;
  private final DeployedDecisionTables decisions;
  private final DecisionLog log;
  private final NoticeService notices;
  private final ReviewCycles cycles;
  private final PolicyParameters policy;
  private final Deadlines clock;
  private final RegistryRepository registry;

  ReviewBatches(ReviewRepository reviews, WorkerRepository workers, DeployedDecisionTables decisions,
      DecisionLog log, NoticeService notices, ReviewCycles cycles, PolicyParameters policy, Deadlines clock,
      RegistryRepository registry) {
    this.reviews = reviews;
    this.workers = workers;
    this.decisions = decisions;
    this.log = log;
    this.notices = notices;
    this.cycles = cycles;
    this.policy = policy;
    this.clock = clock;
    this.registry = registry;
  }

  /** The communities whose secretaries must confirm proposals now: the collection of the multi-instance task. */
  public List<String> pendingCommunities(String cycleNo, String street) {
    return reviews.communitiesAt(cycleNo, street, ReviewStage.PROPOSED);
  }

  /** The street's next step, earliest stage first, so each batch is complete when it reaches an approver. */
  String nextStep(String cycleNo, String street) {
    Map<ReviewStage, Integer> counts = reviews.stageCounts(cycleNo, street);
    if (counts.getOrDefault(ReviewStage.DUE, 0) > 0) {
      return "ASSESS";
    }
    if (counts.getOrDefault(ReviewStage.ASSESSED, 0) > 0) {
      return "PROPOSE";
    }
    if (counts.getOrDefault(ReviewStage.RETURNED, 0) > 0) {
      return "REVISE";
    }
    if (counts.getOrDefault(ReviewStage.PROPOSED, 0) > 0) {
      return "CONFIRM";
    }
    if (counts.getOrDefault(ReviewStage.CONFIRMED, 0) > 0) {
      return "REVIEW";
    }
    if (counts.getOrDefault(ReviewStage.REVIEWED, 0) > 0) {
      return "APPROVE";
    }
    return "AWAIT_EFFECTIVE";
  }

  int chunkSize() {
    return Math.max(1, policy.intValue("career.review.chunk-size"));
  }

  /** Proposes the next chunk of assessed reviews of the street by the rules; returns how many. */
  int propose(String cycleNo, String street, String processInstanceId) {
    List<Review> chunk = reviews.chunk(cycleNo, street, ReviewStage.ASSESSED, chunkSize());
    if (chunk.isEmpty()) {
      return 0;
    }
    GradeRules rules = decisions.current();
    Set<String> ids = chunk.stream().map(Review::workerId).collect(Collectors.toSet());
    Map<String, Worker> ws = workers.findAll(ids);
    Map<String, Map<Integer, AssessmentResult>> results = workers.assessments(ids, chunk.get(0).reviewYear() - 40);
    List<ReviewRepository.ProposalRow> rows = new ArrayList<>();
    LocalDateTime now = ReviewCycles.now();
    for (Review r : chunk) {
      Worker w = ws.get(r.workerId());
      if (w == null || w.status() != WorkerStatus.ACTIVE) {
        String why = "人员已不在岗（" + (w == null ? "已删除" : w.status().label()) + "），不再评定";
        reviews.markSkipped(r.id(), why, now);
        audit(r, processInstanceId, "Task_ProposeGrades", "SKIPPED", why, "system", null);
        continue;
      }
      Proposal p = rules.propose(w.post(), w.grade(), w.gradeSince(), r.reviewYear(),
          results.getOrDefault(w.workerId(), Map.of()));
      rows.add(new ReviewRepository.ProposalRow(r.id(), w.post(), w.grade(), p.action(), p.newGrade(), p.reason(),
          p.ruleVersion()));
      audit(r, processInstanceId, "Task_ProposeGrades", "PROPOSED_" + p.action().name(),
          p.action().label() + "（" + w.grade() + " 级 → " + p.newGrade() + " 级）：" + p.reason(), "system",
          p.ruleVersion());
    }
    reviews.saveProposals(rows, now);
    return chunk.size();
  }

  /** The reviews a batch task acts on (for its table and its decision). */
  List<Review> batch(BatchStep step, String cycleNo, String street, String community) {
    return reviews.reviews(cycleNo, street, step.perCommunity() ? community : null, List.of(step.from), MAX_ROWS);
  }

  record Outcome(int moved, int sentBack, String noticeNo) {
  }

  /**
   * One approver's decision on a whole batch: the listed reviews go back with their reasons, every other review
   * of the batch moves on. Problems (a worker not in the batch, a line twice, no reason) reject the whole decision.
   */
  Outcome decide(BatchStep step, String cycleNo, String street, String community, String sendBackText,
      String comment, String actor, String processInstanceId) {
    List<Review> batch = batch(step, cycleNo, street, community);
    Map<String, Review> byWorker = new HashMap<>();
    batch.forEach(r -> byWorker.put(r.workerId(), r));
    List<FieldProblem> problems = new ArrayList<>();
    Map<Review, String> back = new java.util.LinkedHashMap<>();
    for (SendBackLines.Line line : SendBackLines.parse(sendBackText, "sendBackLines", problems)) {
      Review r = byWorker.get(line.workerId());
      if (r == null) {
        problems.add(lineProblem(line, "工号 " + line.workerId() + " 不在本批次中", "is not in this batch"));
      } else if (back.containsKey(r)) {
        problems.add(lineProblem(line, "工号 " + line.workerId() + " 重复", "is listed twice"));
      } else if (line.rest().length() < 2) {
        problems.add(lineProblem(line, "请写明退回理由", "needs a reason"));
      } else {
        back.put(r, line.rest().length() > 500 ? line.rest().substring(0, 500) : line.rest());
      }
    }
    if (!problems.isEmpty()) {
      throw FormInput.invalid(problems);
    }
    LocalDateTime now = ReviewCycles.now();
    String note = comment == null || comment.isBlank() ? "" : "（" + comment.strip() + "）";
    back.forEach((r, reason) -> {
      reviews.move(r.id(), step.from, step.back, reason, actor, now);
      audit(r, processInstanceId, step.taskKey, "SENT_BACK", step.backLabel + "：" + reason, actor, r.ruleVersion());
    });
    List<Review> rest = batch.stream().filter(r -> !back.containsKey(r)).toList();
    String noticeNo = null;
    if (step == BatchStep.APPROVE) {
      noticeNo = approve(cycleNo, street, rest, actor, now);
    } else {
      reviews.moveAll(cycleNo, street, step.perCommunity() ? community : null, step.from, step.to, null, actor, null,
          now);
    }
    String decision = step == BatchStep.CONFIRM ? "CONFIRMED" : step == BatchStep.REVIEW ? "REVIEWED" : "APPROVED";
    for (Review r : rest) {
      audit(r, processInstanceId, step.taskKey, decision, "同意" + r.proposal().label() + "（" + r.gradeBefore()
          + " 级 → " + r.proposedGrade() + " 级）" + note, actor, r.ruleVersion());
    }
    if (step == BatchStep.APPROVE) {
      cycles.checkCompletion(cycleNo);
    }
    return new Outcome(rest.size(), back.size(), noticeNo);
  }

  /** Holds are final at once; promotions and demotions go into one public notice of the street. */
  private String approve(String cycleNo, String street, List<Review> approved, String actor, LocalDateTime now) {
    reviews.moveAll(cycleNo, street, null, ReviewStage.REVIEWED, ReviewStage.NO_CHANGE, GradeAction.HOLD, actor, null,
        now);
    List<Review> changes = approved.stream().filter(r -> r.proposal() != GradeAction.HOLD).toList();
    if (changes.isEmpty()) {
      return null;
    }
    ReviewCycle cycle = reviews.cycle(cycleNo).orElseThrow();
    String streetName = registry.street(street).map(Street::name).orElse(street);
    Set<String> audience = new LinkedHashSet<>();
    audience.add(Groups.street(street));
    changes.forEach(r -> audience.add(Groups.community(r.communityCode())));
    List<NoticeRequest.Item> items = changes.stream().map(r -> new NoticeRequest.Item(r.workerId(), r.workerName(),
        r.communityName(), r.post().label() + " " + r.gradeBefore() + " 级 → " + r.proposedGrade() + " 级（"
            + r.proposal().label() + "）", String.valueOf(r.id()))).toList();
    Notice notice = notices.publish(new NoticeRequest(CareerNoticeOwner.KIND, streetName + " " + cycle.reviewYear()
        + " 年度社区工作者等级调整公示", streetName, "经社区确认、街道审核、市民政局审批，以下 " + changes.size()
        + " 名社区工作者拟于 " + cycle.effectiveDate() + " 起调整等级，现予公示。对公示人员有异议的，请在公示期内实名提出。",
        cycleNo, Groups.CIVIL_AFFAIRS, List.copyOf(audience), items), actor);
    for (GradeAction action : List.of(GradeAction.PROMOTE, GradeAction.DEMOTE)) {
      reviews.moveAll(cycleNo, street, null, ReviewStage.REVIEWED, ReviewStage.IN_NOTICE, action, actor,
          notice.noticeNo(), now);
    }
    return notice.noticeNo();
  }

  /**
   * The street answers reviews a community sent back: a corrected result (proposed again) or the same result
   * with a note (back to the community). Every returned review must be answered once.
   */
  void revise(String cycleNo, String street, String text, String actor, String processInstanceId) {
    List<Review> returned = reviews.reviews(cycleNo, street, null, List.of(ReviewStage.RETURNED), MAX_ROWS);
    Map<String, Review> byWorker = new HashMap<>();
    returned.forEach(r -> byWorker.put(r.workerId(), r));
    List<FieldProblem> problems = new ArrayList<>();
    Map<Review, Object[]> answers = new java.util.LinkedHashMap<>();
    for (SendBackLines.Line line : SendBackLines.parse(text, "revisionLines", problems)) {
      Review r = byWorker.get(line.workerId());
      String[] parts = line.rest().split("[\\s,，、]+", 2);
      AssessmentResult result = Labelled.parse(AssessmentResult.class, parts[0]).orElse(null);
      String note = parts.length > 1 ? parts[1].strip() : "";
      if (r == null) {
        problems.add(lineProblem("revisionLines", line, "工号 " + line.workerId() + " 不是被退回的建议", "was not sent back"));
      } else if (answers.containsKey(r)) {
        problems.add(lineProblem("revisionLines", line, "工号 " + line.workerId() + " 重复", "is listed twice"));
      } else if (result == null) {
        problems.add(lineProblem("revisionLines", line, "考核结果须为" + Labelled.labels(AssessmentResult.class),
            "the result must be one of the four values"));
      } else if (note.length() < 2) {
        problems.add(lineProblem("revisionLines", line, "请写明处理说明", "needs a note"));
      } else {
        answers.put(r, new Object[] {result, note.length() > 500 ? note.substring(0, 500) : note});
      }
    }
    List<String> missing = returned.stream().filter(r -> !answers.containsKey(r)).map(Review::workerId).toList();
    if (!missing.isEmpty()) {
      problems.add(new FieldProblem("revisionLines", "以下被退回的建议尚未处理：" + String.join("、", missing),
          "these returned reviews need an answer: " + String.join(", ", missing)));
    }
    if (!problems.isEmpty()) {
      throw FormInput.invalid(problems);
    }
    LocalDateTime now = ReviewCycles.now();
    answers.forEach((r, a) -> {
      AssessmentResult result = (AssessmentResult) a[0];
      String note = (String) a[1];
      if (result != r.assessment()) {
        workers.putAssessment(r.workerId(), r.reviewYear(), result, "FORM", actor);
        reviews.setAssessment(r.id(), result, ReviewStage.ASSESSED, "街道更正考核结果为" + result.label() + "：" + note,
            actor, now);
        audit(r, processInstanceId, "Task_ReviseReturned", "CORRECTED_" + result.name(), note, actor, null);
      } else {
        reviews.move(r.id(), ReviewStage.RETURNED, ReviewStage.PROPOSED, "街道维持原考核结果：" + note, actor, now);
        audit(r, processInstanceId, "Task_ReviseReturned", "KEPT", note, actor, r.ruleVersion());
      }
    });
  }

  /** Applies the next chunk of released changes of the street; returns how many were handled. */
  int applyChunk(String cycleNo, String street, String processInstanceId) {
    List<Review> chunk = reviews.chunk(cycleNo, street, ReviewStage.RELEASED, chunkSize());
    if (chunk.isEmpty()) {
      return 0;
    }
    ReviewCycle cycle = reviews.cycle(cycleNo).orElseThrow();
    GradeRules rules = decisions.current();
    for (Review r : chunk) {
      apply(r, cycle, rules, processInstanceId);
    }
    cycles.checkCompletion(cycleNo);
    return chunk.size();
  }

  boolean moreToApply(String cycleNo, String street) {
    return reviews.stageCounts(cycleNo, street).getOrDefault(ReviewStage.RELEASED, 0) > 0;
  }

  /**
   * Grade, pay coefficient and a history line, on the configured date (or today, when released later). The stage
   * moves RELEASED → EFFECTIVE first, in the same transaction, so a retried job or a second node finds nothing to
   * do; a worker whose post or grade changed meanwhile is skipped and the reason recorded.
   */
  void apply(Review r, ReviewCycle cycle, GradeRules rules, String processInstanceId) {
    LocalDate today = clock.today();
    LocalDate effective = today.isAfter(cycle.effectiveDate()) ? today : cycle.effectiveDate();
    LocalDateTime now = ReviewCycles.now();
    if (!reviews.claimEffective(r.id(), effective, now)) {
      return;
    }
    BigDecimal pay = rules.payCoefficient(r.proposedGrade());
    if (!workers.changeGrade(r.workerId(), r.post(), r.gradeBefore(), r.post(), null, r.proposedGrade(), effective,
        pay)) {
      String why = "评定期间人员的岗位、等级或在岗状态已变动，本次等级调整未执行";
      reviews.markSkipped(r.id(), why, now);
      audit(r, processInstanceId, "Task_ApplyGradeChanges", "SKIPPED", why, "system", r.ruleVersion());
      return;
    }
    if (!workers.hasHistory(r.workerId(), r.caseNo())) {
      workers.addHistory(List.of(new GradeChange(null, r.workerId(), r.proposal() == GradeAction.PROMOTE
          ? ChangeKind.PROMOTE : ChangeKind.DEMOTE, r.post(), r.post(), r.gradeBefore(), r.proposedGrade(), pay,
          r.reviewYear() + " 年度等级评定：" + r.proposalReason() + "（公示 " + r.noticeNo() + " 期满无异议）",
          r.approvedBy() == null ? "system" : r.approvedBy(), effective, r.caseNo(), processInstanceId,
          r.ruleVersion() + "; " + rules.payVersion(), null)));
    }
    audit(r, processInstanceId, "Task_ApplyGradeChanges", "EFFECTIVE", r.post().label() + " " + r.gradeBefore()
        + " 级 → " + r.proposedGrade() + " 级，薪酬系数 " + pay + "，自 " + effective + " 起", "system", rules.payVersion());
  }

  // ---- outcomes of the public notice ----

  void released(Collection<Long> reviewIds) {
    LocalDateTime now = ReviewCycles.now();
    Set<String> touched = new HashSet<>();
    GradeRules rules = null;
    for (long id : reviewIds) {
      Review r = reviews.review(id).orElseThrow();
      if (!reviews.move(id, ReviewStage.IN_NOTICE, ReviewStage.RELEASED, null, "system", now)
          && !reviews.move(id, ReviewStage.OBJECTED, ReviewStage.RELEASED, null, "system", now)) {
        continue;
      }
      touched.add(r.cycleNo());
      ReviewCycle cycle = reviews.cycle(r.cycleNo()).orElseThrow();
      if (!clock.today().isBefore(cycle.effectiveDate())) {
        rules = rules == null ? decisions.current() : rules;
        String pid = reviews.batchProcess(r.cycleNo(), r.streetCode()).orElse(null);
        apply(reviews.review(id).orElseThrow(), cycle, rules, pid);
      }
    }
    touched.forEach(cycles::checkCompletion);
  }

  void objected(long reviewId, String noticeNo) {
    Review r = reviews.review(reviewId).orElseThrow();
    reviews.move(reviewId, ReviewStage.IN_NOTICE, ReviewStage.OBJECTED, "公示 " + noticeNo + " 中有异议，暂缓生效",
        "system", ReviewCycles.now());
    audit(r, null, "notice", "OBJECTED", "公示 " + noticeNo + " 中有异议，暂缓生效", "system", null);
  }

  void cleared(long reviewId) {
    Review r = reviews.review(reviewId).orElseThrow();
    reviews.move(reviewId, ReviewStage.OBJECTED, ReviewStage.IN_NOTICE, "异议不成立，恢复公示", "system",
        ReviewCycles.now());
    audit(r, null, "notice", "OBJECTION_REJECTED", "异议不成立，恢复公示", "system", null);
  }

  void withdrawn(long reviewId, String reason) {
    Review r = reviews.review(reviewId).orElseThrow();
    LocalDateTime now = ReviewCycles.now();
    for (ReviewStage from : EnumSet.of(ReviewStage.OBJECTED, ReviewStage.IN_NOTICE, ReviewStage.RELEASED)) {
      reviews.move(reviewId, from, ReviewStage.WITHDRAWN, "异议成立，撤销：" + reason, "system", now);
    }
    audit(r, null, "notice", "WITHDRAWN", "异议成立，等级调整撤销：" + reason, "system", null);
    cycles.checkCompletion(r.cycleNo());
  }

  private void audit(Review r, String processInstanceId, String step, String decision, String reason, String actor,
      String ruleVersion) {
    log.record(r.caseNo(), CareerProcesses.REVIEW_STREET, processInstanceId, step, decision, reason, actor,
        ruleVersion);
  }

  private static FieldProblem lineProblem(SendBackLines.Line line, String zh, String en) {
    return lineProblem("sendBackLines", line, zh, en);
  }

  private static FieldProblem lineProblem(String field, SendBackLines.Line line, String zh, String en) {
    return new FieldProblem(field, "第 " + line.number() + " 行：" + zh, "line " + line.number() + ": " + en);
  }
}
