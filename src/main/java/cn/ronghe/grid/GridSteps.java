package cn.ronghe.grid;

import cn.ronghe.grid.GridRecords.Grid;
import cn.ronghe.grid.GridRecords.Report;
import cn.ronghe.identity.Groups;
import cn.ronghe.organisation.Department;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.platform.cases.CaseNumbers;
import cn.ronghe.platform.process.CaseVariables;
import cn.ronghe.platform.process.FormInput;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of process {@code grid-issue-report}. */
@Configuration
class GridSteps {

  private static final List<String> HANDLINGS = List.of("RESOLVED", "ESCALATE");

  private final GridReports reports;
  private final GridRepository repository;
  private final RegistryRepository registry;
  private final IdentityService identity;

  GridSteps(GridReports reports, GridRepository repository, RegistryRepository registry, IdentityService identity) {
    this.reports = reports;
    this.repository = repository;
    this.registry = registry;
    this.identity = identity;
  }

  /** Start listener: the grid must belong to the reporter's community; category, place and facts are required. */
  @Bean
  ExecutionListener gridReportStartCheck(CaseNumbers numbers) {
    return execution -> {
      FormInput in = FormInput.of(execution);
      String gridCode = in.text("gridCode", "网格编号", 16, true);
      String category = in.text("category", "问题类别", 32, true);
      String location = in.text("location", "问题地点", 200, true);
      String description = in.text("description", "问题情况", 2000, true);
      Grid grid = gridCode == null ? null : repository.grid(gridCode.trim().toUpperCase()).orElse(null);
      if (gridCode != null && (grid == null || !grid.active())) {
        in.addProblem("gridCode", "网格编号 " + gridCode + " 不存在", "unknown grid");
      }
      GridRules.Category c = category == null ? null : reports.rules().category(category);
      if (category != null && c == null) {
        in.addProblem("category", "问题类别无效", "unknown category");
      }
      if (location != null && location.length() < 4) {
        in.addProblem("location", "请写明问题地点（至少 4 字）", "state the place (4+ characters)");
      }
      if (description != null && description.length() < 10) {
        in.addProblem("description", "请写明问题情况（至少 10 字）", "describe the problem (10+ characters)");
      }
      Authentication a = identity.getCurrentAuthentication();
      Set<String> groups = a == null || a.getGroupIds() == null ? Set.of() : Set.copyOf(a.getGroupIds());
      if (grid != null && !groups.contains(Groups.community(grid.communityCode())) && !groups.contains(Groups.ADMIN)) {
        in.addProblem("gridCode", "该网格不属于您所在的社区", "the grid is not in your community");
      }
      in.throwIfInvalid();
      String caseNo = numbers.next(GridProcesses.PREFIX);
      execution.setProcessBusinessKey(caseNo);
      execution.setVariable(CaseVariables.CASE_NO, caseNo);
      execution.setVariable(CaseVariables.CASE_TITLE, grid.name() + " · " + c.label() + " · " + location);
      execution.setVariable(CaseVariables.CASE_ORG, grid.communityName());
      execution.setVariable("gridCode", grid.code());
      execution.setVariable("communityCode", grid.communityCode());
      execution.setVariable("streetCode", grid.streetCode());
      execution.setVariable("categoryLabel", c.label());
      // the street's form preselects the suggested department
      execution.setVariable("deptCode", c.suggestedDept());
      execution.setVariable("location", location);
      execution.setVariable("description", description);
      execution.setVariable(GridProcesses.REPORTER, GridProcesses.actor(identity));
    };
  }

  @Bean
  JavaDelegate registerGridReport() {
    return execution -> {
      Grid grid = repository.grid((String) execution.getVariable("gridCode")).orElseThrow();
      GridRules.Category c = reports.rules().category((String) execution.getVariable("category"));
      reports.register(caseNo(execution), grid, c, (String) execution.getVariable("location"),
          (String) execution.getVariable("description"), (String) execution.getVariable(GridProcesses.REPORTER),
          execution.getProcessInstanceId());
    };
  }

  @Bean
  ExecutionListener gridCommunityDone() {
    return execution -> handled(execution, GridProcesses.COMMUNITY);
  }

  @Bean
  ExecutionListener gridStreetDone() {
    return execution -> handled(execution, GridProcesses.STREET);
  }

  @Bean
  ExecutionListener gridDeptDone() {
    return execution -> handled(execution, GridProcesses.DEPT);
  }

  /** A level's answer: resolved with the outcome, or escalated with a reason (the street names the department). */
  private void handled(DelegateExecution execution, String level) {
    if (execution.isCanceled()) {
      return;
    }
    FormInput in = FormInput.of(execution);
    boolean canEscalate = !GridProcesses.DEPT.equals(level);
    String handling = canEscalate ? in.choice(GridProcesses.HANDLING, "办理方式", HANDLINGS, true) : "RESOLVED";
    boolean escalate = "ESCALATE".equals(handling);
    String outcome = in.text("outcome", "办理结果", 2000, "RESOLVED".equals(handling));
    String reason = in.text("escalateReason", "上交理由", 500, escalate);
    String dept = GridProcesses.STREET.equals(level) ? in.text("deptCode", "责任部门", 32, escalate) : null;
    if (outcome != null && !escalate && outcome.length() < 5) {
      in.addProblem("outcome", "请写明办理结果（至少 5 字）", "state the outcome (5+ characters)");
    }
    if (dept != null && escalate && registry.departments().stream().map(Department::code)
        .noneMatch(dept::equals)) {
      in.addProblem("deptCode", "责任部门无效", "unknown department");
    }
    in.throwIfInvalid();
    String actor = GridProcesses.actor(identity);
    execution.setVariable(GridProcesses.HANDLING, handling);
    execution.removeVariables(List.of("outcome", "escalateReason"));
    if (escalate) {
      if (dept != null) {
        execution.setVariable("deptCode", dept);
      }
      reports.escalated(caseNo(execution), level, dept, reason, actor, execution.getProcessInstanceId());
    } else {
      execution.setVariable(GridProcesses.RESOLVED_LEVEL, level);
      execution.setVariable("lastOutcome", GridProcesses.levelLabel(level) + "：" + outcome);
      reports.resolved(caseNo(execution), level, outcome, actor, execution.getProcessInstanceId());
    }
  }

  @Bean
  ExecutionListener gridConfirmDone() {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      FormInput in = FormInput.of(execution);
      String decision = in.choice(GridProcesses.CONFIRMATION, "确认意见", List.of("CONFIRM", "REOPEN"), true);
      String reason = in.text("reopenReason", "重新办理的理由", 500, "REOPEN".equals(decision));
      in.throwIfInvalid();
      execution.removeVariables(List.of("reopenReason"));
      if ("REOPEN".equals(decision)) {
        reports.reopened(caseNo(execution), (String) execution.getVariable(GridProcesses.RESOLVED_LEVEL), reason,
            GridProcesses.actor(identity), execution.getProcessInstanceId());
      }
    };
  }

  @Bean
  JavaDelegate closeGridReport() {
    return execution -> reports.close(caseNo(execution), "CONFIRM".equals(execution.getVariable(
        GridProcesses.CONFIRMATION)), GridProcesses.actor(identity), execution.getProcessInstanceId());
  }

  @Bean
  JavaDelegate remindGridHandler() {
    return execution -> {
      String level = (String) execution.getVariable("level");
      Report r = repository.report(caseNo(execution)).orElseThrow();
      String group = switch (level) {
        case GridProcesses.COMMUNITY -> Groups.community(r.communityCode());
        case GridProcesses.STREET -> Groups.street(r.streetCode());
        default -> Groups.dept(r.deptCode());
      };
      reports.remind(r, level, group, execution.getProcessInstanceId());
    };
  }

  @Bean
  JavaDelegate gridOverdue() {
    return execution -> reports.overdue(repository.report(caseNo(execution)).orElseThrow(),
        (String) execution.getVariable("level"), execution.getProcessInstanceId());
  }

  private static String caseNo(DelegateExecution execution) {
    return (String) execution.getVariable(CaseVariables.CASE_NO);
  }
}
