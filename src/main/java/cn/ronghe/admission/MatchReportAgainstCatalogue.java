package cn.ronghe.admission;

import static cn.ronghe.admission.UnadmittedReportProcess.*;

import cn.ronghe.admission.catalogue.CatalogueItem;
import cn.ronghe.admission.catalogue.CatalogueService;
import cn.ronghe.admission.catalogue.CatalogueVersion;
import cn.ronghe.organisation.RegistryRepository;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Prepares the verification: which catalogue version was in force on the day the matter was demanded, and which
 * of its items for the community come closest to what was demanded (by name similarity), so that civil affairs
 * checks against the right list.
 */
@Component("matchReportAgainstCatalogue")
class MatchReportAgainstCatalogue implements JavaDelegate {

  private static final int SHOWN = 5;

  private final UnadmittedReports reports;
  private final CatalogueService catalogue;
  private final RegistryRepository registry;
  private final AdmissionNames names;
  private final AdmissionPolicy policy;

  MatchReportAgainstCatalogue(UnadmittedReports reports, CatalogueService catalogue, RegistryRepository registry,
      AdmissionNames names, AdmissionPolicy policy) {
    this.reports = reports;
    this.catalogue = catalogue;
    this.registry = registry;
    this.names = names;
    this.policy = policy;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UnadmittedReports.Report r = reports.get(execution.getProcessBusinessKey());
    Optional<CatalogueVersion> inForce = catalogue.inForceOn(r.demandedOn());
    reports.catalogueVersion(r.caseNo(), inForce.map(CatalogueVersion::versionNo).orElse(null));
    execution.setVariable(VERSION_IN_FORCE, inForce.map(CatalogueVersion::versionNo).orElse(null));
    if (inForce.isEmpty()) {
      execution.setVariable(CATALOGUE_MATCHES, r.demandedOn() + " 时尚无已发布的社区事项清单：该事项不在清单内。");
      return;
    }
    CatalogueVersion v = inForce.get();
    String street = registry.community(r.communityCode()).map(c -> c.streetCode()).orElse(null);
    List<CatalogueItem> items = catalogue.items(v.versionNo()).stream().filter(i -> i.appliesToStreet(street))
        .toList();
    var ranked = new NameSimilarity(policy.checks().stopwords()).rank(r.matter(), items, CatalogueItem::name);
    StringBuilder s = new StringBuilder("核对依据：社区事项清单第 " + v.versionNo() + " 版（" + v.publishedOn()
        + " 发布，" + r.demandedOn() + " 时有效），适用于该社区的事项 " + items.size() + " 项。\n名称最接近的事项：\n");
    ranked.stream().limit(SHOWN).forEach(x -> s.append("· ").append(line(x.value()))
        .append(String.format(Locale.ROOT, "（相似度 %.2f）", x.score())).append('\n'));
    List<CatalogueItem> own = items.stream().filter(i -> i.departmentCode().equals(r.departmentCode())).toList();
    s.append(names.department(r.departmentCode())).append("负责的清单事项：");
    if (own.isEmpty()) {
      s.append("无");
    }
    own.forEach(i -> s.append('\n').append("· ").append(line(i)));
    execution.setVariable(CATALOGUE_MATCHES, s.toString());
  }

  private String line(CatalogueItem i) {
    return i.code() + " " + i.name() + " — " + names.department(i.departmentCode());
  }
}
