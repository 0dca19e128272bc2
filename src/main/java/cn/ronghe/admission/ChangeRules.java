package cn.ronghe.admission;

import cn.ronghe.admission.catalogue.CatalogueItem;
import cn.ronghe.admission.catalogue.Frequency;
import cn.ronghe.admission.catalogue.ListType;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rules of a change to a catalogue item (事项变更). Pure, unit-tested. A change that can only lighten the
 * communities' load (less work, more money, less often, a corrected legal basis) is decided by the reviewers; any
 * other change may push new work down and, like a new matter, needs the 市委's approval.
 */
final class ChangeRules {

  /** Proposed new values; null leaves a field as it is. */
  record Proposed(String name, String content, String legalBasis, Frequency frequency, Integer workloadHours,
      BigDecimal funding) {
  }

  /** How often a community has to act, most often first. */
  private static final Map<Frequency, Integer> FREQUENCY_RANK = Map.of(Frequency.CONTINUOUS, 7, Frequency.MONTHLY, 6,
      Frequency.QUARTERLY, 5, Frequency.HALF_YEARLY, 4, Frequency.YEARLY, 3, Frequency.AS_NEEDED, 2,
      Frequency.MULTI_YEAR, 1);

  private ChangeRules() {
  }

  static CatalogueItem apply(CatalogueItem i, Proposed p) {
    return new CatalogueItem(i.code(), or(p.name(), i.name()), i.listType(), i.departmentCode(),
        or(p.legalBasis(), i.legalBasis()), or(p.content(), i.content()), or(p.frequency(), i.frequency()),
        or(p.workloadHours(), i.workloadHours()), or(p.funding(), i.funding()), i.addsSignboard(), i.addsLedger(),
        i.addsCertificate(), i.admittedBy(), i.effectiveDate(), i.scopeStreets(), i.sampleData());
  }

  /** Whether the new state may give communities more to do than the old one. */
  static boolean addsBurden(CatalogueItem old, CatalogueItem now) {
    return !old.name().equals(now.name())
        || !old.content().equals(now.content())
        || now.workloadHours() > old.workloadHours()
        || now.funding().compareTo(old.funding()) < 0
        || FREQUENCY_RANK.get(now.frequency()) > FREQUENCY_RANK.get(old.frequency());
  }

  /**
   * What is wrong with a proposed change, in Chinese; empty when it may go to review.
   *
   * @param others the other items of the current catalogue
   */
  static List<String> problems(CatalogueItem item, CatalogueItem changed, List<CatalogueItem> others,
      List<ApplicationChecks.Banned> banned, ApplicationChecks.Policy policy) {
    List<String> problems = new ArrayList<>();
    if (CatalogueDiffs.same(item, changed)) {
      problems.add("未提出任何变更：请至少修改一项内容，或选择“取消事项”");
      return problems;
    }
    if (item.listType() == ListType.BY_LAW && (changed.legalBasis() == null || changed.legalBasis().isBlank())) {
      problems.add("依法履职事项须保留法律依据");
    }
    String text = plain(changed.name()) + "\n" + plain(changed.content());
    for (ApplicationChecks.Banned b : banned) {
      if (text.contains(plain(b.keyword()))) {
        problems.add("变更后的内容涉及已明令不再由社区承担的事项类别“" + b.keyword() + "”：" + b.reason());
      }
    }
    if (!item.name().equals(changed.name())) {
      NameSimilarity similarity = new NameSimilarity(policy.stopwords());
      for (CatalogueItem other : others) {
        if (!other.code().equals(item.code())
            && similarity.similarity(changed.name(), other.name()) >= policy.duplicateThreshold()) {
          problems.add("新名称与清单事项 " + other.code() + "“" + other.name() + "”重复");
        }
      }
    }
    return problems;
  }

  private static String plain(String s) {
    return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\\p{P}\\p{S}\\p{Z}\\s]", "");
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
