package cn.ronghe.admission;

import static cn.ronghe.admission.MatterAdmission.*;

import cn.ronghe.identity.Groups;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.cases.CaseNumbers;
import cn.ronghe.platform.process.CaseVariables;
import cn.ronghe.platform.process.FormInput;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Receives an application (start listener of {@code matter-admission}) and its corrections (end listener of the
 * correction task). Bad input answers HTTP 400 and rolls everything back: no case number, no row, no task.
 */
@Component
class AdmissionIntake {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ApplicationRepository applications;
  private final AdmissionNames names;
  private final RegistryRepository registry;
  private final CaseNumbers caseNumbers;
  private final DecisionLog decisions;

  AdmissionIntake(ApplicationRepository applications, AdmissionNames names, RegistryRepository registry,
      CaseNumbers caseNumbers, DecisionLog decisions) {
    this.applications = applications;
    this.names = names;
    this.registry = registry;
    this.caseNumbers = caseNumbers;
    this.decisions = decisions;
  }

  public void onStart(DelegateExecution execution) {
    FormInput in = FormInput.of(execution);
    Application a = ApplicationInput.read(in, names.activeStreets());
    String dept = applicantDepartment(execution, in);
    in.throwIfInvalid();
    String caseNo = caseNumbers.next(CASE_PREFIX);
    String user = Actors.current(execution);
    execution.setProcessBusinessKey(caseNo);
    execution.setVariable(CaseVariables.CASE_NO, caseNo);
    execution.setVariable(CaseVariables.CASE_ORG, names.department(dept));
    execution.setVariable(APPLICANT_DEPT, dept);
    execution.setVariable(APPLICANT_USER, user);
    execution.setVariable(RETURN_COUNT, 0);
    describe(execution, a, dept);
    applications.insert(caseNo, execution.getProcessInstanceId(), dept, user, a, false);
    decisions.record(execution, "SUBMITTED", "提交准入申请：" + a.matterName(), user, Actors.processVersion(execution));
  }

  public void onCorrection(DelegateExecution execution) {
    FormInput in = FormInput.of(execution);
    String action = in.choice(CORRECTION_ACTION, "处理方式", List.of(RESUBMIT, WITHDRAW), true);
    String user = Actors.current(execution);
    if (WITHDRAW.equals(action)) {
      String reason = in.text(WITHDRAW_REASON, "撤回理由", 500, true);
      in.throwIfInvalid();
      decisions.record(execution, WITHDRAW, reason, user, Actors.processVersion(execution));
      return;
    }
    Application a = ApplicationInput.read(in, names.activeStreets());
    in.throwIfInvalid();
    applications.resubmit(execution.getProcessBusinessKey(), a);
    describe(execution, a, (String) execution.getVariable(APPLICANT_DEPT));
    decisions.record(execution, RESUBMIT, "补正后重新提交", user, Actors.processVersion(execution));
  }

  private void describe(DelegateExecution execution, Application a, String dept) {
    // Stored as JSON whatever the caller sent (a Java list from the API), so the Tasklist checklist can show it.
    ArrayNode streets = JSON.createArrayNode();
    a.scopeStreets().forEach(streets::add);
    execution.setVariable(TARGET_STREETS, SpinValues.jsonValue(streets.toString()).create());
    execution.setVariable(CaseVariables.CASE_TITLE, a.matterName());
    execution.setVariable(APPLICATION_SUMMARY, a.summary(names.department(dept), names::street));
  }

  /**
   * The department applies through its own group; a user in several department groups names one; the
   * administrator and system (demo data, tests) name any active department.
   */
  private String applicantDepartment(DelegateExecution execution, FormInput in) {
    Authentication auth = Actors.authentication(execution);
    List<String> groups = auth == null || auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
    List<String> own = groups.stream().filter(g -> g.startsWith(Groups.DEPT_PREFIX))
        .map(g -> g.substring(Groups.DEPT_PREFIX.length())).toList();
    String requested = in.text(APPLICANT_DEPT, "申请部门", 32, false);
    if (own.size() == 1) {
      return own.get(0);
    }
    if (!own.isEmpty()) {
      if (requested != null && own.contains(requested)) {
        return requested;
      }
      in.addProblem(APPLICANT_DEPT, "您属于多个部门，请选择申请部门：" + String.join("、", own),
          "you belong to several departments; choose one of " + String.join(", ", own));
      return null;
    }
    boolean trusted = auth == null || groups.contains(Groups.ADMIN);
    if (!trusted) {
      in.addProblem(APPLICANT_DEPT, "只有条线部门可以申请事项准入", "only line departments may apply for admission");
      return null;
    }
    if (requested == null || registry.department(requested).isEmpty()) {
      in.addProblem(APPLICANT_DEPT, "请填写有效的申请部门代码", "a valid applying department code is required");
      return null;
    }
    return requested;
  }
}
