package cn.ronghe.admission;

import static cn.ronghe.admission.UnadmittedReportProcess.*;

import cn.ronghe.identity.Groups;
import cn.ronghe.organisation.Community;
import cn.ronghe.organisation.Department;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.calendar.Deadlines;
import cn.ronghe.platform.cases.CaseNumbers;
import cn.ronghe.platform.process.CaseVariables;
import cn.ronghe.platform.process.FormInput;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Receives a community's report that a department pushed down a matter without admission (start listener of
 * {@code unadmitted-matter-report}). The community is the caller's own; bad input answers HTTP 400.
 */
@Component
class ReportIntake {

  private final UnadmittedReports reports;
  private final RegistryRepository registry;
  private final AdmissionNames names;
  private final Deadlines deadlines;
  private final CaseNumbers caseNumbers;
  private final DecisionLog decisions;

  ReportIntake(UnadmittedReports reports, RegistryRepository registry, AdmissionNames names, Deadlines deadlines,
      CaseNumbers caseNumbers, DecisionLog decisions) {
    this.reports = reports;
    this.registry = registry;
    this.names = names;
    this.deadlines = deadlines;
    this.caseNumbers = caseNumbers;
    this.decisions = decisions;
  }

  public void onStart(DelegateExecution execution) {
    FormInput in = FormInput.of(execution);
    List<String> departments = registry.departments().stream().map(Department::code).toList();
    String department = in.choice(DEPARTMENT_CODE, "下派事项的部门", departments, true);
    String matter = in.text(MATTER, "被要求承担的事项", 200, true);
    LocalDate demandedOn = in.date(DEMANDED_ON, "下派日期", true);
    String evidence = in.text(EVIDENCE, "证据说明（通知、文件、群消息等）", 2000, true);
    if (demandedOn != null && demandedOn.isAfter(deadlines.today())) {
      in.addProblem(DEMANDED_ON, "下派日期不能晚于今天", "the date cannot be in the future");
    }
    Community community = community(execution, in);
    in.throwIfInvalid();

    String caseNo = caseNumbers.next(CASE_PREFIX);
    String user = Actors.current(execution);
    execution.setProcessBusinessKey(caseNo);
    execution.setVariable(CaseVariables.CASE_NO, caseNo);
    execution.setVariable(CaseVariables.CASE_TITLE, matter);
    execution.setVariable(CaseVariables.CASE_ORG, community.name());
    execution.setVariable(COMMUNITY_CODE, community.code());
    execution.setVariable(REPORT_SUMMARY, "报告社区：" + community.name() + "（" + names.street(community.streetCode())
        + "）\n下派部门：" + names.department(department) + "\n下派日期：" + demandedOn + "\n被要求承担的事项：" + matter
        + "\n证据说明：" + evidence);
    reports.insert(caseNo, execution.getProcessInstanceId(), community.code(), department, matter, demandedOn,
        evidence, user, false);
    decisions.record(execution, "REPORTED", names.department(department) + "下派：" + matter, user,
        Actors.processVersion(execution));
  }

  /** The caseworker reports for their own community; the system and the administrator name one. */
  private Community community(DelegateExecution execution, FormInput in) {
    Authentication auth = Actors.authentication(execution);
    List<String> groups = auth == null || auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
    List<String> own = groups.stream().filter(g -> g.startsWith(Groups.COMMUNITY_PREFIX))
        .map(g -> g.substring(Groups.COMMUNITY_PREFIX.length())).toList();
    String requested = in.text(COMMUNITY_CODE, "报告社区", 32, false);
    String code;
    if (own.size() == 1) {
      code = own.get(0);
    } else if (!own.isEmpty() && own.contains(requested)) {
      code = requested;
    } else if (own.isEmpty() && (auth == null || groups.contains(Groups.ADMIN)) && requested != null) {
      code = requested;
    } else {
      in.addProblem(COMMUNITY_CODE, "只有社区工作者可以报告本社区被下派的未准入事项",
          "only a community's caseworker may report for the community");
      return null;
    }
    Optional<Community> c = registry.community(code).filter(Community::active);
    if (c.isEmpty()) {
      in.addProblem(COMMUNITY_CODE, "未知社区：" + code, "unknown community: " + code);
    }
    return c.orElse(null);
  }
}
