package cn.ronghe.admission;

import cn.ronghe.admission.catalogue.CatalogueItem;
import cn.ronghe.admission.catalogue.CatalogueService;
import cn.ronghe.admission.catalogue.CatalogueVersion;
import cn.ronghe.admission.catalogue.ChangeKind;
import cn.ronghe.admission.catalogue.Publication;
import cn.ronghe.identity.Groups;
import cn.ronghe.organisation.Community;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.notification.Notifier;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Publishes an approved change or revocation as a new catalogue version (once per case, a retry publishes
 * nothing again) and tells the responsible department and the communities concerned.
 */
@Component("publishCatalogueChange")
class PublishCatalogueChange implements JavaDelegate {

  private final ChangeRequests requests;
  private final CatalogueService catalogue;
  private final AdmissionNames names;
  private final Notifier notifier;
  private final DecisionLog decisions;

  PublishCatalogueChange(ChangeRequests requests, CatalogueService catalogue, AdmissionNames names, Notifier notifier,
      DecisionLog decisions) {
    this.requests = requests;
    this.catalogue = catalogue;
    this.names = names;
    this.notifier = notifier;
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNo = execution.getProcessBusinessKey();
    ChangeRequests.Request r = requests.get(caseNo);
    // Applied to the item as it stands now: another change may have been published since the request.
    Optional<CatalogueItem> current = catalogue.item(catalogue.currentOrFail().versionNo(), r.itemCode());
    Optional<CatalogueItem> before = current.isPresent() ? current : catalogue.item(r.baseVersion(), r.itemCode());
    Publication p = r.revocation()
        ? new Publication(caseNo, ChangeKind.REVOCATION, Actors.SYSTEM, List.of(), List.of(), Set.of(r.itemCode()),
            r.reason())
        : new Publication(caseNo, ChangeKind.CHANGE, Actors.SYSTEM, List.of(),
            current.map(i -> List.of(ChangeRules.apply(i, r.proposed()))).orElse(List.of()), Set.of(), r.reason());
    CatalogueVersion version = catalogue.publish(p);
    requests.status(caseNo, ChangeRequests.Status.APPROVED, null, version.versionNo());
    execution.setVariable(MatterAdmission.CATALOGUE_VERSION, version.versionNo());
    execution.setVariable(MatterAdmission.OUTCOME, "APPROVED");
    decisions.record(execution, "PUBLISHED", version.summary(), Actors.SYSTEM, "catalogue v" + version.versionNo());
    before.ifPresent(item -> notifyAll(execution, r, item, version));
  }

  private void notifyAll(DelegateExecution execution, ChangeRequests.Request r, CatalogueItem item,
      CatalogueVersion version) {
    String what = (r.revocation() ? "取消" : "变更") + "：" + item.code() + " " + item.name();
    String body = "经审查，社区事项清单第 " + version.versionNo() + " 版" + (r.revocation() ? "取消了" : "变更了") + "事项 "
        + item.code() + "“" + item.name() + "”。" + (r.revocation() ? "自即日起社区不再承担该事项。" : "详见公开清单。");
    String caseNo = r.caseNo();
    String pid = execution.getProcessInstanceId();
    notifier.toGroup(Groups.dept(item.departmentCode()), "清单事项已" + what, body, caseNo, pid,
        "catalogue-change:" + caseNo + ":" + Groups.dept(item.departmentCode()));
    for (Community c : names.communitiesOf(item.scopeStreets())) {
      notifier.toGroup(Groups.community(c.code()), "清单事项已" + what, body, caseNo, pid,
          "catalogue-change:" + caseNo + ":" + Groups.community(c.code()));
    }
  }
}
