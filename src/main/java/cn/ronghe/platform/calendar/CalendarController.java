package cn.ronghe.platform.calendar;

import cn.ronghe.platform.security.ApiUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/calendar")
@Tag(name = "工作日历 Calendar", description = "法定节假日与调休 / public holidays and adjusted working days")
class CalendarController {

  record SpecialDayInput(String kind, String name) {
  }

  private final WorkCalendar calendar;

  CalendarController(WorkCalendar calendar) {
    this.calendar = calendar;
  }

  @GetMapping
  @Operation(summary = "List the special days (holidays, adjusted working days), optionally of one year")
  List<SpecialDay> list(@RequestParam(required = false) Integer year) {
    return calendar.specialDays(year);
  }

  @GetMapping("/working-days")
  @Operation(summary = "The date that lies N working days after a date")
  Map<String, Object> plus(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam int days) {
    if (days < 0 || days > 3650) {
      throw cn.ronghe.platform.error.RongheException.badRequest("INVALID_PARAMETER",
          "天数须在 0 到 3650 之间", "days must be between 0 and 3650");
    }
    return Map.of("from", from, "days", days, "date", calendar.workingDays().plusWorkingDays(from, days));
  }

  @PutMapping("/{date}")
  @Operation(summary = "Add or change a special day (administrators)")
  SpecialDay put(ApiUser user, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestBody SpecialDayInput input) {
    user.requireAdmin();
    return calendar.put(date, input.kind(), input.name());
  }

  @DeleteMapping("/{date}")
  @Operation(summary = "Remove a special day (administrators)")
  void remove(ApiUser user, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    user.requireAdmin();
    calendar.remove(date);
  }
}
