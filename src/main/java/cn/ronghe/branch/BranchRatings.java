package cn.ronghe.branch;

import cn.ronghe.career.policy.DeployedDecisionTables;
import cn.ronghe.identity.Groups;
import cn.ronghe.notice.Notice;
import cn.ronghe.notice.NoticeRequest;
import cn.ronghe.notice.NoticeService;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.calendar.Deadlines;
import cn.ronghe.platform.error.FieldProblem;
import cn.ronghe.platform.policy.PolicyParameters;
import cn.ronghe.platform.process.CodedLines;
import cn.ronghe.platform.process.FormInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * The work of a rating cycle: self-assessment, community review with single send-backs, street rating, the
 * negative list, the organisation department's rating with the quota check, notice and effect. Every decision
 * on a branch is written to the audit trail under the branch's case ({@code XJ-2025-PB00017}).
 */
@Service("branchRatings")
public class BranchRatings {

  static final String CODE = "PB\\d{5}";

  private final BranchRepository repository;
  private final DeployedDecisionTables decisions;
  private final DecisionLog log;
  private final PolicyParameters policy;
  private final NoticeService notices;
  private final RuntimeService runtime;
  private final Deadlines clock;

  BranchRatings(BranchRepository repository, DeployedDecisionTables decisions, DecisionLog log,
      PolicyParameters policy, NoticeService notices, RuntimeService runtime, Deadlines clock) {
    this.repository = repository;
    this.decisions = decisions;
    this.log = log;
    this.policy = policy;
    this.notices = notices;
    this.runtime = runtime;
    this.clock = clock;
  }

  public StarRules rules() {
    return new StarRules(decisions.latest(BranchProcesses.DMN_PREFIX));
  }

  /** The communities with branches in the cycle: the collection of the per-community subprocess. */
  public List<String> communities(String cycleNo) {
    return repository.communities(cycleNo);
  }

  List<String> streets(String cycleNo) {
    return repository.streets(cycleNo);
  }

  // ---- opening ----

  /** The branches of a scope; problems (unknown code, already rated this year) are added to {@code in}. */
  List<PartyBranch> scope(String kind, String code, List<String> codes, int year, FormInput in) {
    List<PartyBranch> branches = switch (kind) {
      case "CITY" -> repository.branches(null, null, null);
      case "STREET" -> repository.branches(code, null, null);
      case "COMMUNITY" -> repository.branches(null, code, null);
      default -> {
        List<PartyBranch> list = new ArrayList<>();
        for (String c : codes) {
          repository.branch(c).filter(PartyBranch::active).ifPresentOrElse(list::add,
              () -> in.addProblem("branchCodes", "支部编号 " + c + " 不存在或已撤销", "no active branch " + c));
        }
        yield list;
      }
    };
    if (branches.isEmpty() && in.valid()) {
      in.addProblem("scopeCode", "评定范围内没有党支部", "the scope holds no branch");
    }
    List<String> rated = repository.alreadyRated(branches.stream().map(PartyBranch::code).toList(), year);
    if (!rated.isEmpty()) {
      in.addProblem("ratingYear", year + " 年度已评定或正在评定的支部：" + String.join("、", rated.subList(0,
          Math.min(rated.size(), 10))) + (rated.size() > 10 ? " 等 " + rated.size() + " 个" : ""),
          "already rated for " + year + ": " + String.join(", ", rated.subList(0, Math.min(rated.size(), 10))));
    }
    return branches;
  }

  void open(String cycleNo, int year, List<PartyBranch> branches, String scopeLabel, String actor, String pid) {
    LocalDateTime now = now();
    repository.insertCycle(cycleNo, year, scopeLabel, actor, now, pid);
    for (PartyBranch b : branches) {
      repository.insertRating(cycleNo, year, b, actor, now);
    }
  }

  // ---- community ----

  /**
   * Self-assessment lines {@code PB00017 92 88 95 90 85}: one score (0–100) per indicator of the branch's kind,
   * in the index's order. Then every branch of the community that is due must have its scores.
   */
  void selfAssessment(String cycleNo, String community, String text, String actor) {
    List<Rating> due = repository.ratings(cycleNo, null, community, List.of("SELF_DUE"));
    Map<String, Rating> byCode = index(due);
    StarRules rules = rules();
    List<FieldProblem> problems = new ArrayList<>();
    Map<Rating, Map<String, BigDecimal>> entered = new LinkedHashMap<>();
    for (CodedLines.Line line : CodedLines.parse(text, "scoreLines", CODE, "PB00017 92 88 95 90 85", problems)) {
      Rating r = byCode.get(line.code());
      if (r == null) {
        problems.add(line.problem("scoreLines", line.code() + " 不是本社区待自评的支部", "is not due here"));
        continue;
      }
      if (entered.containsKey(r)) {
        problems.add(line.problem("scoreLines", line.code() + " 重复", "is listed twice"));
        continue;
      }
      List<StarRules.Indicator> indicators = rules.indicators(r.kind());
      String[] parts = line.parts(indicators.size() + 1);
      if (parts.length != indicators.size()) {
        problems.add(line.problem("scoreLines", "应有 " + indicators.size() + " 项得分（" + rules.describeIndex(r.kind())
            + "）", "needs " + indicators.size() + " scores"));
        continue;
      }
      Map<String, BigDecimal> scores = new HashMap<>();
      for (int i = 0; i < parts.length; i++) {
        BigDecimal s = score(parts[i]);
        if (s == null) {
          problems.add(line.problem("scoreLines", "第 " + (i + 1) + " 项得分须为 0–100 的数", "score " + (i + 1)
              + " must be a number from 0 to 100"));
          break;
        }
        scores.put(indicators.get(i).code(), s);
      }
      if (scores.size() == indicators.size()) {
        entered.put(r, scores);
      }
    }
    if (!problems.isEmpty()) {
      throw FormInput.invalid(problems);
    }
    LocalDateTime now = now();
    entered.forEach((r, scores) -> {
      List<StarRules.Indicator> indicators = rules.indicators(r.kind());
      repository.saveScores(r.id(), indicators, scores, StarRules.total(indicators, scores), actor, now);
    });
    List<String> missing = repository.ratings(cycleNo, null, community, List.of("SELF_DUE")).stream()
        .filter(r -> r.selfScore() == null).map(r -> r.branchCode() + " " + r.branchName()).toList();
    if (!missing.isEmpty()) {
      throw FormInput.invalid(List.of(new FieldProblem("scoreLines", "以下支部尚未自评：" + String.join("、", missing),
          "self-assessment missing for " + missing.size() + " branch(es)")));
    }
    for (Rating r : repository.ratings(cycleNo, null, community, List.of("SELF_DUE"))) {
      repository.move(r.id(), "SELF_DUE", "SELF_DONE", null, actor, now);
      audit(r, null, "Task_SelfAssessment", "SELF_ASSESSED", "自评总分 " + r.selfScore(), actor, rules.version());
    }
  }

  /**
   * Community review: single branches go back to self-assessment with a reason ({@code PB00017 理由}); single
   * totals are corrected ({@code PB00017 85 理由}); the rest is confirmed with its self-assessed total.
   * @return how many went back
   */
  int communityReview(String cycleNo, String community, String adjustText, String sendBackText, String comment,
      String actor, String pid) {
    List<Rating> batch = repository.ratings(cycleNo, null, community, List.of("SELF_DONE"));
    Map<String, Rating> byCode = index(batch);
    List<FieldProblem> problems = new ArrayList<>();
    Map<Rating, String> back = new LinkedHashMap<>();
    for (CodedLines.Line line : CodedLines.parse(sendBackText, "sendBackLines", CODE, "PB00017 退回理由", problems)) {
      Rating r = pick(byCode, line, "sendBackLines", back.keySet(), problems);
      if (r != null) {
        if (line.rest().length() < 2) {
          problems.add(line.problem("sendBackLines", "请写明退回理由", "needs a reason"));
        } else {
          back.put(r, line.rest());
        }
      }
    }
    Map<Rating, Object[]> adjusted = new LinkedHashMap<>();
    for (CodedLines.Line line : CodedLines.parse(adjustText, "adjustLines", CODE, "PB00017 85 调整理由", problems)) {
      Rating r = pick(byCode, line, "adjustLines", adjusted.keySet(), problems);
      String[] parts = line.parts(2);
      BigDecimal s = parts.length > 0 ? score(parts[0]) : null;
      if (r == null) {
        continue;
      } else if (back.containsKey(r)) {
        problems.add(line.problem("adjustLines", line.code() + " 已退回重新自评，不能同时调整", "is also sent back"));
      } else if (s == null || parts.length < 2 || parts[1].length() < 2) {
        problems.add(line.problem("adjustLines", "格式应为“支部编号 审核得分(0–100) 理由”", "expected code, score, reason"));
      } else {
        adjusted.put(r, new Object[] {s, parts[1]});
      }
    }
    if (!problems.isEmpty()) {
      throw FormInput.invalid(problems);
    }
    LocalDateTime now = now();
    StarRules rules = rules();
    String note = blank(comment) ? "" : "（" + comment.strip() + "）";
    back.forEach((r, reason) -> {
      repository.move(r.id(), "SELF_DONE", "SELF_DUE", "社区退回重新自评：" + reason, actor, now);
      repository.saveScores(r.id(), List.of(), Map.of(), null, actor, now);
      audit(r, pid, "Task_CommunityReview", "SENT_BACK", reason, actor, null);
    });
    for (Rating r : batch) {
      if (back.containsKey(r)) {
        continue;
      }
      Object[] a = adjusted.get(r);
      BigDecimal score = a == null ? r.selfScore() : (BigDecimal) a[0];
      int stars = rules.stars(score);
      repository.setReview(r.id(), score, stars, rules.version());
      repository.move(r.id(), "SELF_DONE", "REVIEWED", a == null ? null : "社区审核调整为 " + score + " 分：" + a[1],
          actor, now);
      audit(r, pid, "Task_CommunityReview", a == null ? "REVIEWED" : "REVIEWED_ADJUSTED", "审核得分 " + score
          + "（自评 " + r.selfScore() + "），对应 " + stars + " 星" + (a == null ? "" : "：" + a[1]) + note, actor,
          rules.version());
    }
    return back.size();
  }

  // ---- street ----

  /** Street rating: stars of single branches set with a reason ({@code PB00017 3 理由}), the rest as proposed. */
  void streetRating(String cycleNo, String street, String adjustText, String comment, String actor, String pid) {
    List<Rating> batch = repository.ratings(cycleNo, street, null, List.of("REVIEWED"));
    Map<Rating, Object[]> adjusted = starLines(batch, adjustText, "adjustLines");
    LocalDateTime now = now();
    String note = blank(comment) ? "" : "（" + comment.strip() + "）";
    for (Rating r : batch) {
      Object[] a = adjusted.get(r);
      int stars = a == null ? r.streetStars() : (Integer) a[0];
      repository.setStreetStars(r.id(), stars);
      repository.move(r.id(), "REVIEWED", "STREET_RATED", a == null ? null : "街道评定 " + stars + " 星：" + a[1],
          actor, now);
      audit(r, pid, "Task_StreetRating", a == null ? "STREET_RATED" : "STREET_ADJUSTED", "街道评定 " + stars + " 星"
          + (a == null ? "" : "（建议 " + r.streetStars() + " 星）：" + a[1]) + note, actor, null);
    }
  }

  /** The negative list: the stars of every street-rated branch, lowered by the events of the rating year. */
  void applyNegativeList(String cycleNo, String pid) {
    StarRules rules = rules();
    LocalDateTime now = now();
    for (Rating r : repository.ratings(cycleNo, null, null, List.of("STREET_RATED"))) {
      List<StarRules.Effect> effects = effects(rules, repository.eventTypes(r.branchCode(), r.ratingYear(), null));
      StarRules.Lowered lowered = StarRules.lower(r.streetStars(), effects);
      repository.setProposed(r.id(), lowered.stars(), effects.isEmpty() ? null : lowered.note(), now);
      if (lowered.stars() < r.streetStars()) {
        audit(r, pid, "Task_ApplyNegativeList", "LOWERED", "负面清单自动降星：" + r.streetStars() + " 星 → "
            + lowered.stars() + " 星（" + lowered.note() + "）", "system", rules.negativeVersion());
      }
    }
  }

  // ---- organisation department ----

  Map<Integer, Integer> percents() {
    return Map.of(5, policy.intValue("branch.quota.five-star-percent"), 4,
        policy.intValue("branch.quota.four-star-percent"), 3, policy.intValue("branch.quota.three-star-percent"));
  }

  /** Counts per star level of the ratings before the department's decision. */
  Map<Integer, Integer> counts(List<Rating> ratings) {
    Map<Integer, Integer> counts = new TreeMap<>();
    ratings.forEach(r -> counts.merge(r.currentProposal(), 1, Integer::sum));
    return counts;
  }

  String quotaSummary(String cycleNo) {
    List<Rating> ratings = repository.ratings(cycleNo, null, null, List.of("STREET_RATED"));
    Map<Integer, Integer> counts = counts(ratings);
    Map<Integer, Integer> percents = percents();
    StringBuilder s = new StringBuilder("参评支部 " + ratings.size() + " 个：");
    for (int stars = 5; stars >= 1; stars--) {
      s.append(stars).append(" 星 ").append(counts.getOrDefault(stars, 0)).append(" 个");
      if (percents.containsKey(stars)) {
        s.append("（限额 ").append(StarRules.allowed(ratings.size(), percents.get(stars))).append("）");
      }
      s.append(stars > 1 ? "；" : "。");
    }
    List<StarRules.Breach> breaches = StarRules.breaches(counts, ratings.size(), percents);
    if (!breaches.isEmpty()) {
      s.append("\n⚠ 超出限额：").append(String.join("；", breaches.stream().map(StarRules.Breach::describe).toList()))
          .append("。确认前须逐个调整星级或退回街道重新评定。");
    }
    return s.toString();
  }

  boolean quotaBreached(String cycleNo) {
    List<Rating> ratings = repository.ratings(cycleNo, null, null, List.of("STREET_RATED"));
    return !StarRules.breaches(counts(ratings), ratings.size(), percents()).isEmpty();
  }

  /** Confirms the whole rating after single adjustments; refused while a quota is exceeded. */
  void orgConfirm(String cycleNo, String adjustText, String comment, String actor, String pid) {
    List<Rating> batch = repository.ratings(cycleNo, null, null, List.of("STREET_RATED"));
    Map<Rating, Object[]> adjusted = starLines(batch, adjustText, "adjustLines");
    Map<Integer, Integer> counts = new TreeMap<>();
    batch.forEach(r -> counts.merge(adjusted.containsKey(r) ? (Integer) adjusted.get(r)[0] : r.currentProposal(), 1,
        Integer::sum));
    List<StarRules.Breach> breaches = StarRules.breaches(counts, batch.size(), percents());
    if (!breaches.isEmpty()) {
      throw FormInput.invalid(breaches.stream().map(b -> new FieldProblem("adjustLines", "名额超限：" + b.describe()
          + "，请调整星级或退回街道", b.stars() + " stars: " + b.count() + " exceed the quota of " + b.allowed()))
          .toList());
    }
    LocalDateTime now = now();
    String note = blank(comment) ? "" : "（" + comment.strip() + "）";
    for (Rating r : batch) {
      Object[] a = adjusted.get(r);
      int stars = a == null ? r.currentProposal() : (Integer) a[0];
      repository.setFinal(r.id(), stars);
      repository.move(r.id(), "STREET_RATED", "ORG_RATED", a == null ? null : "市委组织部评定 " + stars + " 星：" + a[1],
          actor, now);
      audit(r, pid, "Task_OrgDeptRating", a == null ? "ORG_RATED" : "ORG_ADJUSTED", "评定 " + stars + " 星"
          + (a == null ? "" : "（街道 " + r.currentProposal() + " 星）：" + a[1]) + note, actor, null);
    }
  }

  /** Sends the ratings of whole streets back to be rated again. */
  void orgReturn(String cycleNo, List<String> streets, String reason, String actor, String pid) {
    LocalDateTime now = now();
    for (String street : streets) {
      for (Rating r : repository.ratings(cycleNo, street, null, List.of("STREET_RATED"))) {
        repository.move(r.id(), "STREET_RATED", "REVIEWED", "市委组织部退回重新评定：" + reason, actor, now);
        audit(r, pid, "Task_OrgDeptRating", "RETURNED_TO_STREET", reason, actor, null);
      }
    }
  }

  // ---- notice ----

  String publish(String cycleNo, int year, String actor) {
    List<Rating> rated = repository.ratings(cycleNo, null, null, List.of("ORG_RATED"));
    Set<String> audience = new LinkedHashSet<>();
    List<NoticeRequest.Item> items = new ArrayList<>();
    for (Rating r : rated) {
      audience.add(Groups.street(r.streetCode()));
      audience.add(Groups.community(r.communityCode()));
      items.add(new NoticeRequest.Item(r.branchCode(), r.branchName(), r.communityName(), stars(r.finalStars())
          + (r.previousStars() == null ? "（首次评定）" : "（上年度 " + r.previousStars() + " 星）"), String.valueOf(r.id())));
    }
    Notice notice = notices.publish(new NoticeRequest(BranchProcesses.NOTICE_KIND, year + " 年度党支部星级评定结果公示",
        "市委组织部", "经支部自评、社区审核、街道评定和市委组织部评定，现将 " + rated.size() + " 个党支部的 " + year
        + " 年度星级评定结果予以公示。对评定结果有异议的，请在公示期内实名提出。", cycleNo, Groups.ORG_DEPT,
        List.copyOf(audience), items), actor);
    LocalDateTime now = now();
    for (Rating r : rated) {
      repository.move(r.id(), "ORG_RATED", "IN_NOTICE", null, actor, now);
    }
    repository.setNotice(cycleNo, notice.noticeNo());
    repository.setCycleStatus(cycleNo, "NOTICE", notice.noticeNo(), null);
    return notice.noticeNo();
  }

  void released(List<Long> ids) {
    LocalDateTime now = now();
    String cycle = null;
    for (long id : ids) {
      Rating r = repository.rating(id).orElseThrow();
      if (repository.move(id, "IN_NOTICE", "RELEASED", null, "system", now)
          || repository.move(id, "OBJECTED", "RELEASED", null, "system", now)) {
        cycle = r.cycleNo();
      }
    }
    if (cycle != null) {
      settleIfDone(cycle);
    }
  }

  void objected(long id, String noticeNo) {
    Rating r = repository.rating(id).orElseThrow();
    if (repository.move(id, "IN_NOTICE", "OBJECTED", "公示 " + noticeNo + " 中有异议，暂缓生效", "system", now())) {
      audit(r, null, "notice", "OBJECTED", "公示 " + noticeNo + " 中有异议，暂缓生效", "system", null);
    }
  }

  void cleared(long id) {
    Rating r = repository.rating(id).orElseThrow();
    if (repository.move(id, "OBJECTED", "IN_NOTICE", "异议不成立，恢复公示", "system", now())) {
      audit(r, null, "notice", "OBJECTION_REJECTED", "异议不成立，恢复公示", "system", null);
    }
  }

  void withdrawn(long id, String reason) {
    Rating r = repository.rating(id).orElseThrow();
    LocalDateTime now = now();
    for (String from : List.of("OBJECTED", "IN_NOTICE", "RELEASED")) {
      if (repository.move(id, from, "WITHDRAWN", "异议成立：" + reason, "system", now)) {
        audit(r, null, "notice", "WITHDRAWN", "异议成立，评定结果撤销，待重新评定：" + reason, "system", null);
      }
    }
    settleIfDone(r.cycleNo());
  }

  /** Once nothing of the cycle is in notice any more, its process goes on (a repeat finds nothing waiting). */
  private void settleIfDone(String cycleNo) {
    if (repository.count(cycleNo, List.of("IN_NOTICE", "OBJECTED")) == 0) {
      runtime.createMessageCorrelation(BranchProcesses.MSG_NOTICE_SETTLED).processInstanceBusinessKey(cycleNo)
          .correlateAllWithResult();
    }
  }

  /** Whether the community review sent branches back to self-assessment (the community's loop goes round). */
  public boolean returned(String cycleNo, String community) {
    return !repository.ratings(cycleNo, null, community, List.of("SELF_DUE")).isEmpty();
  }

  public boolean anyWithdrawn(String cycleNo) {
    return repository.count(cycleNo, List.of("WITHDRAWN")) > 0;
  }

  /** After an upheld objection the department rates the branch again ({@code PB00017 3 理由}); every one must be. */
  void reRate(String cycleNo, String text, String actor, String pid) {
    List<Rating> withdrawn = repository.ratings(cycleNo, null, null, List.of("WITHDRAWN"));
    Map<Rating, Object[]> lines = starLines(withdrawn, text, "rerateLines");
    List<String> missing = withdrawn.stream().filter(r -> !lines.containsKey(r)).map(Rating::branchCode).toList();
    if (!missing.isEmpty()) {
      throw FormInput.invalid(List.of(new FieldProblem("rerateLines", "以下支部尚未重新评定：" + String.join("、", missing),
          "re-rate every withdrawn rating: " + String.join(", ", missing))));
    }
    LocalDateTime now = now();
    lines.forEach((r, a) -> {
      repository.setFinal(r.id(), (Integer) a[0]);
      repository.move(r.id(), "WITHDRAWN", "RERATED", "异议成立后重新评定 " + a[0] + " 星：" + a[1], actor, now);
      audit(r, pid, "Task_ReRateUpheld", "RERATED", "重新评定 " + a[0] + " 星（原 " + r.finalStars() + " 星）：" + a[1],
          actor, null);
    });
  }

  /**
   * The stars take effect: each rating moves to EFFECTIVE first (a retried job finds nothing left), events of
   * the rating year recorded since the negative-list check still lower it, then the branch and its history.
   */
  void apply(String cycleNo, String pid) {
    StarRules rules = rules();
    LocalDateTime now = now();
    LocalDate today = clock.today();
    for (Rating r : repository.ratings(cycleNo, null, null, List.of("RELEASED", "RERATED"))) {
      if (!repository.move(r.id(), r.stage(), "EFFECTIVE", null, "system", now)) {
        continue;
      }
      LocalDateTime checked = repository.negativeCheckedAt(r.id()).orElse(null);
      List<StarRules.Effect> late = effects(rules, repository.eventTypes(r.branchCode(), r.ratingYear(), checked));
      int stars = StarRules.lower(r.finalStars(), late).stars();
      String reason = r.ratingYear() + " 年度星级评定：" + stars(stars) + ("RERATED".equals(r.stage()) ? "（异议成立后重新评定）"
          : "（公示 " + r.noticeNo() + " 期满无异议）");
      if (stars < r.finalStars()) {
        repository.setFinal(r.id(), stars);
        reason += "；负面清单自动降星 " + r.finalStars() + " → " + stars;
      }
      PartyBranch b = repository.branch(r.branchCode()).orElseThrow();
      repository.setStars(b.code(), b.currentStars(), stars, r.ratingYear(), today);
      repository.addHistory(b.code(), r.ratingYear(), b.currentStars(), stars, "RATING", reason, today, r.caseNo(),
          "system", r.ruleVersion(), now);
      audit(r, pid, "Task_ApplyStars", "EFFECTIVE", reason, "system", r.ruleVersion());
    }
    repository.setCycleStatus(cycleNo, "CLOSED", null, now);
  }

  // ---- negative list during the year ----

  /** Records an event of the negative list; it lowers the branch's current stars at once. */
  long recordEvent(String branchCode, String eventType, LocalDate occurredOn, String description, String actor) {
    PartyBranch b = repository.branch(branchCode).orElseThrow();
    StarRules rules = rules();
    StarRules.Effect effect = rules.effect(eventType);
    Integer before = b.currentStars();
    Integer after = before;
    LocalDateTime now = now();
    boolean lowers = before != null && b.starsYear() != null && occurredOn.getYear() >= b.starsYear();
    if (lowers) {
      after = StarRules.lower(before, List.of(effect)).stars();
    }
    long id = repository.insertEvent(branchCode, effect, occurredOn, description, actor, now, before, after,
        rules.negativeVersion());
    String caseNo = BranchProcesses.branchCase(occurredOn.getYear(), branchCode);
    if (lowers && after < before) {
      repository.setStars(branchCode, before, after, b.starsYear(), clock.today());
      repository.addHistory(branchCode, b.starsYear(), before, after, "NEGATIVE", effect.label() + "（" + occurredOn
          + "）：" + description, clock.today(), caseNo, actor, rules.negativeVersion(), now);
    }
    log.record(caseNo, BranchProcesses.RATING, null, "negative-list", "NEGATIVE_EVENT", effect.label() + "（"
        + occurredOn + "）：" + description + (lowers ? "；现星级 " + before + " → " + after : ""), actor,
        rules.negativeVersion());
    return id;
  }

  // ---- helpers ----

  /** Lines {@code PB00017 4 理由} for ratings of the batch: stars 1–5 and a reason each. */
  private Map<Rating, Object[]> starLines(List<Rating> batch, String text, String field) {
    Map<String, Rating> byCode = index(batch);
    List<FieldProblem> problems = new ArrayList<>();
    Map<Rating, Object[]> result = new LinkedHashMap<>();
    for (CodedLines.Line line : CodedLines.parse(text, field, CODE, "PB00017 4 理由", problems)) {
      Rating r = pick(byCode, line, field, result.keySet(), problems);
      String[] parts = line.parts(2);
      Integer stars = parts.length > 0 && parts[0].matches("[1-5]") ? Integer.valueOf(parts[0]) : null;
      if (r == null) {
        continue;
      }
      if (stars == null || parts.length < 2 || parts[1].length() < 2) {
        problems.add(line.problem(field, "格式应为“支部编号 星级(1–5) 理由”", "expected code, stars 1-5, reason"));
      } else {
        result.put(r, new Object[] {stars, parts[1]});
      }
    }
    if (!problems.isEmpty()) {
      throw FormInput.invalid(problems);
    }
    return result;
  }

  private static Rating pick(Map<String, Rating> byCode, CodedLines.Line line, String field, Set<Rating> seen,
      List<FieldProblem> problems) {
    Rating r = byCode.get(line.code());
    if (r == null) {
      problems.add(line.problem(field, line.code() + " 不在本批次中", "is not in this batch"));
      return null;
    }
    if (seen.contains(r)) {
      problems.add(line.problem(field, line.code() + " 重复", "is listed twice"));
      return null;
    }
    return r;
  }

  private static List<StarRules.Effect> effects(StarRules rules, List<String> types) {
    return types.stream().map(rules::effect).filter(java.util.Objects::nonNull).toList();
  }

  private static Map<String, Rating> index(List<Rating> ratings) {
    Map<String, Rating> m = new HashMap<>();
    ratings.forEach(r -> m.put(r.branchCode(), r));
    return m;
  }

  private static BigDecimal score(String text) {
    try {
      BigDecimal v = new BigDecimal(text);
      return v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0 || v.scale() > 2 ? null : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String stars(Integer n) {
    return n == null ? "未评定" : "★".repeat(n) + " " + n + " 星";
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private void audit(Rating r, String pid, String step, String decision, String reason, String actor, String rule) {
    log.record(r.caseNo(), BranchProcesses.RATING, pid, step, decision, reason, actor, rule);
  }

  static LocalDateTime now() {
    return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
  }
}
