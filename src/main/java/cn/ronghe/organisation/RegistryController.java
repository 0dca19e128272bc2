package cn.ronghe.organisation;

import cn.ronghe.platform.error.RongheException;
import cn.ronghe.platform.security.ApiUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/registry")
@Tag(name = "组织登记册 Registry", description = "镇街、社区、共建单位与结对 / streets, communities, units and pairings")
class RegistryController {

  private final RegistryRepository repository;
  private final RegistryService service;

  RegistryController(RegistryRepository repository, RegistryService service) {
    this.repository = repository;
    this.service = service;
  }

  @GetMapping
  @Operation(summary = "The current registry version and its counts")
  RegistryVersion current() {
    return repository.currentVersion().orElseThrow(() -> RongheException.notFound("登记册", "current"));
  }

  @GetMapping("/streets")
  List<Street> streets() {
    return repository.streets();
  }

  @GetMapping("/communities")
  List<Community> communities(@RequestParam(required = false) String street) {
    return repository.communities(street);
  }

  @GetMapping("/units")
  List<Unit> units(@RequestParam(required = false) UnitKind kind) {
    return repository.units(kind);
  }

  @GetMapping("/pairings")
  List<Pairing> pairings(@RequestParam(required = false) String community, @RequestParam(required = false) String unit) {
    return repository.pairings(community, unit);
  }

  @GetMapping("/departments")
  List<Department> departments() {
    return repository.departments();
  }

  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Replace the registry from a CSV file (administrators); any bad line rejects the whole file")
  RegistryVersion importFile(ApiUser user, @RequestPart("file") MultipartFile file) throws IOException {
    user.requireAdmin();
    return service.importCsv(file.getBytes(), sourceName(file.getOriginalFilename()), user.id());
  }

  @PostMapping(path = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
  @Operation(summary = "Replace the registry from a CSV request body (administrators)")
  RegistryVersion importBody(ApiUser user, @RequestBody byte[] body) {
    user.requireAdmin();
    return service.importCsv(body, "upload.csv", user.id());
  }

  @GetMapping(path = "/export", produces = "text/csv")
  @Operation(summary = "The current registry in the import format")
  ResponseEntity<byte[]> export() {
    StringBuilder csv = new StringBuilder("\uFEFF").append(String.join(",", RegistryCsv.HEADER)).append('\n');
    repository.streets().forEach(s -> line(csv, "street", s.code(), s.name(), "", s.kind().name(), s.sampleData()));
    repository.communities(null).forEach(c -> line(csv, "community", c.code(), c.name(), c.streetCode(), "", c.sampleData()));
    repository.units(null).forEach(u -> line(csv, "unit", u.code(), u.name(), "", u.kind().name(), u.sampleData()));
    repository.pairings(null, null).forEach(p -> csv.append("pairing,").append(p.unitCode()).append(",,")
        .append(p.communityCode()).append(",,\n"));
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"registry.csv\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  @GetMapping("/summary")
  @Operation(summary = "Counts per street: communities, pairings")
  List<Map<String, Object>> summary() {
    return repository.streets().stream().map(s -> {
      List<Community> cs = repository.communities(s.code());
      long pairings = cs.stream().mapToLong(c -> repository.pairings(c.code(), null).size()).sum();
      return Map.<String, Object>of("street", s.code(), "name", s.name(), "communities", cs.size(), "pairings", pairings);
    }).toList();
  }

  private static void line(StringBuilder csv, String type, String code, String name, String parent, String kind,
      boolean sample) {
    csv.append(type).append(',').append(code).append(',').append(quote(name)).append(',').append(parent).append(',')
        .append(kind).append(',').append(sample).append('\n');
  }

  private static String quote(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  private static String sourceName(String name) {
    if (name == null || name.isBlank()) {
      return "upload.csv";
    }
    String clean = name.replaceAll("[\\p{Cntrl}<>]", "");
    return clean.length() > 100 ? clean.substring(0, 100) : clean;
  }
}
