package cn.ronghe.cobuilding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The three lists as CSV (UTF-8 with BOM, opens in Excel), per community, per street or for the whole city. */
@RestController
@RequestMapping("/api/cobuilding/export")
@Tag(name = "共建清单 Co-building lists")
class ExportController {

  private final ListRepository lists;
  private final ProjectRepository projects;

  ExportController(ListRepository lists, ProjectRepository projects) {
    this.lists = lists;
    this.projects = projects;
  }

  @GetMapping(path = "/demands.csv", produces = "text/csv")
  @Operation(summary = "Demand list as CSV; filter with community= or street=")
  ResponseEntity<byte[]> demands(@RequestParam(required = false) String community,
      @RequestParam(required = false) String street) {
    Csv csv = new Csv(List.of("编号", "社区", "镇街", "类别", "标题", "需求描述", "受益对象", "受益人数", "期望开始", "期望结束",
        "联系人", "状态", "发布时间"));
    for (DemandItem d : lists.demands(new ListRepository.Filter(community, street, null, null, null))) {
      csv.row(d.itemNo(), d.communityName(), d.streetName(), d.categoryName(), d.title(), d.description(),
          d.beneficiaries(), d.beneficiaryCount(), d.expectedFrom(), d.expectedTo(), d.contactName(),
          d.status().label(), d.publishedAt().toLocalDate());
    }
    return csv.download(fileName("demands", community, street));
  }

  @GetMapping(path = "/resources.csv", produces = "text/csv")
  @Operation(summary = "Resource list as CSV; community= or street= selects the units paired there")
  ResponseEntity<byte[]> resources(@RequestParam(required = false) String community,
      @RequestParam(required = false) String street) {
    Csv csv = new Csv(List.of("编号", "共建单位", "类别", "标题", "提供内容", "服务能力", "可服务人数", "服务开始", "服务结束",
        "服务范围", "联系人", "状态", "发布时间"));
    for (ResourceItem r : lists.resources(new ListRepository.Filter(community, street, null, null, null))) {
      csv.row(r.itemNo(), r.unitName(), r.categoryName(), r.title(), r.offering(), r.capacity(), r.capacityCount(),
          r.availableFrom(), r.availableTo(), r.serviceScope().label(), r.contactName(), r.status().label(),
          r.publishedAt().toLocalDate());
    }
    return csv.download(fileName("resources", community, street));
  }

  @GetMapping(path = "/projects.csv", produces = "text/csv")
  @Operation(summary = "Project list as CSV; filter with community= or street=")
  ResponseEntity<byte[]> projects(@RequestParam(required = false) String community,
      @RequestParam(required = false) String street) {
    Csv csv = new Csv(List.of("编号", "方式", "社区", "共建单位", "镇街", "类别", "项目名称", "目标", "措施", "预算（元）",
        "开始", "结束", "社区负责人", "单位负责人", "状态", "立项时间", "结项时间", "取消原因", "来源清单"));
    for (Project p : projects.projects(new ListRepository.Filter(community, street, null, null, null))) {
      csv.row(p.projectNo(), p.direction().label(), p.communityName(), p.unitName(), p.streetName(), p.categoryName(),
          p.title(), p.goal(), p.measures(), p.budget() == null ? null : p.budget().toPlainString(), p.startDate(),
          p.endDate(), p.communityLead(), p.unitLead(), p.status().label(), p.agreedAt(), p.closedAt(),
          p.cancelReason(), p.demandNo() != null ? p.demandNo() : p.resourceNo());
    }
    return csv.download(fileName("projects", community, street));
  }

  private static String fileName(String list, String community, String street) {
    String scope = community != null ? community : street != null ? street : "all";
    return list + "-" + scope.replaceAll("[^a-z0-9_-]", "") + ".csv";
  }
}
