package cn.ronghe.evaluation;

import cn.ronghe.cobuilding.Csv;
import cn.ronghe.identity.Groups;
import cn.ronghe.organisation.Community;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.organisation.Unit;
import cn.ronghe.platform.error.RongheException;
import cn.ronghe.platform.security.ApiUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Published results over the years, per unit and per community, for party-building assessment. */
@RestController
@RequestMapping("/api/evaluation/reports")
@Tag(name = "双向考评 Two-way evaluation")
class EvaluationReportController {

  /** One year's result of a unit (as rated by a community) or of a community (as rated by a unit). */
  record ReportRow(int year, String cycleNo, String partner, BigDecimal score, String grade, String finalGrade,
      boolean adjusted, Boolean unitReported, String rectification) {
  }

  record Report(String code, String name, List<ReportRow> rows) {
  }

  private final EvaluationRepository repository;
  private final RectificationRepository rectifications;
  private final RegistryRepository registry;

  EvaluationReportController(EvaluationRepository repository, RectificationRepository rectifications,
      RegistryRepository registry) {
    this.repository = repository;
    this.rectifications = rectifications;
    this.registry = registry;
  }

  @GetMapping("/units/{unitCode}")
  @Operation(summary = "A unit's published results over all cycles (its staff, its streets, city bodies)")
  Report unit(ApiUser user, @PathVariable String unitCode) {
    Unit u = registry.unit(unitCode).orElseThrow(() -> RongheException.notFound("共建单位", unitCode));
    List<PairingResult> rows = repository.history(unitCode, null);
    boolean allowed = ResultAccess.seesAll(user) || user.inGroup(Groups.unit(unitCode))
        || rows.stream().anyMatch(p -> user.inGroup(Groups.street(p.streetCode())))
        || registry.pairings(null, unitCode).stream().map(p -> registry.community(p.communityCode()))
            .anyMatch(c -> c.isPresent() && user.inGroup(Groups.street(c.get().streetCode())));
    if (!allowed) {
      throw RongheException.forbidden("无权查看该单位的考评报告", "You may not read this unit's report");
    }
    return new Report(u.code(), u.name(), rows.stream().map(p -> row(p, RatingDirection.RatedSide.UNIT)).toList());
  }

  @GetMapping("/communities/{communityCode}")
  @Operation(summary = "A community's published results over all cycles, one row per rating unit and year")
  Report community(ApiUser user, @PathVariable String communityCode) {
    Community c = registry.community(communityCode).orElseThrow(() -> RongheException.notFound("社区", communityCode));
    if (!ResultAccess.seesAll(user) && !user.inGroup(Groups.community(communityCode))
        && !user.inGroup(Groups.street(c.streetCode()))) {
      throw RongheException.forbidden("无权查看该社区的考评报告", "You may not read this community's report");
    }
    return new Report(c.code(), c.name(), repository.history(null, communityCode).stream()
        .map(p -> row(p, RatingDirection.RatedSide.COMMUNITY)).toList());
  }

  @GetMapping(path = "/units.csv", produces = "text/csv")
  @Operation(summary = "Every unit's published results between two years (organisation department, streets for their own)")
  ResponseEntity<byte[]> unitsCsv(ApiUser user, @RequestParam int fromYear, @RequestParam int toYear,
      @RequestParam(required = false) String street) {
    Csv csv = new Csv(List.of("年度", "考评周期", "镇街", "共建单位", "评价社区", "得分", "评定等级", "最终等级", "经街道调整",
        "本年度到社区报到", "整改"));
    for (PairingResult p : exported(user, fromYear, toYear, street)) {
      ReportRow r = row(p, RatingDirection.RatedSide.UNIT);
      csv.row(r.year(), r.cycleNo(), p.streetCode(), p.unitName(), p.communityName(), r.score(), Grade.label(r.grade()),
          Grade.label(r.finalGrade()), r.adjusted() ? "是" : "否", Boolean.TRUE.equals(r.unitReported()) ? "是" : "否",
          r.rectification());
    }
    return csv.download("evaluation-units-" + fromYear + "-" + toYear + ".csv");
  }

  @GetMapping(path = "/communities.csv", produces = "text/csv")
  @Operation(summary = "Every community's published results between two years")
  ResponseEntity<byte[]> communitiesCsv(ApiUser user, @RequestParam int fromYear, @RequestParam int toYear,
      @RequestParam(required = false) String street) {
    Csv csv = new Csv(List.of("年度", "考评周期", "镇街", "社区", "评价单位", "得分", "评定等级", "最终等级", "经街道调整", "整改"));
    for (PairingResult p : exported(user, fromYear, toYear, street)) {
      ReportRow r = row(p, RatingDirection.RatedSide.COMMUNITY);
      csv.row(r.year(), r.cycleNo(), p.streetCode(), p.communityName(), p.unitName(), r.score(), Grade.label(r.grade()),
          Grade.label(r.finalGrade()), r.adjusted() ? "是" : "否", r.rectification());
    }
    return csv.download("evaluation-communities-" + fromYear + "-" + toYear + ".csv");
  }

  private List<PairingResult> exported(ApiUser user, int fromYear, int toYear, String street) {
    if (toYear < fromYear || toYear - fromYear > 20) {
      throw RongheException.badRequest("INVALID_PARAMETER", "年度范围无效（最多 20 年）", "invalid year range (20 years at most)");
    }
    if (!ResultAccess.seesAll(user) && (street == null || !user.inGroup(Groups.street(street)))) {
      throw RongheException.forbidden("仅组织部可导出全市结果，街道可导出本街道结果",
          "Only the organisation department exports all results; a street exports its own");
    }
    return repository.publishedBetween(fromYear, toYear, street);
  }

  private ReportRow row(PairingResult p, RatingDirection.RatedSide side) {
    boolean unit = side == RatingDirection.RatedSide.UNIT;
    String grade = unit ? p.unitGrade() : p.communityGrade();
    String finalGrade = p.finalGrade(side);
    String rect = rectifications.status(p.id(), side);
    return new ReportRow(p.evalYear(), p.cycleNo(), unit ? p.communityName() : p.unitName(),
        unit ? p.unitScore() : p.communityScore(), grade, finalGrade, !java.util.Objects.equals(grade, finalGrade),
        p.unitReported(), rect == null ? null : switch (rect) {
          case "ACCEPTED" -> "整改完成";
          case "SUBMITTED" -> "待复核";
          default -> "整改中";
        });
  }
}
