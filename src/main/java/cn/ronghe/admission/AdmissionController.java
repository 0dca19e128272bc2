package cn.ronghe.admission;

import cn.ronghe.platform.security.ApiUser;
import cn.ronghe.platform.security.AsSystem;
import cn.ronghe.platform.error.RongheException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admission")
@Tag(name = "事项准入 Admission", description = "准入申请、街道意见、禁止下派类别 / admission applications, street opinions, banned categories")
class AdmissionController {

  record OpenStep(String activityId, String name, Date due) {
  }

  record ApplicationView(String caseNo, String applicantDept, String applicantDeptName, String applicantUser,
      Application application, String status, String statusReason, int returnCount, String itemCode,
      Integer catalogueVersion, boolean sampleData, LocalDateTime submittedAt, LocalDateTime updatedAt,
      List<StreetOpinions.Opinion> streetOpinions, List<OpenStep> openSteps) {
  }

  record BannedInput(String keyword, String category, String reason) {
  }

  private final ApplicationRepository applications;
  private final StreetOpinions streetOpinions;
  private final BannedCategories banned;
  private final AdmissionNames names;
  private final TaskService tasks;
  private final AsSystem asSystem;

  AdmissionController(ApplicationRepository applications, StreetOpinions streetOpinions, BannedCategories banned,
      AdmissionNames names, TaskService tasks, AsSystem asSystem) {
    this.applications = applications;
    this.streetOpinions = streetOpinions;
    this.banned = banned;
    this.names = names;
    this.tasks = tasks;
    this.asSystem = asSystem;
  }

  @GetMapping("/applications")
  @Operation(summary = "Admission applications, newest first: a department sees its own, city bodies see all")
  List<ApplicationView> applications(ApiUser user, @RequestParam(required = false) String dept,
      @RequestParam(defaultValue = "100") int limit) {
    String scope = dept;
    if (!AdmissionAccess.oversees(user)) {
      List<String> own = List.copyOf(user.codes("dept-"));
      if (own.isEmpty()) {
        throw RongheException.forbidden("仅条线部门和市级审查部门可查看准入申请",
            "Only line departments and the city bodies may read admission applications");
      }
      scope = dept != null && own.contains(dept) ? dept : own.get(0);
    }
    return applications.list(scope, limit).stream().map(r -> view(r, false)).toList();
  }

  @GetMapping("/applications/{caseNo}")
  @Operation(summary = "One application: what was applied for, its status and reasons, street opinions, open steps")
  ApplicationView application(ApiUser user, @PathVariable String caseNo) {
    ApplicationRepository.Record r = applications.find(caseNo)
        .orElseThrow(() -> RongheException.notFound("准入申请", caseNo));
    AdmissionAccess.requireOverseerOrDepartment(user, r.applicantDept());
    return view(r, true);
  }

  @GetMapping("/banned-categories")
  @Operation(summary = "Matters the city took away from communities; an application naming one is rejected")
  List<BannedCategories.Entry> bannedCategories() {
    return banned.all();
  }

  @PutMapping("/banned-categories")
  @Operation(summary = "Add or reactivate a banned keyword (catalogue office, administrators)")
  BannedCategories.Entry putBanned(ApiUser user, @RequestBody BannedInput input) {
    AdmissionAccess.requireCatalogueOffice(user);
    if (input == null) {
      throw RongheException.badRequest("MALFORMED_REQUEST", "请求内容为空", "The request body is empty");
    }
    return banned.put(input.keyword(), input.category(), input.reason(), user.id());
  }

  @DeleteMapping("/banned-categories/{id}")
  @Operation(summary = "Deactivate a banned keyword (catalogue office, administrators); it stays on record")
  BannedCategories.Entry deactivateBanned(ApiUser user, @PathVariable long id) {
    AdmissionAccess.requireCatalogueOffice(user);
    return banned.deactivate(id, user.id());
  }

  private ApplicationView view(ApplicationRepository.Record r, boolean details) {
    List<OpenStep> steps = details ? asSystem.call(() -> tasks.createTaskQuery()
        .processInstanceId(r.processInstanceId()).list().stream()
        .map(t -> new OpenStep(t.getTaskDefinitionKey(), t.getName(), t.getDueDate())).toList()) : List.of();
    return new ApplicationView(r.caseNo(), r.applicantDept(), names.department(r.applicantDept()),
        r.applicantUser(), r.application(), r.status().name(), r.statusReason(), r.returnCount(), r.itemCode(),
        r.versionNo(), r.sampleData(), r.submittedAt(), r.updatedAt(),
        details ? streetOpinions.forCase(r.caseNo()) : List.of(), steps);
  }
}
