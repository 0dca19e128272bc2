package cn.ronghe.admission;

import cn.ronghe.admission.catalogue.CatalogueItem;
import cn.ronghe.admission.catalogue.ListType;
import cn.ronghe.platform.calendar.WorkingDays;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The automatic checks of an admission application (自动审查). Pure: everything it needs is passed in, so every
 * rule and edge is unit-tested without an engine. A banned category or a duplicate rejects; a missing field, a
 * start date too soon, a near-duplicate without an explanation, a by-law matter without legal basis or an
 * assistance matter without funding (费随事转) returns the application for correction; returned once too often,
 * it lapses.
 */
final class ApplicationChecks {

  enum Outcome { PASS, RETURN, REJECT, LAPSE }

  enum Severity { RETURN, REJECT }

  record Finding(String rule, Severity severity, String messageZh, String messageEn) {
  }

  /** The catalogue item most like the application's name. */
  record Match(String code, String name, double score) {
  }

  record Result(Outcome outcome, List<Finding> findings, Match closest) {
    String problemsZh() {
      return findings.stream().map(f -> "· " + f.messageZh()).collect(Collectors.joining("\n"));
    }

    String problemsEn() {
      return findings.stream().map(Finding::messageEn).collect(Collectors.joining("; "));
    }

    /** The rules that found something, e.g. "BANNED_CATEGORY, LEAD_TIME", for the audit trail. */
    String rules() {
      return findings.stream().map(Finding::rule).distinct().collect(Collectors.joining(", "));
    }
  }

  /** Thresholds and lists in force, with the rule version recorded with each decision. */
  record Policy(int leadWorkingDays, double similarityThreshold, double duplicateThreshold, int maxReturns,
      List<String> stopwords, String version) {
  }

  record Banned(String keyword, String category, String reason) {
  }

  private ApplicationChecks() {
  }

  static Result check(Application a, LocalDate today, WorkingDays workingDays, List<CatalogueItem> catalogue,
      List<Banned> banned, int returnsSoFar, Policy policy) {
    List<Finding> findings = new ArrayList<>();
    required(a, findings);
    bannedCategories(a, banned, findings);
    Match closest = closest(a, catalogue, policy);
    if (closest != null) {
      similarity(a, closest, policy, findings);
    }
    if (a.expectedStart() != null) {
      LocalDate earliest = workingDays.plusWorkingDays(today, policy.leadWorkingDays());
      if (a.expectedStart().isBefore(earliest)) {
        findings.add(new Finding("LEAD_TIME", Severity.RETURN,
            "拟开始日期 " + a.expectedStart() + " 过早：须至少提前 " + policy.leadWorkingDays() + " 个工作日申请，最早可为 "
                + earliest,
            "the start date " + a.expectedStart() + " is too soon: at least " + policy.leadWorkingDays()
                + " working days ahead, i.e. " + earliest + " or later"));
      }
    }
    if (a.listType() == ListType.BY_LAW && blank(a.legalBasis())) {
      findings.add(new Finding("LEGAL_BASIS", Severity.RETURN, "依法履职事项须写明法律、法规依据",
          "a matter performed by law needs its legal basis"));
    }
    if (a.listType() == ListType.ASSISTANCE && (a.funding() == null || a.funding().signum() <= 0)) {
      findings.add(new Finding("FUNDING", Severity.RETURN,
          "协助政府工作事项须按“费随事转”落实每个社区的年度经费",
          "an assistance matter needs funding per community (funding follows the task)"));
    }
    return new Result(outcome(findings, returnsSoFar, policy), List.copyOf(findings), closest);
  }

  private static Outcome outcome(List<Finding> findings, int returnsSoFar, Policy policy) {
    if (findings.stream().anyMatch(f -> f.severity() == Severity.REJECT)) {
      return Outcome.REJECT;
    }
    if (findings.isEmpty()) {
      return Outcome.PASS;
    }
    return returnsSoFar >= policy.maxReturns() ? Outcome.LAPSE : Outcome.RETURN;
  }

  private static void required(Application a, List<Finding> findings) {
    List<String> missing = new ArrayList<>();
    if (blank(a.matterName())) {
      missing.add("事项名称");
    }
    if (a.listType() == null) {
      missing.add("清单类型");
    }
    if (blank(a.content())) {
      missing.add("工作内容");
    }
    if (a.expectedStart() == null) {
      missing.add("拟开始日期");
    }
    if (a.frequency() == null) {
      missing.add("频次");
    }
    if (a.workloadHours() == null) {
      missing.add("工作量");
    }
    if (blank(a.contactName()) || blank(a.contactPhone())) {
      missing.add("联系人及电话");
    }
    if (!missing.isEmpty()) {
      findings.add(new Finding("REQUIRED", Severity.RETURN, "缺少必填项：" + String.join("、", missing),
          "required fields are missing: " + missing.size()));
    }
  }

  private static void bannedCategories(Application a, List<Banned> banned, List<Finding> findings) {
    String text = plain(a.matterName()) + "\n" + plain(a.content());
    for (Banned b : banned) {
      if (text.contains(plain(b.keyword()))) {
        findings.add(new Finding("BANNED_CATEGORY", Severity.REJECT,
            "涉及已明令不再由社区承担的事项类别“" + b.keyword() + "”（" + b.category() + "）：" + b.reason(),
            "concerns a category the city took away from communities: " + b.keyword()));
      }
    }
  }

  private static Match closest(Application a, List<CatalogueItem> catalogue, Policy policy) {
    if (blank(a.matterName()) || catalogue.isEmpty()) {
      return null;
    }
    NameSimilarity similarity = new NameSimilarity(policy.stopwords());
    var best = similarity.rank(a.matterName(), catalogue, CatalogueItem::name).get(0);
    return new Match(best.value().code(), best.value().name(), Math.round(best.score() * 100) / 100.0);
  }

  private static void similarity(Application a, Match m, Policy policy, List<Finding> findings) {
    String score = String.format(Locale.ROOT, "%.2f", m.score());
    if (m.score() >= policy.duplicateThreshold()) {
      findings.add(new Finding("DUPLICATE", Severity.REJECT,
          "与清单现有事项 " + m.code() + "“" + m.name() + "”重复（名称相似度 " + score + "），无需再次准入",
          "duplicates catalogue item " + m.code() + " (similarity " + score + ")"));
    } else if (m.score() >= policy.similarityThreshold() && blank(a.distinctionNote())) {
      findings.add(new Finding("NEAR_DUPLICATE", Severity.RETURN,
          "与清单现有事项 " + m.code() + "“" + m.name() + "”近似（名称相似度 " + score
              + "）：请在“与相似事项的区别”中说明两者的不同，或撤回申请",
          "is close to catalogue item " + m.code() + " (similarity " + score
              + "): explain the difference or withdraw"));
    }
  }

  private static String plain(String s) {
    return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\\p{P}\\p{S}\\p{Z}\\s]", "");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
