package cn.ronghe.property;

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
import cn.ronghe.property.PropertyRecords.Company;
import cn.ronghe.property.PropertyRecords.Compound;
import cn.ronghe.property.PropertyRecords.CreditEntry;
import cn.ronghe.property.PropertyRecords.Rating;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * The credit rating of property companies: entries during the year, a periodic rating by the credit table, review
 * by the housing bureau (entries found wrong are revoked and the rating computed again), public notice of the
 * red and black lists, publication and expiry. Decisions on a company are audited under {@code <cycle>-<company>}.
 */
@Service("propertyCredit")
public class PropertyCredit {

  public static final String REVIEWER_GROUP = Groups.dept("housing");

  private final PropertyRepository repository;
  private final DeployedDecisionTables decisions;
  private final PolicyParameters policy;
  private final DecisionLog log;
  private final NoticeService notices;
  private final RuntimeService runtime;
  private final Deadlines clock;

  PropertyCredit(PropertyRepository repository, DeployedDecisionTables decisions, PolicyParameters policy,
      DecisionLog log, NoticeService notices, RuntimeService runtime, Deadlines clock) {
    this.repository = repository;
    this.decisions = decisions;
    this.policy = policy;
    this.log = log;
    this.notices = notices;
    this.runtime = runtime;
    this.clock = clock;
  }

  public CreditRules rules() {
    return new CreditRules(decisions.latest(PropertyProcesses.DMN_PREFIX));
  }

  /** First day of the window of entries that count for a rating up to {@code to}. */
  public LocalDate windowStart(LocalDate to) {
    return to.minusMonths(policy.intValue("property.credit.entry-valid-months")).plusDays(1);
  }

  // ---- entries ----

  /** Stores a submitted entry (PENDING): what the recorder submitted, whatever later forms send. */
  void submitEntry(String caseNo, Compound compound, CreditRules.Category category, LocalDate occurred,
      String evidence, String recorderOrg, String actor, String ruleVersion) {
    repository.insertEntry(caseNo, compound.companyCode(), compound.code(), category, occurred, evidence, recorderOrg,
        actor, now(), ruleVersion);
  }

  /** The entry counts from now on. */
  void verifyEntry(String caseNo, String actor, String pid) {
    CreditEntry e = repository.entry(caseNo).orElseThrow();
    if (repository.setEntryStatus(caseNo, "PENDING", "VERIFIED", null)) {
      log.record(caseNo, PropertyProcesses.ENTRY, pid, "Task_RecordEntry", e.kind(), e.categoryLabel()
          + ("POSITIVE".equals(e.kind()) ? " +" : " −") + e.points() + " 分，" + e.occurredOn() + "：" + e.evidence(),
          actor, e.category());
    }
  }

  void rejectEntry(String caseNo, String reason, String actor, String pid) {
    if (repository.setEntryStatus(caseNo, "PENDING", "REJECTED", "街道核实不予计入：" + reason)) {
      log.record(caseNo, PropertyProcesses.ENTRY, pid, "Task_VerifyEntry", "REJECTED", reason, actor, null);
    }
  }

  // ---- rating ----

  void open(String cycleNo, LocalDate periodTo, String actor, String pid) {
    repository.insertCycle(cycleNo, windowStart(periodTo), periodTo, actor, now(), pid);
  }

  List<String> openCycles() {
    return repository.openCycles();
  }

  /** Computes (again) every active company's score, grade and list from the entries that count. */
  void compute(String cycleNo) {
    Map<String, Object> cycle = repository.cycle(cycleNo).orElseThrow();
    LocalDate from = (LocalDate) cycle.get("periodFrom");
    LocalDate to = (LocalDate) cycle.get("periodTo");
    CreditRules rules = rules();
    BigDecimal base = policy.decimalValue("property.credit.base-score");
    repository.deleteRatings(cycleNo);
    for (Company c : repository.companies()) {
      List<CreditEntry> entries = repository.entries(c.code(), from, to, true);
      CreditRules.Result r = rules.rate(base, entries.stream()
          .map(e -> new CreditRules.Entry(e.kind(), e.points(), e.forcesBlack())).toList());
      String explanation = "基础分 " + r.base() + " + 正面 " + r.positive() + " − 负面 " + r.negative() + " = " + r.score()
          + "（" + entries.size() + " 条记录，" + from + " 至 " + to + "）" + (r.forcedBlack() ? "；有直接列入黑榜的记录" : "");
      repository.insertRating(cycleNo, c.code(), r, entries.size(), explanation, rules.version());
    }
  }

  /**
   * The bureau's review: entries found wrong are revoked ({@code 123 理由}, the entry's number); the rating is then
   * computed again. @return how many were revoked
   */
  int review(String cycleNo, String revokeText, String actor, String pid) {
    Map<String, Object> cycle = repository.cycle(cycleNo).orElseThrow();
    List<FieldProblem> problems = new ArrayList<>();
    Map<CreditEntry, String> revoke = new LinkedHashMap<>();
    for (CodedLines.Line line : CodedLines.parse(revokeText, "revokeLines", "\\d{1,12}", "123 证据不足", problems)) {
      CreditEntry e = repository.entry(Long.parseLong(line.code())).orElse(null);
      if (e == null || !"VERIFIED".equals(e.status()) || e.occurredOn().isBefore((LocalDate) cycle.get("periodFrom"))
          || e.occurredOn().isAfter((LocalDate) cycle.get("periodTo"))) {
        problems.add(line.problem("revokeLines", "记录 " + line.code() + " 不是本次评定计入的有效记录", "is not an entry of this rating"));
      } else if (revoke.containsKey(e)) {
        problems.add(line.problem("revokeLines", "记录 " + line.code() + " 重复", "is listed twice"));
      } else if (line.rest().length() < 2) {
        problems.add(line.problem("revokeLines", "请写明撤销理由", "needs a reason"));
      } else {
        revoke.put(e, line.rest());
      }
    }
    if (!problems.isEmpty()) {
      throw FormInput.invalid(problems);
    }
    revoke.forEach((e, reason) -> {
      repository.revokeEntry(e.id(), "评定审核撤销（" + cycleNo + "）：" + reason);
      log.record(e.caseNo(), PropertyProcesses.RATING, pid, "Task_ReviewRatings", "REVOKED", reason, actor, null);
    });
    return revoke.size();
  }

  /** Red and black places go into a public notice; grade B is final at once. @return the notice, or null */
  String publish(String cycleNo, String actor, String pid) {
    List<Rating> computed = repository.ratings(cycleNo, List.of("COMPUTED"));
    List<NoticeRequest.Item> items = new ArrayList<>();
    for (Rating r : computed) {
      audit(cycleNo, r, pid, "Task_ReviewRatings", "RATED_" + r.grade(), r.grade() + " 级" + listLabel(r.listKind())
          + "：" + r.explanation(), actor, r.ruleVersion());
      if ("NONE".equals(r.listKind())) {
        repository.move(r.id(), "COMPUTED", "FINAL", null);
      } else {
        items.add(new NoticeRequest.Item(r.companyCode(), r.companyName(), "信用分 " + r.score(), "拟列入"
            + listLabel(r.listKind()) + "（" + r.grade() + " 级，信用分 " + r.score() + "）", String.valueOf(r.id())));
      }
    }
    if (items.isEmpty()) {
      repository.setCycle(cycleNo, "NOTICE", null, null, null);
      return null;
    }
    Set<String> audience = new LinkedHashSet<>(List.of(Groups.ROLE_STREET, Groups.ROLE_COMMUNITY));
    Notice n = notices.publish(new NoticeRequest(PropertyProcesses.NOTICE_KIND, "物业服务企业信用评定红黑榜公示（"
        + cycleNo + "）", "市住建局", "根据各社区、街道记录的正面和负面信息，按物业服务企业信用评价标准评定，拟将以下企业列入红榜或黑榜，"
        + "现予公示。对公示内容有异议的，请在公示期内实名提出。", cycleNo, REVIEWER_GROUP, List.copyOf(audience), items), actor);
    for (Rating r : computed) {
      repository.move(r.id(), "COMPUTED", "IN_NOTICE", null);
    }
    repository.setCycle(cycleNo, "NOTICE", n.noticeNo(), null, null);
    return n.noticeNo();
  }

  void released(List<Long> ids) {
    String cycle = null;
    for (long id : ids) {
      if (repository.move(id, "IN_NOTICE", "RELEASED", null) || repository.move(id, "OBJECTED", "RELEASED", null)) {
        cycle = repository.rating(id).orElseThrow().cycleNo();
      }
    }
    if (cycle != null) {
      settleIfDone(cycle);
    }
  }

  void objected(long id, String noticeNo) {
    Rating r = repository.rating(id).orElseThrow();
    if (repository.move(id, "IN_NOTICE", "OBJECTED", "公示 " + noticeNo + " 中有异议")) {
      audit(r.cycleNo(), r, null, "notice", "OBJECTED", "公示 " + noticeNo + " 中有异议，暂缓上榜", "system", null);
    }
  }

  void cleared(long id) {
    Rating r = repository.rating(id).orElseThrow();
    if (repository.move(id, "OBJECTED", "IN_NOTICE", "异议不成立")) {
      audit(r.cycleNo(), r, null, "notice", "OBJECTION_REJECTED", "异议不成立，恢复公示", "system", null);
    }
  }

  void withdrawn(long id, String reason) {
    Rating r = repository.rating(id).orElseThrow();
    for (String from : List.of("OBJECTED", "IN_NOTICE", "RELEASED")) {
      if (repository.move(id, from, "WITHDRAWN", "异议成立：" + reason)) {
        audit(r.cycleNo(), r, null, "notice", "WITHDRAWN", "异议成立，不列入" + listLabel(r.listKind()) + "：" + reason,
            "system", null);
      }
    }
    settleIfDone(r.cycleNo());
  }

  private void settleIfDone(String cycleNo) {
    if (repository.countStages(cycleNo, List.of("IN_NOTICE", "OBJECTED")) == 0) {
      runtime.createMessageCorrelation(PropertyProcesses.MSG_NOTICE_SETTLED).processInstanceBusinessKey(cycleNo)
          .correlateAllWithResult();
    }
  }

  /**
   * Publishes the lists: older current entries are replaced, every released place is listed until it expires, and
   * each company's current grade is its grade of this rating (a withdrawn place keeps the company's former grade).
   * @return when the new entries expire
   */
  LocalDate publishLists(String cycleNo, String pid) {
    LocalDate today = clock.today();
    LocalDate expires = today.plusMonths(policy.intValue("property.list.valid-months"));
    repository.supersede(cycleNo, today);
    for (Rating r : repository.ratings(cycleNo, null)) {
      if ("RELEASED".equals(r.stage()) && !repository.listed(cycleNo, r.companyCode())) {
        repository.insertListEntry(r.companyCode(), r.listKind(), r.grade(), r.score(), cycleNo, today, expires);
        repository.move(r.id(), "RELEASED", "LISTED", null);
        audit(cycleNo, r, pid, "Task_PublishLists", "LISTED_" + r.listKind(), "列入" + listLabel(r.listKind()) + "，至 "
            + expires + " 止", "system", r.ruleVersion());
      }
      if (!"WITHDRAWN".equals(r.stage())) {
        repository.setCompanyGrade(r.companyCode(), r.grade(), r.score());
      }
    }
    repository.setCycle(cycleNo, "PUBLISHED", null, today, expires);
    return expires;
  }

  /** The lists of this rating end when they expire (unless a newer rating replaced them already). */
  int expire(String cycleNo, String pid) {
    int n = repository.expire(cycleNo, clock.today());
    repository.setCycle(cycleNo, "EXPIRED", null, null, null);
    log.record(cycleNo, PropertyProcesses.RATING, pid, "Task_ExpireLists", "EXPIRED", n + " 家企业的红黑榜到期下榜", "system",
        null);
    return n;
  }

  static String listLabel(String kind) {
    return switch (kind) {
      case "RED" -> "红榜";
      case "BLACK" -> "黑榜";
      default -> "（不上榜）";
    };
  }

  private void audit(String cycleNo, Rating r, String pid, String step, String decision, String reason, String actor,
      String version) {
    log.record(cycleNo + "-" + r.companyCode(), PropertyProcesses.RATING, pid, step, decision, reason, actor, version);
  }

  static LocalDateTime now() {
    return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
  }
}
