package cn.ronghe.admission;

import static cn.ronghe.admission.ReconfirmationProcess.*;

import cn.ronghe.admission.catalogue.CatalogueService;
import cn.ronghe.admission.catalogue.CatalogueVersion;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.cases.CaseNumbers;
import cn.ronghe.platform.process.CaseVariables;
import cn.ronghe.platform.process.FormInput;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The steps of the yearly re-confirmation (清单年度确认): open the year's case with every item of the current
 * version, ask each responsible department to keep or give up each of its items, record the answers.
 */
@Component("openReconfirmation")
class ReconfirmationSteps implements JavaDelegate {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Reconfirmations reconfirmations;
  private final CatalogueService catalogue;
  private final AdmissionNames names;
  private final CaseNumbers caseNumbers;
  private final DecisionLog decisions;

  ReconfirmationSteps(Reconfirmations reconfirmations, CatalogueService catalogue, AdmissionNames names,
      CaseNumbers caseNumbers, DecisionLog decisions) {
    this.reconfirmations = reconfirmations;
    this.catalogue = catalogue;
    this.names = names;
    this.caseNumbers = caseNumbers;
    this.decisions = decisions;
  }

  /** Start listener: a valid year that has no re-confirmation yet (by hand or from the yearly schedule). */
  public void onStart(DelegateExecution execution) {
    FormInput in = FormInput.of(execution);
    Integer year = in.integer(CONFIRM_YEAR, "确认年度", FIRST_YEAR, LAST_YEAR, true);
    if (year != null && reconfirmations.exists(year)) {
      in.addProblem(CONFIRM_YEAR, year + " 年度的清单确认已经发起", "the re-confirmation of " + year + " exists");
    }
    in.throwIfInvalid();
  }

  /** Opens the year's case with every item of the current version. */
  @Override
  public void execute(DelegateExecution execution) {
    int year = ((Number) execution.getVariable(CONFIRM_YEAR)).intValue();
    CatalogueVersion base = catalogue.currentOrFail();
    String caseNo = caseNumbers.next(CASE_PREFIX);
    execution.setProcessBusinessKey(caseNo);
    execution.setVariable(CaseVariables.CASE_NO, caseNo);
    execution.setVariable(CaseVariables.CASE_TITLE, year + " 年度社区事项清单确认");
    execution.setVariable(CaseVariables.CASE_ORG, "市民政局");
    reconfirmations.open(caseNo, year, base.versionNo(), catalogue.items(base.versionNo()));
    decisions.record(execution, "OPENED", year + " 年度确认，以第 " + base.versionNo() + " 版（" + base.itemCount()
        + " 项）为基础", Actors.current(execution), Actors.processVersion(execution));
  }

  /** Create listener of a department's task: its items, as the options of the form's checklist. */
  public void taskCreated(DelegateTask task) {
    String dept = (String) task.getVariable(DEPT_CODE);
    List<Reconfirmations.Entry> items = reconfirmations.entries(task.getExecution().getProcessBusinessKey(), dept);
    ArrayNode options = JSON.createArrayNode();
    items.forEach(i -> options.addObject().put("label", i.itemCode() + " " + i.itemName()).put("value", i.itemCode()));
    task.setVariableLocal(DEPT_NAME, names.department(dept));
    task.setVariableLocal(ITEM_OPTIONS, SpinValues.jsonValue(options.toString()).create());
    task.setVariableLocal(ITEM_LIST, items.stream().map(i -> i.itemCode() + " " + i.itemName())
        .collect(Collectors.joining("\n")));
  }

  /** End listener of a department's task: every item is kept unless given up, with a reason. */
  public void confirm(DelegateExecution execution) {
    FormInput in = FormInput.of(execution);
    String dept = (String) execution.getVariable(DEPT_CODE);
    String caseNo = execution.getProcessBusinessKey();
    List<Reconfirmations.Entry> items = reconfirmations.entries(caseNo, dept);
    Set<String> own = items.stream().map(Reconfirmations.Entry::itemCode).collect(Collectors.toSet());
    List<String> givenUp = in.texts(GIVEN_UP, "不再保留的事项", own.size() + 1, 16, false);
    Set<String> chosen = givenUp == null ? Set.of() : new HashSet<>(givenUp);
    String reason = in.text(GIVE_UP_REASON, "不再保留的理由", 1000, !chosen.isEmpty());
    List<String> foreign = chosen.stream().filter(c -> !own.contains(c)).sorted().toList();
    if (!foreign.isEmpty()) {
      in.addProblem(GIVEN_UP, "以下事项不由本部门负责：" + String.join("、", foreign),
          "not items of this department: " + String.join(", ", foreign));
    }
    in.throwIfInvalid();
    String user = Actors.current(execution);
    for (Reconfirmations.Entry item : items) {
      boolean giveUp = chosen.contains(item.itemCode());
      reconfirmations.decide(caseNo, item.itemCode(), giveUp ? "GIVE_UP" : "KEEP", giveUp ? reason : null, user);
    }
    String summary = chosen.isEmpty() ? names.department(dept) + "确认保留全部 " + items.size() + " 项"
        : names.department(dept) + "保留 " + (items.size() - chosen.size()) + " 项，不再保留 "
            + String.join("、", chosen.stream().sorted().toList()) + "：" + reason;
    decisions.record(execution, chosen.isEmpty() ? "KEEP_ALL" : "GIVE_UP", summary, user,
        Actors.processVersion(execution));
  }
}
