package cn.ronghe.admission;

import static cn.ronghe.admission.CatalogueChangeProcess.*;

import cn.ronghe.admission.catalogue.CatalogueDiff;
import cn.ronghe.admission.catalogue.CatalogueItem;
import cn.ronghe.admission.catalogue.CatalogueService;
import cn.ronghe.admission.catalogue.CatalogueVersion;
import cn.ronghe.admission.catalogue.Frequency;
import cn.ronghe.identity.Groups;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.cases.CaseNumbers;
import cn.ronghe.platform.process.CaseVariables;
import cn.ronghe.platform.process.FormInput;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Receives a request to change or revoke a catalogue item (start listener of {@code catalogue-change}). The
 * responsible department or the catalogue office (民政局) may ask; the checks of a change run here, so a request
 * that could not be published answers HTTP 400 and opens no case.
 */
@Component
class ChangeIntake {

  private final CatalogueService catalogue;
  private final ChangeRequests requests;
  private final BannedCategories banned;
  private final AdmissionPolicy policy;
  private final AdmissionNames names;
  private final CaseNumbers caseNumbers;
  private final DecisionLog decisions;

  ChangeIntake(CatalogueService catalogue, ChangeRequests requests, BannedCategories banned, AdmissionPolicy policy,
      AdmissionNames names, CaseNumbers caseNumbers, DecisionLog decisions) {
    this.catalogue = catalogue;
    this.requests = requests;
    this.banned = banned;
    this.policy = policy;
    this.names = names;
    this.caseNumbers = caseNumbers;
    this.decisions = decisions;
  }

  public void onStart(DelegateExecution execution) {
    FormInput in = FormInput.of(execution);
    String code = in.text(ITEM_CODE, "事项编号", 16, true);
    String type = in.choice(CHANGE_TYPE, "申请类型", CHANGE_TYPES, true);
    String reason = in.text(CHANGE_REASON, "申请理由", 1000, true);
    ChangeRules.Proposed proposed = CHANGE.equals(type) ? proposed(in) : null;
    CatalogueVersion current = catalogue.currentOrFail();
    Optional<CatalogueItem> found = code == null ? Optional.empty() : catalogue.item(current.versionNo(), code);
    if (code != null && found.isEmpty()) {
      in.addProblem(ITEM_CODE, "现行清单（第 " + current.versionNo() + " 版）中没有事项 " + code,
          "the current catalogue has no item " + code);
    }
    String applicantGroup = found.map(item -> applicantGroup(execution, item, in)).orElse(null);
    if (found.isPresent() && requests.openFor(code)) {
      in.addProblem(ITEM_CODE, "事项 " + code + " 已有办理中的变更或取消申请", "item " + code + " already has an open request");
    }
    CatalogueItem item = found.orElse(null);
    CatalogueItem changed = item == null || proposed == null ? item : ChangeRules.apply(item, proposed);
    if (item != null && proposed != null) {
      List<CatalogueItem> all = catalogue.items(current.versionNo());
      for (String p : ChangeRules.problems(item, changed, all, banned.active(), policy.checks())) {
        in.addProblem("change", p, "the change cannot be made as asked");
      }
    }
    in.throwIfInvalid();

    String caseNo = caseNumbers.next(CASE_PREFIX);
    String user = Actors.current(execution);
    boolean revoke = REVOKE.equals(type);
    boolean addsBurden = !revoke && ChangeRules.addsBurden(item, changed);
    execution.setProcessBusinessKey(caseNo);
    execution.setVariable(CaseVariables.CASE_NO, caseNo);
    execution.setVariable(CaseVariables.CASE_TITLE, (revoke ? "取消 " : "变更 ") + item.code() + " " + item.name());
    execution.setVariable(CaseVariables.CASE_ORG, applicantGroup.startsWith(Groups.DEPT_PREFIX)
        ? names.department(applicantGroup.substring(Groups.DEPT_PREFIX.length())) : "市民政局");
    execution.setVariable(NEEDS_CITY_APPROVAL, addsBurden);
    execution.setVariable(MatterAdmission.APPLICATION_SUMMARY, summary(item, changed, revoke, reason, addsBurden));
    requests.insert(new ChangeRequests.Request(caseNo, execution.getProcessInstanceId(), applicantGroup, user, code,
        current.versionNo(), type, reason, revoke ? new ChangeRules.Proposed(null, null, null, null, null, null)
        : proposed, addsBurden, ChangeRequests.Status.IN_REVIEW, null, null, null));
    decisions.record(execution, "SUBMITTED", (revoke ? "申请取消 " : "申请变更 ") + code + "：" + reason, user,
        Actors.processVersion(execution));
  }

  private static ChangeRules.Proposed proposed(FormInput in) {
    String name = in.text(NEW_NAME, "新的事项名称", 100, false);
    String content = in.text(NEW_CONTENT, "新的工作内容", 2000, false);
    String legal = in.text(NEW_LEGAL_BASIS, "新的法律依据", 500, false);
    String freq = in.choice(NEW_FREQUENCY, "新的频次", Frequency.names(), false);
    Integer hours = in.integer(NEW_WORKLOAD_HOURS, "新的年工作量（小时）", 0, 10_000, false);
    BigDecimal funding = in.decimal(NEW_FUNDING, "新的年经费（元）", BigDecimal.ZERO, BigDecimal.valueOf(10_000_000),
        false);
    return new ChangeRules.Proposed(name, content, legal, freq == null ? null : Frequency.valueOf(freq), hours,
        funding == null ? null : funding.setScale(2, java.math.RoundingMode.HALF_UP));
  }

  /** The responsible department asks for its own items; the catalogue office and the system for any. */
  private String applicantGroup(DelegateExecution execution, CatalogueItem item, FormInput in) {
    Authentication auth = Actors.authentication(execution);
    List<String> groups = auth == null || auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
    String owner = Groups.dept(item.departmentCode());
    if (groups.contains(owner)) {
      return owner;
    }
    if (auth == null || groups.contains(Groups.CIVIL_AFFAIRS) || groups.contains(Groups.ADMIN)) {
      return Groups.CIVIL_AFFAIRS;
    }
    in.addProblem(ITEM_CODE, "事项 " + item.code() + " 由" + names.department(item.departmentCode())
        + "负责，只有该部门或市民政局可以申请变更、取消", "only the responsible department or civil affairs may ask");
    return null;
  }

  private String summary(CatalogueItem item, CatalogueItem changed, boolean revoke, String reason,
      boolean addsBurden) {
    StringBuilder s = new StringBuilder();
    s.append("事项：").append(item.code()).append(' ').append(item.name()).append("（")
        .append(names.department(item.departmentCode())).append("，").append(item.listType().label()).append("）\n");
    s.append("申请：").append(revoke ? "取消该事项" : "变更该事项").append('\n');
    if (!revoke) {
      CatalogueDiff.Naming naming = catalogue.naming();
      CatalogueDiffs.changes(item, changed, naming).forEach(c ->
          s.append("  ").append(c.label()).append("：").append(c.oldValue()).append(" → ").append(c.newValue())
              .append('\n'));
      s.append(addsBurden ? "可能增加社区负担，须报市委审批\n" : "仅减轻社区负担，审查同意后即发布\n");
    }
    s.append("理由：").append(reason);
    return s.toString();
  }
}
