package cn.ronghe.branch;

import cn.ronghe.organisation.Community;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.platform.calendar.Deadlines;
import cn.ronghe.programme.DemoSeed;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo party branches, once (table programme_demo_seed remembers): every community has two to three action
 * branches (132 in all, each with its central task) and three to five ordinary branches, rated by the rating of
 * two years ago, so that a rating of last year can be started at once. Sample data, not Taicang's real branches.
 */
@Component
@Order(120)
@ConditionalOnProperty(name = "ronghe.demo.enabled", havingValue = "true")
class BranchDemoData implements ApplicationRunner {

  static final int ACTION_BRANCHES = 132;
  private static final Logger log = LoggerFactory.getLogger(BranchDemoData.class);
  private static final List<String> TASKS = List.of("垃圾分类桶边督导", "老旧小区改造协调", "既有住宅加装电梯",
      "红色物业共建", "文明典范城市创建", "平安社区巡防", "“一老一小”关爱服务", "河长制河道巡查", "新就业群体服务",
      "退役军人服务保障", "网格民情走访", "消防安全隐患排查", "邻里矛盾调解", "志愿服务积分兑换", "背街小巷环境整治");
  private static final String SURNAMES = "陈王张李周徐朱陆顾沈钱吴孙杨黄蒋施邵金范陶龚唐姚浦缪瞿郁俞汤";
  private static final String GIVEN = "建华国平志刚晓东海峰振华卫东秀英美华玉兰丽萍雅琴春燕红梅立新永兴伟民文静";

  private final RegistryRepository registry;
  private final BranchRepository repository;
  private final DemoSeed seed;
  private final Deadlines clock;

  BranchDemoData(RegistryRepository registry, BranchRepository repository, DemoSeed seed,
      Deadlines clock) {
    this.registry = registry;
    this.repository = repository;
    this.seed = seed;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    seed.once("branches", () -> log.info("Seeded {} demo party branches ({} action branches)", seed(),
        ACTION_BRANCHES));
  }

  private int seed() {
    Random random = new Random(20260101L);
    List<Community> communities = registry.communities(null);
    int extra = ACTION_BRANCHES - 2 * communities.size();
    int ratedYear = clock.today().getYear() - 2;
    LocalDate since = LocalDate.of(ratedYear + 1, 4, 15);
    int count = 0;
    for (int i = 0; i < communities.size(); i++) {
      Community c = communities.get(i);
      String shortName = c.name().replace("社区", "").replace("村", "");
      int actions = 2 + (i < extra ? 1 : 0);
      for (int a = 1; a <= actions; a++) {
        String task = TASKS.get((i * 3 + a) % TASKS.size());
        insert(c, shortName + task.replaceAll("[“”]", "") + "行动支部", PartyBranch.ACTION, task, random, ratedYear,
            since);
        count++;
      }
      int regular = 3 + random.nextInt(3);
      for (int r = 1; r <= regular; r++) {
        insert(c, c.name() + "第" + "一二三四五".charAt(r - 1) + "党支部", PartyBranch.REGULAR, null, random, ratedYear,
            since);
        count++;
      }
    }
    return count;
  }

  private void insert(Community c, String name, String kind, String task, Random random, int ratedYear,
      LocalDate since) {
    String code = String.format("PB%05d", repository.nextBranchNumber());
    // stars of the rating two years ago: mostly three and four, few five, some never rated (founded since)
    int roll = random.nextInt(100);
    Integer stars = roll < 8 ? Integer.valueOf(5) : roll < 40 ? Integer.valueOf(4) : roll < 75 ? Integer.valueOf(3)
        : roll < 90 ? Integer.valueOf(2) : null;
    String secretary = pick(random);
    repository.insert(new PartyBranch(code, name, c.code(), null, null, null, kind, task, secretary,
        8 + random.nextInt(40), LocalDate.of(2008 + random.nextInt(15), 1 + random.nextInt(12), 1), stars,
        stars == null ? null : ratedYear, stars == null ? null : since, true, true));
    if (stars != null) {
      repository.addHistory(code, ratedYear, null, stars, "RATING", ratedYear + " 年度星级评定（演示数据）", since,
          "XJ-" + ratedYear + "-" + code, "zuzhibu", null, LocalDateTime.now());
    }
  }

  private static String pick(Random random) {
    int g = random.nextInt(GIVEN.length() / 2);
    return String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length()))) + GIVEN.substring(2 * g, 2 * g + 2);
  }
}
