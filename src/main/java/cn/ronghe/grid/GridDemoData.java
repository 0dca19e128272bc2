package cn.ronghe.grid;

import cn.ronghe.grid.GridRecords.Grid;
import cn.ronghe.grid.GridRecords.Report;
import cn.ronghe.identity.Groups;
import cn.ronghe.organisation.Community;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.platform.cases.CaseNumbers;
import cn.ronghe.programme.DemoSeed;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo grids, once (programme_demo_seed): 504 grid party organisations over the communities (seven or eight each)
 * and half a year of closed reports for the throughput figures; with {@code ronghe.grid.demo-cases}, three open
 * reports of 东仓社区 (at the community, at 娄东街道, at 市住建局). Names are made up.
 */
@Component
@Order(122)
@ConditionalOnProperty(name = "ronghe.demo.enabled", havingValue = "true")
public class GridDemoData implements ApplicationRunner {

  static final int GRIDS = 504;
  private static final Logger log = LoggerFactory.getLogger(GridDemoData.class);
  private static final String SURNAMES = "陈王张李周徐朱陆顾沈钱吴孙杨黄蒋施邵金范陶龚唐姚浦缪瞿郁俞汤";
  private static final String[] GIVEN = {"建华", "国平", "志刚", "晓东", "海峰", "秀英", "美华", "丽萍", "雅琴", "立新",
      "永兴", "伟民", "春燕", "红梅", "卫东", "玉兰"};
  private static final String[][] HISTORY = {
      {"ENVIRONMENT", "小区东门垃圾房", "垃圾房满溢，清运不及时，气味较大"},
      {"FACILITY", "3 幢单元门", "单元门禁损坏，居民进出不便"},
      {"SAFETY", "地下车库", "电动自行车在楼道内充电，存在火灾隐患"},
      {"PROPERTY", "小区北侧绿化带", "绿化带长期无人修剪，杂草丛生"},
      {"DISPUTE", "8 幢 402 室与 502 室", "楼上卫生间漏水，邻里协商未果"},
      {"POLLUTION", "沿街餐饮店", "油烟直排，影响楼上住户"},
      {"ELDERLY", "6 幢 101 室", "独居老人行动不便，需要助餐服务"},
      {"PUBLIC_ORDER", "小区西门外路段", "夜间车辆乱停放，堵塞消防通道"}};

  private final RegistryRepository registry;
  private final GridRepository repository;
  private final GridReports reports;
  private final CaseNumbers numbers;
  private final DemoSeed seed;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final TaskService tasks;
  private final boolean casesOnStartup;

  GridDemoData(RegistryRepository registry, GridRepository repository, GridReports reports, CaseNumbers numbers,
      DemoSeed seed, RuntimeService runtime, IdentityService identity,
      TaskService tasks, @Value("${ronghe.grid.demo-cases:true}") boolean casesOnStartup) {
    this.registry = registry;
    this.repository = repository;
    this.reports = reports;
    this.numbers = numbers;
    this.seed = seed;
    this.runtime = runtime;
    this.identity = identity;
    this.tasks = tasks;
    this.casesOnStartup = casesOnStartup;
  }

  @Override
  public void run(ApplicationArguments args) {
    seed.once("grids", this::seedGrids);
    if (casesOnStartup) {
      seedCases();
    }
  }

  /** Three open reports of 东仓社区 (tests call this themselves). */
  public synchronized void seedCases() {
    if (seed.seeded("grid-cases")) {
      return;
    }
    List<Grid> grids = repository.grids("dongcang");
    start(grids.get(0), "ENVIRONMENT", "东仓花园 5 幢北侧", "建筑垃圾堆放在绿化带内已一周，居民多次反映");
    String street = start(grids.get(1), "FACILITY", "县府街与东仓路交叉口", "人行道地砖大面积松动，老人行走易绊倒");
    escalate(street, "Task_CommunityHandle", "dongcang", Groups.community("dongcang"), "路面维修超出社区能力，请街道协调");
    String dept = start(grids.get(2), "PROPERTY", "东仓新村 12 幢", "12 幢电梯频繁停运，物业维修后仍反复故障");
    escalate(dept, "Task_CommunityHandle", "dongcang", Groups.community("dongcang"), "物业企业拒不整改，请街道协调");
    escalate(dept, "Task_StreetHandle", "loudong", Groups.street("loudong"), "需市住建局督促物业企业落实电梯维保");
    seed.mark("grid-cases");
    log.info("Seeded three demo grid reports of 东仓社区");
  }

  private String start(Grid grid, String category, String location, String description) {
    identity.setAuthentication("dongcang", List.of(Groups.community("dongcang"), Groups.ROLE_COMMUNITY));
    try {
      return runtime.startProcessInstanceByKey(GridProcesses.REPORT, Map.of("gridCode", grid.code(), "category",
          category, "location", location, "description", description)).getId();
    } finally {
      identity.clearAuthentication();
    }
  }

  private void escalate(String pid, String taskKey, String user, String group, String reason) {
    identity.setAuthentication(user, List.of(group));
    try {
      String task = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(taskKey).singleResult().getId();
      tasks.complete(task, Map.of(GridProcesses.HANDLING, "ESCALATE", "escalateReason", reason));
    } finally {
      identity.clearAuthentication();
    }
  }

  private void seedGrids() {
    Random random = new Random(20260504L);
    List<Community> communities = registry.communities(null);
    int eights = GRIDS - 7 * communities.size();
    int n = 0;
    for (int i = 0; i < communities.size(); i++) {
      Community c = communities.get(i);
      for (int k = 1; k <= 7 + (i < eights ? 1 : 0); k++) {
        n++;
        repository.insertGrid(new Grid(String.format("G%04d", n), c.name() + "第" + k + "网格党小组", c.code(), null,
            null, SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN[random.nextInt(GIVEN.length)],
            180 + random.nextInt(420), 6 + random.nextInt(30), true, true));
      }
    }
    int closed = seedHistory(random);
    log.info("Seeded {} demo grids and {} closed grid reports", n, closed);
  }

  /** Closed reports of the last half year, written as the process would have left them. */
  private int seedHistory(Random random) {
    GridRules rules = reports.rules();
    List<Grid> grids = repository.grids(null);
    LocalDateTime now = GridReports.now();
    int count = 0;
    for (int i = 0; i < 160; i++) {
      Grid g = grids.get(random.nextInt(grids.size()));
      String[] h = HISTORY[random.nextInt(HISTORY.length)];
      GridRules.Category c = rules.category(h[0]);
      int roll = random.nextInt(10);
      String level = roll < 6 ? GridProcesses.COMMUNITY : roll < 9 ? GridProcesses.STREET : GridProcesses.DEPT;
      int escalations = GridProcesses.COMMUNITY.equals(level) ? 0 : GridProcesses.STREET.equals(level) ? 1 : 2;
      LocalDateTime at = now.minusDays(7 + random.nextInt(175)).withHour(8 + random.nextInt(9));
      LocalDateTime closedAt = at.plusHours(20 + random.nextInt(24 * (2 + 4 * escalations)));
      repository.insertReport(new Report(numbers.next(GridProcesses.PREFIX), g.code(), g.name(), g.communityCode(),
          g.streetCode(), c.code(), c.label(), g.communityName() + h[1], h[2], g.communityCode(), at, "CLOSED",
          escalations == 2 ? c.suggestedDept() : null, level, GridProcesses.levelLabel(level) + "已处理完毕（演示数据）",
          escalations, random.nextInt(12) == 0 ? 1 : 0, random.nextInt(8) == 0 ? 1 : 0, closedAt,
          random.nextInt(5) == 0 ? "AUTO" : "CONFIRMED"), null, true);
      count++;
    }
    return count;
  }
}
