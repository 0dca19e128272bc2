package cn.ronghe.admission;

import static cn.ronghe.admission.UnadmittedReportProcess.*;

import cn.ronghe.admission.catalogue.CatalogueItem;
import cn.ronghe.admission.catalogue.CatalogueService;
import cn.ronghe.identity.Groups;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.notification.Notifier;
import cn.ronghe.platform.process.FormInput;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The people's steps of an unadmitted-matter report: civil affairs verifies, the department withdraws. */
@Component
class ReportDecisions {

  private final UnadmittedReports reports;
  private final CatalogueService catalogue;
  private final RegistryRepository registry;
  private final AdmissionNames names;
  private final Notifier notifier;
  private final DecisionLog decisions;

  ReportDecisions(UnadmittedReports reports, CatalogueService catalogue, RegistryRepository registry,
      AdmissionNames names, Notifier notifier, DecisionLog decisions) {
    this.reports = reports;
    this.catalogue = catalogue;
    this.registry = registry;
    this.names = names;
    this.notifier = notifier;
    this.decisions = decisions;
  }

  /** Civil affairs: was the matter in the catalogue in force on that day (for that community)? */
  public void verify(DelegateExecution execution) {
    FormInput in = FormInput.of(execution);
    String verdict = in.choice(VERDICT, "核实结论", VERDICTS, true);
    String note = in.text(VERIFICATION_NOTE, "核实说明", 1000, true);
    String code = ADMITTED.equals(verdict) ? in.text(MATCHED_ITEM_CODE, "对应的清单事项编号", 16, true) : null;
    UnadmittedReports.Report r = reports.get(execution.getProcessBusinessKey());
    if (code != null) {
      Optional<CatalogueItem> item = r.catalogueVersion() == null ? Optional.empty()
          : catalogue.item(r.catalogueVersion(), code);
      String street = registry.community(r.communityCode()).map(c -> c.streetCode()).orElse(null);
      if (item.isEmpty() || !item.get().appliesToStreet(street)) {
        in.addProblem(MATCHED_ITEM_CODE, "事项 " + code + " 不在下派当日有效的清单（第 " + r.catalogueVersion()
            + " 版）中，或不适用于该社区", "item " + code + " was not in force for this community on that day");
      }
    }
    in.throwIfInvalid();
    String user = Actors.current(execution);
    reports.verified(r.caseNo(), verdict, code, note, user);
    decisions.record(execution, verdict, (code == null ? "" : code + "：") + note, user,
        "catalogue v" + r.catalogueVersion());
    if (UNADMITTED.equals(verdict)) {
      notifier.toGroup(Groups.dept(r.departmentCode()), "请撤回未经准入下派的事项：" + r.matter(),
          "经市民政局核实，贵单位要求" + names.community(r.communityCode()) + "承担的“" + r.matter()
              + "”不在社区事项清单内，未经市委审批准入。请立即撤回并在待办中确认。" + note,
          r.caseNo(), execution.getProcessInstanceId(), "report-unadmitted:" + r.caseNo());
    }
  }

  /** The department confirms it has withdrawn the matter. */
  public void withdraw(DelegateExecution execution) {
    FormInput in = FormInput.of(execution);
    Boolean confirmed = in.bool(WITHDRAWAL_CONFIRMED, "确认已撤回", true);
    String note = in.text(WITHDRAWAL_NOTE, "撤回情况说明", 1000, true);
    if (Boolean.FALSE.equals(confirmed)) {
      in.addProblem(WITHDRAWAL_CONFIRMED, "须确认已撤回该事项", "the withdrawal must be confirmed");
    }
    in.throwIfInvalid();
    String user = Actors.current(execution);
    reports.withdrawn(execution.getProcessBusinessKey(), note, user);
    decisions.record(execution, "WITHDRAWN", note, user, Actors.processVersion(execution));
  }
}
