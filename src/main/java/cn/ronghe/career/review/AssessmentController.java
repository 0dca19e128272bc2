package cn.ronghe.career.review;

import cn.ronghe.career.CareerAccess;
import cn.ronghe.career.Worker;
import cn.ronghe.career.registry.WorkerRepository;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.platform.error.FieldProblem;
import cn.ronghe.platform.error.RongheException;
import cn.ronghe.platform.security.ApiUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/career/assessments")
@Tag(name = "年度考核 Annual assessment", description = "街道大工委录入或导入社区工作者年度考核结果")
class AssessmentController {

  record Entered(int year, String street, int stored) {
  }

  record SingleResult(String result) {
  }

  private final AssessmentEntry entry;
  private final WorkerRepository workers;
  private final RegistryRepository registry;

  AssessmentController(AssessmentEntry entry, WorkerRepository workers, RegistryRepository registry) {
    this.entry = entry;
    this.workers = workers;
    this.registry = registry;
  }

  @PutMapping("/{year}/{workerId}")
  @Transactional
  @Operation(summary = "The street enters one worker's result (优秀/称职/基本称职/不称职) for a year")
  Entered one(ApiUser user, @PathVariable int year, @PathVariable String workerId, @RequestBody SingleResult body) {
    Worker w = workers.find(workerId).orElseThrow(() -> RongheException.notFound("社区工作者", workerId));
    CareerAccess.requireStreet(user, w.streetCode());
    return store(user, year, w.streetCode(), List.of(new AssessmentEntry.Line(1, workerId, null,
        body == null ? null : body.result())), "API", "result");
  }

  @PostMapping(path = "/{year}/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
  @Transactional
  @Operation(summary = "The street imports a CSV (工号,考核结果 or 工号,姓名,考核结果); one bad line stores nothing")
  Entered importBody(ApiUser user, @PathVariable int year, @RequestParam(required = false) String street,
      @RequestBody byte[] body) {
    return importCsv(user, year, street, new String(body, StandardCharsets.UTF_8));
  }

  @PostMapping(path = "/{year}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Transactional
  @Operation(summary = "The same import as a file upload (multipart field \"file\")")
  Entered importFile(ApiUser user, @PathVariable int year, @RequestParam(required = false) String street,
      @RequestPart("file") MultipartFile file) throws IOException {
    return importCsv(user, year, street, new String(file.getBytes(), StandardCharsets.UTF_8));
  }

  private Entered importCsv(ApiUser user, int year, String street, String text) {
    String s = street != null ? street : CareerAccess.ownStreet(user);
    if (s == null || registry.street(s).isEmpty()) {
      throw RongheException.invalid(List.of(new FieldProblem("street", "请指定街道（镇）代码，如 ?street=loudong",
          "name the street, e.g. ?street=loudong")));
    }
    CareerAccess.requireStreet(user, s);
    List<FieldProblem> problems = new ArrayList<>();
    List<AssessmentEntry.Line> lines = AssessmentEntry.parse(text, "file", problems);
    if (problems.isEmpty() && lines.isEmpty()) {
      problems.add(new FieldProblem("file", "文件中没有考核结果", "the file holds no results"));
    }
    if (!problems.isEmpty()) {
      throw RongheException.invalid(problems);
    }
    return store(user, year, s, lines, "CSV", "file");
  }

  private Entered store(ApiUser user, int year, String street, List<AssessmentEntry.Line> lines, String source,
      String field) {
    List<FieldProblem> problems = entry.enter(year, street, lines, source, user.id(), field);
    if (!problems.isEmpty()) {
      throw RongheException.invalid(problems);
    }
    return new Entered(year, street, lines.size());
  }
}
