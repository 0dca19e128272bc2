package cn.ronghe.cobuilding;

import cn.ronghe.organisation.Community;
import cn.ronghe.organisation.Pairing;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.organisation.Unit;
import cn.ronghe.platform.DatabaseLock;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo lists at Taicang's scale (256 demands, 278 resources, 265 projects with their reports and histories,
 * three years of contact records), imported as records the way a city would import its spreadsheets; then a few
 * projects run live through the process (see {@link CoBuildingDemoLive}). Seeds once, on an empty database.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "ronghe.demo.enabled", havingValue = "true")
class CoBuildingDemoData implements ApplicationRunner {

  static final int DEMANDS = 256;
  static final int RESOURCES = 278;
  /** 265 in the article; three of them are the live projects. */
  static final int PROJECTS = 262;
  static final String IMPORT = "import";

  private static final Logger log = LoggerFactory.getLogger(CoBuildingDemoData.class);

  private final JdbcTemplate jdbc;
  private final RegistryRepository registry;
  private final DatabaseLock lock;
  private final TransactionTemplate tx;
  private final CoBuildingDemoLive live;
  private final boolean liveProcesses;
  private final Random rnd = new Random(2026);

  CoBuildingDemoData(JdbcTemplate jdbc, RegistryRepository registry, DatabaseLock lock, TransactionTemplate tx,
      CoBuildingDemoLive live, @Value("${ronghe.cobuilding.demo-processes:true}") boolean liveProcesses) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.lock = lock;
    this.tx = tx;
    this.live = live;
    this.liveProcesses = liveProcesses;
  }

  @Override
  public void run(ApplicationArguments args) {
    Boolean seeded = tx.execute(status -> {
      lock.acquire("startup");
      if (jdbc.queryForObject("SELECT COUNT(*) FROM cb_demand", Integer.class) > 0) {
        return false;
      }
      seed();
      return true;
    });
    if (Boolean.TRUE.equals(seeded) && liveProcesses) {
      live.run();
    }
    if (Boolean.TRUE.equals(seeded)) {
      log.info("Seeded the co-building demo: {} demands, {} resources, {} projects, contact records, live projects",
          DEMANDS + 2, RESOURCES + 1, PROJECTS + 3);
    }
  }

  private record Item(long id, String no, int year, String community, String unit, String category,
      DemoCatalogue.DemandTemplate demand, DemoCatalogue.ResourceTemplate resource, LocalDateTime published) {
  }

  private void seed() {
    List<Community> communities = registry.communities(null);
    List<Unit> units = registry.units(null);
    Map<String, Community> communityByCode = communities.stream().collect(Collectors.toMap(Community::code, Function.identity()));
    Map<String, List<String>> unitsOf = new HashMap<>();
    Map<String, String> communityOf = new HashMap<>();
    for (Pairing p : registry.pairings(null, null)) {
      unitsOf.computeIfAbsent(p.communityCode(), k -> new ArrayList<>()).add(p.unitCode());
      communityOf.putIfAbsent(p.unitCode(), p.communityCode());
    }
    LocalDate today = Times.today();
    List<Item> demands = new ArrayList<>();
    List<String> categories = new ArrayList<>(DemoCatalogue.DEMANDS.keySet().stream().sorted().toList());
    for (int i = 0; i < DEMANDS; i++) {
      int year = i < 80 ? 2024 : i < 176 ? 2025 : 2026;
      Community c = communities.get(i % communities.size());
      String category = categories.get(rnd.nextInt(categories.size()));
      var template = pick(DemoCatalogue.DEMANDS.get(category));
      LocalDateTime published = dayIn(year, today).atTime(9 + rnd.nextInt(8), rnd.nextInt(60));
      demands.add(new Item(0, number("XQ", year, demands), year, c.code(), null, category, template, null, published));
    }
    List<Item> resources = new ArrayList<>();
    for (int i = 0; i < RESOURCES; i++) {
      int year = i < 90 ? 2024 : i < 190 ? 2025 : 2026;
      Unit u = units.get(i);
      String category = pick(DemoCatalogue.likelyCategories(u.name()));
      var template = pick(DemoCatalogue.RESOURCES.get(category));
      LocalDateTime published = dayIn(year, today).atTime(9 + rnd.nextInt(8), rnd.nextInt(60));
      resources.add(new Item(0, number("ZY", year, resources), year, null, u.code(), category, null, template, published));
    }
    demands = insertDemands(demands, communityByCode);
    resources = insertResources(resources);
    Projects projects = new Projects(unitsOf, communityOf, communityByCode, today);
    projects.seed(demands, resources);
    seedContacts(today);
    for (String prefix : List.of("XQ", "ZY", "GJ")) {
      jdbc.update("DELETE FROM case_sequence WHERE prefix = ?", prefix);
    }
    setSequence("XQ", demands.stream().map(Item::no).toList());
    setSequence("ZY", resources.stream().map(Item::no).toList());
    setSequence("GJ", jdbc.queryForList("SELECT project_no FROM cb_project", String.class));
  }

  private List<Item> insertDemands(List<Item> items, Map<String, Community> communities) {
    List<Object[]> rows = new ArrayList<>();
    for (Item d : items) {
      LocalDate from = d.published().toLocalDate().plusDays(15);
      rows.add(new Object[] {d.no(), d.community(), communities.get(d.community()).streetCode(), d.category(),
          d.demand().title(), d.demand().description(), d.demand().beneficiaries(),
          Math.max(5, d.demand().count() + rnd.nextInt(d.demand().count() / 2 + 1) - d.demand().count() / 4),
          Date.valueOf(from), Date.valueOf(from.plusMonths(6 + rnd.nextInt(7))), person(), d.year() == 2026 ? "OPEN" : "WITHDRAWN",
          Timestamp.valueOf(d.published()), d.community(), Timestamp.valueOf(d.published())});
    }
    jdbc.batchUpdate("INSERT INTO cb_demand (item_no, community_code, street_code, category, title, description, "
        + "beneficiaries, beneficiary_count, expected_from, expected_to, contact_name, status, published_at, published_by, "
        + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    return withIds(items, "cb_demand");
  }

  private List<Item> insertResources(List<Item> items) {
    List<Object[]> rows = new ArrayList<>();
    for (Item r : items) {
      LocalDate from = r.published().toLocalDate();
      String scope = r.category().equals("FINANCE") || rnd.nextInt(7) == 0 ? "CITY" : rnd.nextBoolean() ? "PAIRED" : "STREET";
      boolean withdrawn = r.year() == 2024 && rnd.nextInt(9) == 0;
      rows.add(new Object[] {r.no(), r.unit(), r.category(), r.resource().title(), r.resource().offering(),
          r.resource().capacity(), r.resource().count(), Date.valueOf(from), Date.valueOf(LocalDate.of(r.year() + 2, 12, 31)),
          scope, person(), withdrawn ? "WITHDRAWN" : "OPEN", Timestamp.valueOf(r.published()), r.unit(),
          Timestamp.valueOf(r.published())});
    }
    jdbc.batchUpdate("INSERT INTO cb_resource (item_no, unit_code, category, title, offering, capacity, capacity_count, "
        + "available_from, available_to, service_scope, contact_name, status, published_at, published_by, updated_at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    List<Item> saved = withIds(items, "cb_resource");
    List<Object[]> history = new ArrayList<>();
    for (Item r : saved) {
      history.add(new Object[] {"RESOURCE", r.id(), "PUBLISHED", "发布资源：" + r.resource().title(), r.unit(),
          Timestamp.valueOf(r.published())});
    }
    insertHistory(history);
    return saved;
  }

  private List<Item> withIds(List<Item> items, String table) {
    Map<String, Long> ids = new HashMap<>();
    jdbc.query("SELECT item_no, id FROM " + table, rs -> {
      ids.put(rs.getString(1), rs.getLong(2));
    });
    return items.stream().map(i -> new Item(ids.get(i.no()), i.no(), i.year(), i.community(), i.unit(), i.category(),
        i.demand(), i.resource(), i.published())).toList();
  }

  void insertHistory(List<Object[]> rows) {
    jdbc.batchUpdate("INSERT INTO cb_history (item_type, item_id, action, note, actor, acted_at) VALUES (?, ?, ?, ?, ?, ?)",
        rows);
  }

  /** The projects of the list: most accepted and closed, some cancelled, each with its monthly reports. */
  private final class Projects {
    private final Map<String, List<String>> unitsOf;
    private final Map<String, String> communityOf;
    private final Map<String, Community> communities;
    private final LocalDate today;
    private final List<Object[]> history = new ArrayList<>();
    private final Map<Integer, Integer> numbers = new HashMap<>();

    Projects(Map<String, List<String>> unitsOf, Map<String, String> communityOf, Map<String, Community> communities,
        LocalDate today) {
      this.unitsOf = unitsOf;
      this.communityOf = communityOf;
      this.communities = communities;
      this.today = today;
    }

    void seed(List<Item> demands, List<Item> resources) {
      int made = 0;
      for (Item d : demands) {
        history.add(new Object[] {"DEMAND", d.id(), "PUBLISHED", "发布需求：" + d.demand().title(), d.community(),
            Timestamp.valueOf(d.published())});
        boolean early2026 = d.year() == 2026 && d.published().getMonthValue() <= 3;
        if (made < 170 && (d.year() < 2026 || early2026) && rnd.nextInt(10) < 9) {
          List<String> paired = unitsOf.getOrDefault(d.community(), List.of());
          String unit = paired.get(rnd.nextInt(paired.size()));
          project(d, null, d.community(), unit, d.demand().title(), d.demand().description(), made++);
        } else if (d.year() < 2026) {
          jdbc.update("UPDATE cb_demand SET status = 'WITHDRAWN' WHERE id = ?", d.id());
          history.add(new Object[] {"DEMAND", d.id(), "WITHDRAWN", "期望时间已过，未形成项目，需求撤回", d.community(),
              Timestamp.valueOf(d.published().plusMonths(8))});
        }
      }
      List<Item> shuffled = new ArrayList<>(resources);
      java.util.Collections.shuffle(shuffled, rnd);
      for (Item r : shuffled) {
        if (made >= PROJECTS) {
          break;
        }
        if (r.published().toLocalDate().isAfter(today.minusMonths(6))) {
          continue;
        }
        String community = communityOf.get(r.unit());
        if (community != null) {
          project(null, r, community, r.unit(), r.resource().title(), r.resource().offering(), made++);
        }
      }
      insertHistory(history);
    }

    private void project(Item demand, Item resource, String community, String unit, String title, String what, int n) {
      Item source = demand != null ? demand : resource;
      LocalDateTime claimed = source.published().plusDays(5 + rnd.nextInt(25));
      LocalDateTime agreed = claimed.plusDays(7 + rnd.nextInt(14));
      LocalDate start = agreed.toLocalDate().plusDays(3);
      LocalDate end = start.plusMonths(3 + rnd.nextInt(6));
      if (!end.isBefore(today.minusDays(20))) {
        end = today.minusDays(20 + rnd.nextInt(30));
        if (!end.isAfter(start.plusMonths(1))) {
          start = end.minusMonths(2);
        }
      }
      boolean cancelled = n % 21 == 7;
      LocalDateTime closed = end.atTime(15, 30).plusDays(10 + rnd.nextInt(10));
      if (closed.toLocalDate().isAfter(today)) {
        closed = today.minusDays(1).atTime(15, 30);
      }
      String no = "GJ-" + claimed.getYear() + "-" + String.format("%04d", numbers.merge(claimed.getYear(), 1, Integer::sum));
      String direction = demand != null ? "UNIT_CLAIMS_DEMAND" : "COMMUNITY_CLAIMS_RESOURCE";
      String claimant = demand != null ? unit : community;
      String cancelReason = cancelled ? pick(List.of("场地改造无法如期开展，双方协商取消", "单位人员调整，经协商改为下一年度实施",
          "需求已由街道统一解决，无需重复实施")) : null;
      LocalDateTime cancelledAt = cancelled ? agreed.plusDays(20 + rnd.nextInt(40)) : null;
      int budget = 20 + rnd.nextInt(480);
      jdbc.update("INSERT INTO cb_project (project_no, direction, demand_id, resource_id, community_code, unit_code, "
              + "street_code, category, title, claim_note, goal, measures, budget, start_date, end_date, community_lead, "
              + "unit_lead, status, claimed_by, claimed_at, community_confirmed_by, community_confirmed_at, unit_confirmed_by, "
              + "unit_confirmed_at, agreed_at, closed_at, cancelled_at, cancelled_by, cancel_reason, updated_at) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          no, direction, demand == null ? null : demand.id(), resource == null ? null : resource.id(), community, unit,
          communities.get(community).streetCode(), source.category(), title, "我方可以承接，具体方案见协议",
          "围绕“" + title + "”，在" + communities.get(community).name() + "开展共建服务，按月报告进展", what,
          BigDecimal.valueOf(budget * 100L), Date.valueOf(start), Date.valueOf(end), person(), person(),
          cancelled ? "CANCELLED" : "CLOSED", claimant, Timestamp.valueOf(claimed), community, Timestamp.valueOf(agreed),
          unit, Timestamp.valueOf(agreed), Timestamp.valueOf(agreed), cancelled ? null : Timestamp.valueOf(closed),
          cancelledAt == null ? null : Timestamp.valueOf(cancelledAt), cancelled ? community : null, cancelReason,
          Timestamp.valueOf(cancelled ? cancelledAt : closed));
      long id = jdbc.queryForObject("SELECT id FROM cb_project WHERE project_no = ?", Long.class, no);
      history.add(new Object[] {"PROJECT", id, "CLAIMED", "认领 " + source.no(), claimant, Timestamp.valueOf(claimed)});
      history.add(new Object[] {"PROJECT", id, "DRAFTED", "起草项目协议：" + title, claimant, Timestamp.valueOf(claimed.plusDays(3))});
      history.add(new Object[] {"PROJECT", id, "AGREED", "双方确认项目协议，项目立项实施", demand != null ? community : unit,
          Timestamp.valueOf(agreed)});
      LocalDate last = cancelled ? cancelledAt.toLocalDate() : end;
      reports(id, unit, start, last, !cancelled);
      if (cancelled) {
        history.add(new Object[] {"PROJECT", id, "CANCELLED", cancelReason, community, Timestamp.valueOf(cancelledAt)});
        if (demand != null) {
          jdbc.update("UPDATE cb_demand SET status = 'WITHDRAWN' WHERE id = ?", demand.id());
        }
      } else {
        history.add(new Object[] {"PROJECT", id, "ACCEPTED_BY_COMMUNITY", "社区验收通过：服务记录完整，居民满意", community,
            Timestamp.valueOf(closed.minusDays(3))});
        history.add(new Object[] {"PROJECT", id, "ACCEPTED_BY_STREET", "街道验收通过", "street",
            Timestamp.valueOf(closed.minusHours(2))});
        history.add(new Object[] {"PROJECT", id, "CLOSED", "社区和街道验收通过，项目结项", "system", Timestamp.valueOf(closed)});
        if (demand != null) {
          jdbc.update("UPDATE cb_demand SET status = 'FULFILLED' WHERE id = ?", demand.id());
          history.add(new Object[] {"DEMAND", demand.id(), "FULFILLED", "项目 " + no + " 验收结项", "system",
              Timestamp.valueOf(closed)});
        }
      }
    }

    private void reports(long projectId, String unit, LocalDate start, LocalDate last, boolean finishes) {
      List<YearMonth> months = new ArrayList<>();
      for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(last)); m = m.plusMonths(1)) {
        months.add(m);
      }
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < months.size(); i++) {
        YearMonth m = months.get(i);
        boolean final_ = finishes && i == months.size() - 1;
        int pct = final_ ? 100 : Math.min(95, (i + 1) * 100 / (months.size() + 1));
        LocalDateTime due = m.plusMonths(1).atDay(8).atTime(17, 0);
        boolean late = rnd.nextInt(10) == 0;
        LocalDateTime submitted = late ? due.plusDays(2 + rnd.nextInt(5)) : due.minusDays(1 + rnd.nextInt(5));
        rows.add(new Object[] {projectId, m.toString(), pct, pick(WORK), final_ ? null : pick(NEXT), null, final_,
            Timestamp.valueOf(due), Timestamp.valueOf(submitted), unit, late});
        history.add(new Object[] {"PROJECT", projectId, "REPORTED", m + " 进展报告（进度 " + pct + "%" + (late ? "，逾期提交" : "") + "）",
            unit, Timestamp.valueOf(submitted)});
      }
      jdbc.batchUpdate("INSERT INTO cb_progress_report (project_id, report_month, progress_pct, work_done, next_steps, "
          + "issues, finished, due_at, submitted_at, submitted_by, late) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }
  }

  static final List<String> WORK = List.of("本月开展服务 4 次，服务居民 86 人次，居民反馈良好", "组织志愿者 12 名，完成入户走访 35 户",
      "举办专题讲座 1 场，参加居民 62 人，发放宣传资料 200 份", "完成第二阶段服务，建立服务台账并与社区核对",
      "按协议完成本月服务，社区对接人全程参与", "开展活动 2 场，新增受益对象 18 人");
  static final List<String> NEXT = List.of("继续按计划开展服务，重点回访困难对象", "下月开展总结评估，准备验收材料",
      "扩大服务范围至周边小区", "与社区商定节日专场活动方案");

  private void seedContacts(LocalDate today) {
    List<Object[]> rows = new ArrayList<>();
    List<Pairing> pairings = registry.pairings(null, null);
    for (int i = 0; i < pairings.size(); i++) {
      Pairing p = pairings.get(i);
      // About one unit in twenty never reported to its community in 2025: the evaluation rule caps it.
      boolean silent2025 = i % 20 == 3;
      for (int year = 2024; year <= today.getYear(); year++) {
        int count = year == 2025 && silent2025 ? 0 : 2 + rnd.nextInt(6);
        for (int k = 0; k < count; k++) {
          LocalDate day = k == 0 ? LocalDate.of(year, 2 + rnd.nextInt(3), 1 + rnd.nextInt(28)) : dayIn(year, today);
          if (day.isAfter(today)) {
            continue;
          }
          Contact.Kind kind = k == 0 ? Contact.Kind.REPORT : Contact.Kind.values()[rnd.nextInt(4)];
          rows.add(new Object[] {p.unitCode(), p.communityCode(), Date.valueOf(day), kind.name(), contactNote(kind),
              p.communityCode(), Timestamp.valueOf(day.atTime(16, 0))});
        }
      }
    }
    jdbc.batchUpdate("INSERT INTO cb_contact (unit_code, community_code, contact_date, kind, note, recorded_by, recorded_at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
  }

  private String contactNote(Contact.Kind kind) {
    return switch (kind) {
      case REPORT -> pick(List.of("单位党组织到社区报到，认领年度共建任务", "在职党员到社区报到并登记服务意向"));
      case MEETING -> pick(List.of("参加社区大党委季度联席会议", "参加共建项目推进会"));
      case SERVICE -> pick(List.of("派志愿者参加社区环境整治", "参加社区文明实践志愿服务"));
      case VISIT -> pick(List.of("走访社区了解年度需求", "与社区书记沟通下季度共建计划"));
    };
  }

  private void setSequence(String prefix, List<String> numbers) {
    Map<Integer, Integer> max = new HashMap<>();
    for (String no : numbers) {
      String[] parts = no.split("-");
      max.merge(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), Math::max);
    }
    max.forEach((year, value) -> jdbc.update("INSERT INTO case_sequence (prefix, seq_year, next_value) VALUES (?, ?, ?)",
        prefix, year, value + 1));
  }

  private static String number(String prefix, int year, List<Item> sofar) {
    long n = sofar.stream().filter(i -> i.year() == year).count() + 1;
    return prefix + "-" + year + "-" + String.format("%04d", n);
  }

  private LocalDate dayIn(int year, LocalDate today) {
    LocalDate last = year == today.getYear() ? today.minusDays(7) : LocalDate.of(year, 12, 20);
    LocalDate first = LocalDate.of(year, 1, 5);
    return first.plusDays(rnd.nextInt((int) (last.toEpochDay() - first.toEpochDay())));
  }

  private String person() {
    return pick(DemoCatalogue.STAFF_SURNAMES) + pick(DemoCatalogue.STAFF_GIVEN);
  }

  private <T> T pick(List<T> list) {
    return list.get(rnd.nextInt(list.size()));
  }
}
