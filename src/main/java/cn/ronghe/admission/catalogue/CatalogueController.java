package cn.ronghe.admission.catalogue;

import cn.ronghe.platform.error.RongheException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/catalogue")
@Tag(name = "事项清单 Catalogue", description = "社区事项准入清单的各个版本 / the published versions of the community matter catalogue")
class CatalogueController {

  record VersionWithItems(CatalogueVersion version, List<ItemView> items) {
  }

  record ItemWithHistory(CatalogueVersion version, ItemView item, List<Revision> history) {
  }

  record Revision(int versionNo, java.time.LocalDate publishedOn, String summary,
      List<CatalogueDiff.FieldChange> changes) {
  }

  private final CatalogueService catalogue;

  CatalogueController(CatalogueService catalogue) {
    this.catalogue = catalogue;
  }

  @GetMapping
  @Operation(summary = "The current version with its items")
  VersionWithItems current() {
    return withItems(catalogue.currentOrFail());
  }

  @GetMapping("/versions")
  @Operation(summary = "Every published version, newest first")
  List<CatalogueVersion> versions() {
    return catalogue.versions();
  }

  @GetMapping("/versions/{versionNo}")
  @Operation(summary = "One version with its items")
  VersionWithItems version(@PathVariable int versionNo) {
    return withItems(catalogue.version(versionNo));
  }

  @GetMapping("/in-force")
  @Operation(summary = "The version in force on a date (the last one published on or before it)")
  CatalogueVersion inForce(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return catalogue.inForceOn(date).orElseThrow(() -> RongheException.notFound("该日生效的清单版本", date.toString()));
  }

  @GetMapping("/items")
  @Operation(summary = "Items of a version (default: current), optionally of one list type (BY_LAW, ASSISTANCE)")
  List<ItemView> items(@RequestParam(required = false) Integer version,
      @RequestParam(required = false) ListType listType) {
    CatalogueVersion v = version == null ? catalogue.currentOrFail() : catalogue.version(version);
    return ItemView.of(catalogue.items(v.versionNo()).stream()
        .filter(i -> listType == null || i.listType() == listType).toList(), catalogue.naming());
  }

  @GetMapping("/items/{code}")
  @Operation(summary = "One item in a version (default: current), with its change history")
  ItemWithHistory item(@PathVariable String code, @RequestParam(required = false) Integer version) {
    CatalogueVersion v = version == null ? catalogue.currentOrFail() : catalogue.version(version);
    CatalogueItem item = catalogue.item(v.versionNo(), code)
        .orElseThrow(() -> RongheException.notFound("清单事项", code + " @ v" + v.versionNo()));
    List<Revision> history = catalogue.history(code).stream().map(r -> new Revision(r.version().versionNo(),
        r.version().publishedOn(), r.version().summary(), r.changes())).toList();
    return new ItemWithHistory(v, ItemView.of(item, catalogue.naming()), history);
  }

  @GetMapping("/diff")
  @Operation(summary = "Items added, removed and changed (field by field) between two versions")
  CatalogueDiff diff(@RequestParam int from, @RequestParam int to) {
    return catalogue.diff(from, to);
  }

  @GetMapping(value = "/export.csv", produces = "text/csv")
  @Operation(summary = "A version (default: current) as CSV, UTF-8 with byte-order mark for Excel")
  ResponseEntity<byte[]> csv(@RequestParam(required = false) Integer version) {
    CatalogueVersion v = version == null ? catalogue.currentOrFail() : catalogue.version(version);
    return csvResponse(v, CatalogueCsv.download(catalogue.items(v.versionNo()), catalogue.naming()));
  }

  static ResponseEntity<byte[]> csvResponse(CatalogueVersion v, byte[] body) {
    String name = "社区事项清单-v" + v.versionNo() + ".csv";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"catalogue-v" + v.versionNo()
            + ".csv\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
        .body(body);
  }

  private VersionWithItems withItems(CatalogueVersion v) {
    return new VersionWithItems(v, ItemView.of(catalogue.items(v.versionNo()), catalogue.naming()));
  }
}
