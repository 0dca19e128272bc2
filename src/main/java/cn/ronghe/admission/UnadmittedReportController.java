package cn.ronghe.admission;

import cn.ronghe.platform.calendar.Deadlines;
import cn.ronghe.platform.error.RongheException;
import cn.ronghe.platform.security.ApiUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admission/reports")
@Tag(name = "未准入事项报告 Unadmitted-matter reports", description = "社区报告与违规下派统计 / community reports and repeat offenders")
class UnadmittedReportController {

  record RepeatOffenderReport(LocalDate from, LocalDate to, int months, int threshold,
      List<OffenderView> offenders) {
  }

  record OffenderView(String departmentCode, String departmentName, int count, LocalDate first, LocalDate last,
      List<String> caseNos, List<String> communities) {
  }

  private final UnadmittedReports reports;
  private final AdmissionPolicy policy;
  private final AdmissionNames names;
  private final Deadlines deadlines;

  UnadmittedReportController(UnadmittedReports reports, AdmissionPolicy policy, AdmissionNames names, Deadlines deadlines) {
    this.reports = reports;
    this.policy = policy;
    this.names = names;
    this.deadlines = deadlines;
  }

  @GetMapping
  @Operation(summary = "Reports, newest first: a community sees its own, a department those about it, city bodies all")
  List<UnadmittedReports.Report> list(ApiUser user, @RequestParam(defaultValue = "100") int limit) {
    if (AdmissionAccess.oversees(user)) {
      return reports.list(null, null, limit);
    }
    if (!user.codes("community-").isEmpty()) {
      return reports.list(user.codes("community-").iterator().next(), null, limit);
    }
    if (!user.codes("dept-").isEmpty()) {
      return reports.list(null, user.codes("dept-").iterator().next(), limit);
    }
    throw RongheException.forbidden("您无权查看未准入事项报告", "You may not read unadmitted-matter reports");
  }

  @GetMapping("/{caseNo}")
  @Operation(summary = "One report with its verification and outcome")
  UnadmittedReports.Report one(ApiUser user, @PathVariable String caseNo) {
    UnadmittedReports.Report r = reports.find(caseNo).orElseThrow(() -> RongheException.notFound("报告", caseNo));
    boolean own = user.inGroup("community-" + r.communityCode()) || user.inGroup("dept-" + r.departmentCode());
    if (!own && !AdmissionAccess.oversees(user)) {
      throw RongheException.forbidden("您无权查看该报告", "You may not read this report");
    }
    return r;
  }

  @GetMapping("/repeat-offenders")
  @Operation(summary = "Departments that pushed unadmitted matters down repeatedly (defaults from policy)")
  RepeatOffenderReport repeatOffenders(ApiUser user, @RequestParam(required = false) Integer months,
      @RequestParam(required = false) Integer threshold) {
    AdmissionAccess.requireOverseer(user);
    int m = months == null ? policy.repeatOffenderMonths() : months;
    int t = threshold == null ? policy.repeatOffenderThreshold() : threshold;
    if (m < 1 || m > 120 || t < 1 || t > 1000) {
      throw RongheException.badRequest("INVALID_PARAMETER", "统计月数须为 1–120，次数阈值须为 1–1000",
          "months must be 1-120 and threshold 1-1000");
    }
    LocalDate to = deadlines.today();
    LocalDate from = to.minusMonths(m);
    List<OffenderView> offenders = RepeatOffenders.find(reports.offencesSince(from), from, t).stream()
        .map(o -> new OffenderView(o.departmentCode(), names.department(o.departmentCode()), o.count(), o.first(),
            o.last(), o.caseNos(), o.communities().stream().map(names::community).toList()))
        .toList();
    return new RepeatOffenderReport(from, to, m, t, offenders);
  }
}
