package cn.ronghe.grid;

import cn.ronghe.grid.GridRecords.Grid;
import cn.ronghe.grid.GridRecords.Report;
import cn.ronghe.grid.GridRecords.Throughput;
import cn.ronghe.organisation.Community;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.organisation.Street;
import cn.ronghe.platform.error.RongheException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Grids, their reports and the throughput per grid, community and street (for the dashboard). */
@RestController
@RequestMapping("/api/grid")
@Tag(name = "网格上报 Grid reports", description = "网格党组织、上报问题、办理统计")
class GridController {

  private final GridRepository repository;
  private final RegistryRepository registry;

  GridController(GridRepository repository, RegistryRepository registry) {
    this.repository = repository;
    this.registry = registry;
  }

  @GetMapping("/grids")
  @Operation(summary = "Grid party organisations, of one community or all")
  List<Grid> grids(@RequestParam(required = false) String community) {
    return repository.grids(community);
  }

  @GetMapping("/reports")
  @Operation(summary = "Reports of a street, community or grid, newest first")
  List<Report> reports(@RequestParam(required = false) String street,
      @RequestParam(required = false) String community, @RequestParam(required = false) String grid) {
    return repository.reports(street, community, grid);
  }

  @GetMapping("/reports/{caseNo}")
  @Operation(summary = "One report and where it stands")
  Report report(@PathVariable String caseNo) {
    return repository.report(caseNo).orElseThrow(() -> RongheException.notFound("网格上报", caseNo));
  }

  @GetMapping("/throughput")
  @Operation(summary = "Dashboard: reported, open, closed, escalated, reopened, overdue and average days to close, "
      + "per grid, community or street (by=grid|community|street), optionally within a street or community")
  List<Throughput> throughput(@RequestParam(defaultValue = "street") String by,
      @RequestParam(required = false) String street, @RequestParam(required = false) String community) {
    List<Report> reports = repository.reports(street, community, null);
    return switch (by) {
      case "grid" -> GridRules.throughput(reports, Report::gridCode, names(repository.grids(community).stream()
          .collect(Collectors.toMap(Grid::code, Grid::name))));
      case "community" -> GridRules.throughput(reports, Report::communityCode, names(registry.communities(street)
          .stream().collect(Collectors.toMap(Community::code, Community::name))));
      case "street" -> GridRules.throughput(reports, Report::streetCode, names(registry.streets().stream()
          .collect(Collectors.toMap(Street::code, Street::name))));
      default -> throw RongheException.badRequest("GRID_BY_INVALID", "统计维度须为 grid、community 或 street",
          "by must be grid, community or street");
    };
  }

  private static Function<String, String> names(Map<String, String> names) {
    return code -> names.getOrDefault(code, code);
  }
}
