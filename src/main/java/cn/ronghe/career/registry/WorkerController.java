package cn.ronghe.career.registry;

import cn.ronghe.career.CareerAccess;
import cn.ronghe.career.Labelled;
import cn.ronghe.career.Post;
import cn.ronghe.career.Worker;
import cn.ronghe.career.WorkerStatus;
import cn.ronghe.career.registry.WorkerJson.WorkerDetail;
import cn.ronghe.career.registry.WorkerJson.WorkerSummary;
import cn.ronghe.organisation.Community;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.error.FieldProblem;
import cn.ronghe.platform.error.RongheException;
import cn.ronghe.platform.security.ApiUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/career/workers")
@Tag(name = "社区工作者名册 Worker registry", description = "三岗十八级：名册、考核结果与等级变动记录")
class WorkerController {

  record Page(int total, int page, int size, List<WorkerSummary> items) {
  }

  record StatusChange(String status, LocalDate since, String reason) {
  }

  private final WorkerRepository workers;
  private final RegistryRepository registry;
  private final DecisionLog decisions;
  private final WorkerImport workerImport;

  WorkerController(WorkerRepository workers, RegistryRepository registry, DecisionLog decisions,
      WorkerImport workerImport) {
    this.workers = workers;
    this.registry = registry;
    this.decisions = decisions;
    this.workerImport = workerImport;
  }

  @GetMapping
  @Operation(summary = "Workers of a street or community (city bodies: any), filtered by post and status, paged")
  Page list(ApiUser user, @RequestParam(required = false) String street,
      @RequestParam(required = false) String community, @RequestParam(required = false) String post,
      @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    List<FieldProblem> problems = new ArrayList<>();
    String postCode = code(Post.class, "post", post, problems);
    String statusCode = code(WorkerStatus.class, "status", status, problems);
    if (page < 0 || size < 1 || size > 500) {
      problems.add(new FieldProblem("page/size", "页码不能为负，每页 1 到 500 条", "page must be >= 0, size 1-500"));
    }
    if (!problems.isEmpty()) {
      throw RongheException.invalid(problems);
    }
    if (community != null) {
      String code = community;
      Community c = registry.community(code).orElseThrow(() -> RongheException.notFound("社区", code));
      CareerAccess.requireSees(user, c.streetCode(), c.code());
    } else if (street != null) {
      String code = street;
      registry.street(code).orElseThrow(() -> RongheException.notFound("街道（镇）", code));
      CareerAccess.requireSees(user, code, null);
    } else if (!CareerAccess.seesAll(user)) {
      street = CareerAccess.ownStreet(user);
      community = street == null ? CareerAccess.ownCommunity(user) : null;
      if (street == null && community == null) {
        throw RongheException.forbidden("请指定街道或社区", "Name a street or community you act for");
      }
    }
    WorkerFilter filter = new WorkerFilter(street, community, postCode, statusCode);
    List<WorkerSummary> items = workers.list(filter, page * size, size).stream().map(WorkerJson::summary).toList();
    return new Page(workers.count(filter), page, size, items);
  }

  @GetMapping("/{workerId}")
  @Operation(summary = "One worker with assessment results and grade history")
  WorkerDetail get(ApiUser user, @PathVariable String workerId) {
    Worker w = visible(user, workerId);
    return WorkerJson.detail(w, workers.assessments(workerId), workers.history(workerId));
  }

  @PostMapping(path = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
  @Transactional
  @Operation(summary = "Civil affairs imports existing workers (CSV, header 工号,姓名,性别,...); one bad line imports nothing")
  WorkerImport.Imported importBody(ApiUser user, @RequestBody byte[] body) {
    CareerAccess.requireCivilAffairs(user);
    return workerImport.importFile(new String(body, StandardCharsets.UTF_8), user.id());
  }

  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Transactional
  @Operation(summary = "The same import as a file upload (multipart field \"file\")")
  WorkerImport.Imported importFile(ApiUser user, @RequestPart("file") MultipartFile file) throws IOException {
    CareerAccess.requireCivilAffairs(user);
    return workerImport.importFile(new String(file.getBytes(), StandardCharsets.UTF_8), user.id());
  }

  @PostMapping("/{workerId}/status")
  @Transactional
  @Operation(summary = "Civil affairs: a worker leaves, retires or returns to service")
  WorkerSummary changeStatus(ApiUser user, @PathVariable String workerId, @RequestBody StatusChange change) {
    CareerAccess.requireCivilAffairs(user);
    Worker w = visible(user, workerId);
    List<FieldProblem> problems = new ArrayList<>();
    String status = code(WorkerStatus.class, "status", change.status(), problems);
    if (status == null && problems.isEmpty()) {
      problems.add(new FieldProblem("status", "状态为必填项", "is required"));
    }
    if (change.since() == null) {
      problems.add(new FieldProblem("since", "生效日期为必填项", "is required"));
    }
    if (change.reason() == null || change.reason().isBlank() || change.reason().length() > 500) {
      problems.add(new FieldProblem("reason", "原因为必填项，不超过 500 字", "is required, at most 500 characters"));
    }
    if (!problems.isEmpty()) {
      throw RongheException.invalid(problems);
    }
    workers.changeStatus(workerId, WorkerStatus.valueOf(status), change.since());
    decisions.record(workerId, "worker-registry", null, "status", status, change.reason().strip(), user.id(), null);
    return WorkerJson.summary(workers.find(workerId).orElseThrow());
  }

  private Worker visible(ApiUser user, String workerId) {
    Worker w = workers.find(workerId).orElseThrow(() -> RongheException.notFound("社区工作者", workerId));
    CareerAccess.requireSees(user, w.streetCode(), w.communityCode());
    return w;
  }

  private static <E extends Enum<E> & Labelled> String code(Class<E> type, String field, String value,
      List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return Labelled.parse(type, value).map(Enum::name).orElseGet(() -> {
      problems.add(new FieldProblem(field, "取值无效，可选：" + Labelled.labels(type), "is not a valid value"));
      return null;
    });
  }
}
