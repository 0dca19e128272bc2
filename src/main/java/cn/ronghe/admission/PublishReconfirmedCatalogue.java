package cn.ronghe.admission;

import cn.ronghe.admission.catalogue.CatalogueService;
import cn.ronghe.admission.catalogue.CatalogueVersion;
import cn.ronghe.admission.catalogue.ChangeKind;
import cn.ronghe.admission.catalogue.Publication;
import cn.ronghe.identity.Groups;
import cn.ronghe.organisation.Community;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.notification.Notifier;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Ends the yearly re-confirmation with a new published version without the items their departments gave up
 * (once per case; a retry publishes nothing again), and tells every community.
 */
@Component("publishReconfirmedCatalogue")
class PublishReconfirmedCatalogue implements JavaDelegate {

  private final Reconfirmations reconfirmations;
  private final CatalogueService catalogue;
  private final AdmissionNames names;
  private final Notifier notifier;
  private final DecisionLog decisions;

  PublishReconfirmedCatalogue(Reconfirmations reconfirmations, CatalogueService catalogue, AdmissionNames names,
      Notifier notifier, DecisionLog decisions) {
    this.reconfirmations = reconfirmations;
    this.catalogue = catalogue;
    this.names = names;
    this.notifier = notifier;
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNo = execution.getProcessBusinessKey();
    Reconfirmations.Reconfirmation r = reconfirmations.find(caseNo).orElseThrow();
    List<Reconfirmations.Entry> entries = reconfirmations.entries(caseNo, null);
    Set<String> givenUp = entries.stream().filter(e -> "GIVE_UP".equals(e.decision()))
        .map(Reconfirmations.Entry::itemCode).collect(Collectors.toSet());
    String note = r.year() + " 年度确认：各责任部门确认保留 " + (entries.size() - givenUp.size()) + " 项"
        + (givenUp.isEmpty() ? "，无取消事项" : "，不再保留 " + givenUp.size() + " 项");
    CatalogueVersion version = catalogue.publish(new Publication(caseNo, ChangeKind.RECONFIRMATION, Actors.SYSTEM,
        List.of(), List.of(), givenUp, note));
    reconfirmations.published(caseNo, version.versionNo());
    execution.setVariable(MatterAdmission.CATALOGUE_VERSION, version.versionNo());
    decisions.record(execution, "PUBLISHED", version.summary(), Actors.SYSTEM, "catalogue v" + version.versionNo());
    String body = "社区事项清单" + note + "，现行清单为第 " + version.versionNo() + " 版（共 " + version.itemCount() + " 项）。"
        + (givenUp.isEmpty() ? "" : "不再保留的事项自即日起社区不再承担。");
    String title = r.year() + " 年度社区事项清单确认完成";
    for (Community c : names.communitiesOf(List.of())) {
      notifier.toGroup(Groups.community(c.code()), title, body, caseNo, execution.getProcessInstanceId(),
          "reconfirmation:" + caseNo + ":" + Groups.community(c.code()));
    }
    notifier.toGroup(Groups.CIVIL_AFFAIRS, title, body, caseNo, execution.getProcessInstanceId(),
        "reconfirmation:" + caseNo + ":" + Groups.CIVIL_AFFAIRS);
  }
}
