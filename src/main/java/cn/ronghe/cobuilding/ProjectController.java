package cn.ronghe.cobuilding;

import cn.ronghe.identity.Groups;
import cn.ronghe.platform.error.RongheException;
import cn.ronghe.platform.security.ApiUser;
import cn.ronghe.platform.security.AsSystem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cobuilding/projects")
@Tag(name = "共建项目 Co-building projects", description = "项目清单、进展与取消 / project list, progress and cancellation")
class ProjectController {

  record ProjectDetail(Project project, List<ProgressReport> reports, List<HistoryEntry> history) {
  }

  private final ProjectRepository projects;
  private final ListRepository lists;
  private final RuntimeService runtime;
  private final AsSystem asSystem;

  ProjectController(ProjectRepository projects, ListRepository lists, RuntimeService runtime, AsSystem asSystem) {
    this.projects = projects;
    this.lists = lists;
    this.runtime = runtime;
    this.asSystem = asSystem;
  }

  @GetMapping
  @Operation(summary = "Project list (项目清单), optionally of one community, street, unit, category or status")
  List<Project> list(@RequestParam(required = false) String community, @RequestParam(required = false) String street,
      @RequestParam(required = false) String unit, @RequestParam(required = false) String category,
      @RequestParam(required = false) String status) {
    return projects.projects(new ListRepository.Filter(community, street, unit, category, status));
  }

  @GetMapping("/{projectNo}")
  @Operation(summary = "One project with its monthly reports and history")
  ProjectDetail detail(@PathVariable String projectNo) {
    Project p = projects.project(projectNo).orElseThrow(() -> RongheException.notFound("共建项目", projectNo));
    return new ProjectDetail(p, projects.reports(p.id()), lists.history("PROJECT", p.id()));
  }

  @PostMapping("/{projectNo}/cancel")
  @Operation(summary = "Cancel a project at any stage with a reason (its community, unit or street)")
  ProjectDetail cancel(ApiUser user, @PathVariable String projectNo,
      @RequestBody(required = false) ListController.ReasonInput input) {
    Project p = projects.project(projectNo).orElseThrow(() -> RongheException.notFound("共建项目", projectNo));
    user.requireAnyGroup(Groups.community(p.communityCode()), Groups.unit(p.unitCode()), Groups.street(p.streetCode()));
    String reason = ListController.reason(input);
    if (p.status() == ItemStatus.Project.CLOSED || p.status() == ItemStatus.Project.CANCELLED) {
      throw RongheException.conflict("PROJECT_ENDED", "项目已" + p.status().label() + "，不能取消",
          "the project has already ended (" + p.status() + ")");
    }
    // The caller's right to cancel was checked above; the engine call itself needs no instance permission.
    var result = asSystem.call(() -> runtime.createMessageCorrelation(ProjectProcess.MSG_CANCEL)
        .processInstanceBusinessKey(projectNo)
        .setVariable(ProjectProcess.CANCEL_REASON, reason)
        .setVariable(ProjectProcess.CANCELLED_BY, user.id())
        .correlateAllWithResult());
    if (result.isEmpty()) {
      throw RongheException.conflict("PROJECT_NOT_RUNNING", "项目流程已结束，不能取消", "the project's process is no longer running");
    }
    return detail(projectNo);
  }
}
