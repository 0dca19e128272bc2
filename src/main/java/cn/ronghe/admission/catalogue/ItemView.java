package cn.ronghe.admission.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A catalogue item as people read it: codes together with their Chinese names. */
public record ItemView(String code, String name, String listType, String listTypeLabel, String departmentCode,
    String departmentName, String legalBasis, String content, String frequency, String frequencyLabel,
    int workloadHours, BigDecimal funding, boolean addsSignboard, boolean addsLedger, boolean addsCertificate,
    String admittedBy, LocalDate effectiveDate, List<String> scopeStreets, String scopeLabel, boolean sampleData) {

  public static ItemView of(CatalogueItem i, CatalogueDiff.Naming naming) {
    String scope = i.appliesToAllCommunities() ? "全部社区"
        : String.join("、", i.scopeStreets().stream().map(naming.street()).toList()) + "的社区";
    return new ItemView(i.code(), i.name(), i.listType().name(), i.listType().label(), i.departmentCode(),
        naming.department().apply(i.departmentCode()), i.legalBasis(), i.content(), i.frequency().name(),
        i.frequency().label(), i.workloadHours(), i.funding().stripTrailingZeros(), i.addsSignboard(),
        i.addsLedger(), i.addsCertificate(), i.admittedBy(), i.effectiveDate(), i.scopeStreets(), scope,
        i.sampleData());
  }

  public static List<ItemView> of(List<CatalogueItem> items, CatalogueDiff.Naming naming) {
    return items.stream().map(i -> of(i, naming)).toList();
  }

  /** The funding as plain text without trailing zeros ("3000", "2500.5"). */
  public String fundingText() {
    return funding.toPlainString();
  }

  /** What the matter adds to a community's burden, e.g. "台账、挂牌"; empty when nothing. */
  public String burdenText() {
    StringBuilder b = new StringBuilder();
    if (addsSignboard) {
      b.append("挂牌");
    }
    if (addsLedger) {
      b.append(b.isEmpty() ? "" : "、").append("台账");
    }
    if (addsCertificate) {
      b.append(b.isEmpty() ? "" : "、").append("证明");
    }
    return b.toString();
  }
}
