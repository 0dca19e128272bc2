package cn.ronghe.property;

import cn.ronghe.identity.Groups;
import cn.ronghe.organisation.Community;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.organisation.Street;
import cn.ronghe.platform.calendar.Deadlines;
import cn.ronghe.platform.cases.CaseNumbers;
import cn.ronghe.platform.policy.PolicyParameters;
import cn.ronghe.programme.DemoSeed;
import cn.ronghe.property.PropertyRecords.Company;
import cn.ronghe.property.PropertyRecords.Compound;
import cn.ronghe.property.PropertyRecords.Rating;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo property companies, once (programme_demo_seed): 16 companies serving the compounds of every community,
 * verified positive and negative entries over the last fourteen months and the red and black lists of a rating
 * published five months ago; with {@code ronghe.property.demo-cases}, two community entries awaiting the street's
 * verification. Names and credit codes are made up.
 */
@Component
@Order(121)
@ConditionalOnProperty(name = "ronghe.demo.enabled", havingValue = "true")
public class PropertyDemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(PropertyDemoData.class);
  /** Name, and the profile of its year: R red-list material, B ordinary, C poor, X abandoned a compound. */
  private static final String[][] COMPANIES = {
      {"太仓市娄东物业管理有限公司", "R"}, {"太仓市城厢物业服务有限公司", "B"}, {"苏州港城红邻物业服务有限公司", "R"},
      {"太仓市金仓湖物业管理有限公司", "B"}, {"太仓市弇山物业服务有限公司", "C"}, {"太仓市浏河物业管理有限公司", "B"},
      {"江苏安居乐业物业服务有限公司", "B"}, {"太仓市沙溪古镇物业服务有限公司", "R"}, {"太仓市璜泾物业管理有限公司", "B"},
      {"苏州悦邻物业服务有限公司", "X"}, {"太仓市双凤物业管理有限公司", "B"}, {"太仓市科教新城物业服务有限公司", "B"},
      {"太仓市港区物业管理有限公司", "C"}, {"太仓市南洋物业服务有限公司", "B"}, {"江苏嘉禾物业服务有限公司", "B"},
      {"太仓市陆渡物业管理有限公司", "B"}};
  private static final String[] COMPOUND_NAMES = {"花园", "新村", "华庭", "家园", "苑", "雅居", "名都", "嘉园"};
  private static final Map<String, List<String>> PROFILE = Map.of(
      "R", List.of("POS_AWARD", "POS_RED_PROPERTY", "POS_SATISFACTION", "POS_GOVERNANCE", "NEG_COMPLAINT"),
      "B", List.of("POS_MEDIATION", "NEG_COMPLAINT", "POS_GOVERNANCE", "NEG_COMPLAINT"),
      "C", List.of("NEG_OVERDUE_FIX", "NEG_SAFETY", "NEG_FEES", "NEG_COMPLAINT", "NEG_COMPLAINT", "POS_MEDIATION"),
      "X", List.of("POS_SATISFACTION", "NEG_COMPLAINT", "NEG_ABANDON"));
  private static final Map<String, String> EVIDENCE = Map.of(
      "POS_AWARD", "获评苏州市物业管理优秀项目，有市住建局表彰文件", "POS_RED_PROPERTY", "项目成立党支部，设红色议事厅，与社区每月联席议事",
      "POS_SATISFACTION", "社区组织居民满意度测评，有效问卷 312 份，满意率 93.6%", "POS_GOVERNANCE", "参与社区共建“微实事”项目，出人出力整治车棚环境",
      "POS_MEDIATION", "主动调解楼上楼下漏水纠纷，双方签署调解协议", "NEG_COMPLAINT", "居民反映地下车库照明长期损坏，社区核实属实",
      "NEG_OVERDUE_FIX", "消防通道占用整改通知书逾期 15 日未整改，有现场照片", "NEG_SAFETY", "电动自行车楼道充电隐患未及时处置，有巡查记录",
      "NEG_FEES", "公共收益（广告位、停车费）未按规定公示，业主委员会书面反映", "NEG_ABANDON", "未经交接擅自撤离小区，垃圾清运中断 5 日，社区临时接管");

  private final RegistryRepository registry;
  private final PropertyRepository repository;
  private final PropertyCredit credit;
  private final CaseNumbers numbers;
  private final PolicyParameters policy;
  private final DemoSeed seed;
  private final Deadlines clock;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final boolean casesOnStartup;

  PropertyDemoData(RegistryRepository registry, PropertyRepository repository, PropertyCredit credit,
      CaseNumbers numbers, PolicyParameters policy, DemoSeed seed, Deadlines clock, RuntimeService runtime, IdentityService identity,
      @Value("${ronghe.property.demo-cases:true}") boolean casesOnStartup) {
    this.registry = registry;
    this.repository = repository;
    this.credit = credit;
    this.numbers = numbers;
    this.policy = policy;
    this.seed = seed;
    this.clock = clock;
    this.runtime = runtime;
    this.identity = identity;
    this.casesOnStartup = casesOnStartup;
  }

  @Override
  public void run(ApplicationArguments args) {
    seed.once("property", this::seedRegistry);
    if (casesOnStartup) {
      seedCases();
    }
  }

  /** Two community entries waiting for 娄东街道 to verify them (tests call this themselves). */
  public synchronized void seedCases() {
    if (seed.seeded("property-cases")) {
      return;
    }
    start("dongcang", "NEG_COMPLAINT", 4, "居民反映小区东门道闸故障一周未修，车辆进出排队，社区现场核实属实");
    start("nanyuan", "POS_MEDIATION", 9, "物业主动上门调解 12 幢楼上楼下漏水纠纷，双方签署调解协议书");
    seed.mark("property-cases");
    log.info("Seeded two demo property credit entries waiting for verification");
  }

  private void start(String community, String category, int daysAgo, String evidence) {
    Compound compound = repository.compounds(community, null).get(0);
    identity.setAuthentication(community, List.of(Groups.community(community), Groups.ROLE_COMMUNITY));
    try {
      runtime.startProcessInstanceByKey(PropertyProcesses.ENTRY, Map.of("compoundCode", compound.code(), "category",
          category, "occurredOn", clock.today().minusDays(daysAgo).toString(), "evidence", evidence));
    } finally {
      identity.clearAuthentication();
    }
  }

  private void seedRegistry() {
    Random random = new Random(20260315L);
    List<String> companies = new ArrayList<>();
    for (int i = 0; i < COMPANIES.length; i++) {
      String code = String.format("PC%03d", i + 1);
      repository.insertCompany(new Company(code, COMPANIES[i][0], String.format("91320585MA%07dX", 1_234_567
          + i * 104_729), pickName(random), "0512-53" + (100_000 + random.nextInt(899_999)),
          null, null, true, true));
      companies.add(code);
    }
    int n = 0;
    List<Community> communities = registry.communities(null);
    for (int i = 0; i < communities.size(); i++) {
      Community c = communities.get(i);
      String prefix = c.name().replace("社区", "").replace("村", "");
      for (int k = 0; k < 1 + (i % 3 == 0 ? 1 : 0) + (i < 6 ? 1 : 0); k++) {
        n++;
        repository.insertCompound(String.format("XQ%04d", n), prefix + COMPOUND_NAMES[(i + k) % COMPOUND_NAMES.length]
            + (k == 0 ? "" : "二期"), c.code(), "太仓市" + prefix + "路 " + (10 + random.nextInt(190)) + " 号",
            200 + random.nextInt(1200), companies.get((i + 5 * k) % companies.size()),
            LocalDate.of(2012 + random.nextInt(12), 1 + random.nextInt(12), 1), true);
      }
    }
    LocalDate today = clock.today();
    int entries = 0;
    for (int i = 0; i < COMPANIES.length; i++) {
      List<Compound> served = repository.compounds(null, companies.get(i));
      if (served.isEmpty()) {
        continue;
      }
      List<String> profile = PROFILE.get(COMPANIES[i][1]);
      // the profile twice: once before the published rating, once since (the abandonment only recently)
      for (int round = 0; round < 2; round++) {
        for (int k = 0; k < profile.size(); k++) {
          String category = profile.get(k);
          if ("NEG_ABANDON".equals(category) && round == 0) {
            continue;
          }
          Compound x = served.get((k + round) % served.size());
          LocalDate on = today.minusDays(round == 0 ? 200 + random.nextInt(200) : 5 + random.nextInt(140));
          entry(x, category, on, random);
          entries++;
        }
      }
    }
    String cycleNo = publishedRating(today.minusMonths(5));
    log.info("Seeded {} demo property companies, {} compounds, {} credit entries and rating {}", companies.size(), n,
        entries, cycleNo);
  }

  private void entry(Compound x, String category, LocalDate on, Random random) {
    CreditRules rules = credit.rules();
    String caseNo = numbers.next(PropertyProcesses.ENTRY_PREFIX);
    boolean byStreet = random.nextInt(3) == 0;
    String org = byStreet ? registry.street(x.streetCode()).map(Street::name).orElse(x.streetCode())
        : x.communityName();
    credit.submitEntry(caseNo, x, rules.category(category), on, EVIDENCE.get(category), org,
        byStreet ? x.streetCode() : x.communityCode(), rules.categoryVersion());
    repository.setEntryStatus(caseNo, "PENDING", "VERIFIED", null);
  }

  /** The last rating, published on {@code on} without objections: its lists are current now. */
  private String publishedRating(LocalDate on) {
    String cycleNo = numbers.next(PropertyProcesses.RATING_PREFIX);
    credit.open(cycleNo, on.minusDays(15), "zhujian", null);
    credit.compute(cycleNo);
    LocalDate expires = on.plusMonths(policy.intValue("property.list.valid-months"));
    for (Rating r : repository.ratings(cycleNo, null)) {
      if ("NONE".equals(r.listKind())) {
        repository.move(r.id(), "COMPUTED", "FINAL", null);
      } else {
        repository.insertListEntry(r.companyCode(), r.listKind(), r.grade(), r.score(), cycleNo, on, expires);
        repository.move(r.id(), "COMPUTED", "LISTED", "公示期满无异议（演示数据）");
      }
      repository.setCompanyGrade(r.companyCode(), r.grade(), r.score());
    }
    repository.setCycle(cycleNo, "PUBLISHED", null, on, expires);
    return cycleNo;
  }

  private static String pickName(Random random) {
    String surnames = "陈王张李周徐朱陆顾沈钱吴孙杨黄蒋施邵金范陶龚唐";
    String[] given = {"建华", "国平", "志刚", "晓东", "海峰", "秀英", "美华", "丽萍", "雅琴", "立新", "永兴", "伟民"};
    return surnames.charAt(random.nextInt(surnames.length())) + given[random.nextInt(given.length)];
  }
}
