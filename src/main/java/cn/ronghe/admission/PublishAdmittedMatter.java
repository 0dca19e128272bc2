package cn.ronghe.admission;

import static cn.ronghe.admission.MatterAdmission.*;

import cn.ronghe.admission.catalogue.CatalogueItem;
import cn.ronghe.admission.catalogue.CatalogueService;
import cn.ronghe.admission.catalogue.CatalogueVersion;
import cn.ronghe.admission.catalogue.ChangeKind;
import cn.ronghe.admission.catalogue.Publication;
import cn.ronghe.platform.audit.DecisionLog;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After the 市委's approval: the approved application becomes an item of a new catalogue version. Runs as its own
 * job; a retry finds the version already published for this case and publishes nothing again.
 */
@Component("publishAdmittedMatter")
class PublishAdmittedMatter implements JavaDelegate {

  private final ApplicationRepository applications;
  private final CatalogueService catalogue;
  private final DecisionLog decisions;

  PublishAdmittedMatter(ApplicationRepository applications, CatalogueService catalogue, DecisionLog decisions) {
    this.applications = applications;
    this.catalogue = catalogue;
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNo = execution.getProcessBusinessKey();
    ApplicationRepository.Record r = applications.get(caseNo);
    Application a = r.application();
    CatalogueItem item = new CatalogueItem(null, a.matterName(), a.listType(), r.applicantDept(), a.legalBasis(),
        a.content(), a.frequency(), a.workloadHours(), a.funding() == null ? BigDecimal.ZERO : a.funding(),
        a.addsSignboard(), a.addsLedger(), a.addsCertificate(), caseNo, a.expectedStart(), a.scopeStreets(),
        r.sampleData());
    Object approver = execution.getVariable(CITY_APPROVER);
    CatalogueVersion version = catalogue.publish(new Publication(caseNo, ChangeKind.ADMISSION,
        approver == null ? Actors.SYSTEM : approver.toString(), List.of(item), List.of(), Set.of(), null));
    String code = catalogue.items(version.versionNo()).stream().filter(i -> caseNo.equals(i.admittedBy()))
        .map(CatalogueItem::code).findFirst().orElseThrow();
    applications.approved(caseNo, code, version.versionNo());
    execution.setVariable(ITEM_CODE, code);
    execution.setVariable(CATALOGUE_VERSION, version.versionNo());
    execution.setVariable(OUTCOME, "APPROVED");
    decisions.record(execution, "PUBLISHED", "列入社区事项清单第 " + version.versionNo() + " 版，编号 " + code,
        Actors.SYSTEM, "catalogue v" + version.versionNo());
  }
}
