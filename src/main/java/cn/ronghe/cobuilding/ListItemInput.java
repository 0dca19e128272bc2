package cn.ronghe.cobuilding;

import cn.ronghe.platform.process.FormInput;
import java.time.LocalDate;
import java.util.List;

/**
 * Reads and checks a list item a community (demand) or a unit (resource) publishes, from the start form of
 * {@code co-building-list-item} or from the REST API (which starts the same process).
 */
final class ListItemInput {

  static final String TYPE_DEMAND = "DEMAND";
  static final String TYPE_RESOURCE = "RESOURCE";
  static final int MAX_COUNT = 100_000;
  /** A list item plans for the coming period, not for years ahead. */
  static final int MAX_YEARS_AHEAD = 3;

  record DemandInput(String communityCode, String category, String title, String description, String beneficiaries,
      int beneficiaryCount, LocalDate expectedFrom, LocalDate expectedTo, String contactName) {
  }

  record ResourceInput(String unitCode, String category, String title, String offering, String capacity,
      int capacityCount, LocalDate availableFrom, LocalDate availableTo, ServiceScope serviceScope,
      String contactName) {
  }

  private ListItemInput() {
  }

  /** The fields both kinds share; null values where a problem was recorded. */
  record Common(String category, String title, LocalDate from, LocalDate to, String contactName) {
  }

  static Common common(FormInput in, List<String> categories, LocalDate today) {
    String category = in.choice("category", "服务类别", categories, true);
    String title = in.text("title", "标题", 100, true);
    LocalDate from = in.date("periodFrom", "开始日期", true);
    LocalDate to = in.date("periodTo", "结束日期", true);
    String contact = in.text("contactName", "联系人", 50, true);
    if (from != null && to != null) {
      if (to.isBefore(from)) {
        in.addProblem("periodTo", "结束日期不能早于开始日期", "the end date must not be before the start date");
      } else if (to.isBefore(today)) {
        in.addProblem("periodTo", "结束日期已过，不能发布过期的清单", "the end date is in the past");
      } else if (to.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
        in.addProblem("periodTo", "结束日期不能晚于 " + MAX_YEARS_AHEAD + " 年后",
            "the end date must be within " + MAX_YEARS_AHEAD + " years");
      }
    }
    return new Common(category, title, from, to, contact);
  }

  static DemandInput demand(FormInput in, String communityCode, Common c) {
    String description = in.text("description", "需求描述", 2000, true);
    String beneficiaries = in.text("beneficiaries", "受益对象", 200, true);
    Integer count = in.integer("beneficiaryCount", "受益人数", 1, MAX_COUNT, true);
    if (!in.valid()) {
      return null;
    }
    return new DemandInput(communityCode, c.category(), c.title(), description, beneficiaries, count, c.from(),
        c.to(), c.contactName());
  }

  static ResourceInput resource(FormInput in, String unitCode, Common c) {
    String offering = in.text("offering", "提供内容", 2000, true);
    String capacity = in.text("capacity", "服务能力", 200, true);
    Integer count = in.integer("capacityCount", "可服务人数", 1, MAX_COUNT, true);
    String scope = in.choice("serviceScope", "服务范围", List.of("PAIRED", "STREET", "CITY"), true);
    if (!in.valid()) {
      return null;
    }
    return new ResourceInput(unitCode, c.category(), c.title(), offering, capacity, count, c.from(), c.to(),
        ServiceScope.valueOf(scope), c.contactName());
  }
}
