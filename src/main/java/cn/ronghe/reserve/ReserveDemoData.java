package cn.ronghe.reserve;

import cn.ronghe.organisation.Community;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.platform.cases.CaseNumbers;
import cn.ronghe.platform.process.CaseVariables;
import cn.ronghe.programme.DemoSeed;
import cn.ronghe.reserve.ReserveRecords.Assessment;
import cn.ronghe.reserve.ReserveRecords.Candidate;
import cn.ronghe.reserve.ReserveRecords.Cohort;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * The demo cohort, once (programme_demo_seed): 59 reserve candidates of the cohort that began last year, the
 * lead-goose training rounds and quarterly forums held so far with attendance, last year's assessments, two exits.
 * With {@code ronghe.reserve.demo-cases} every active candidate's plan waits for this year's assessment
 * (1 December). Names are made up.
 */
@Component
@Order(123)
@ConditionalOnProperty(name = "ronghe.demo.enabled", havingValue = "true")
public class ReserveDemoData implements ApplicationRunner {

  static final int CANDIDATES = 59;
  private static final Logger log = LoggerFactory.getLogger(ReserveDemoData.class);
  private static final String SURNAMES = "陈王张李周徐朱陆顾沈钱吴孙杨黄蒋施邵金范陶龚唐姚浦缪瞿郁俞汤";
  private static final String[] MALE = {"浩", "杰", "磊", "俊", "宇", "晨", "凯", "鹏", "一鸣", "嘉诚", "文博", "子豪"};
  private static final String[] FEMALE = {"婷", "静", "雪", "琳", "慧", "颖", "倩", "佳怡", "思雨", "雨婷", "晓雯", "欣怡"};
  private static final String[] POSTS = {"社区党委委员", "社区居委会副主任", "网格长", "社区党委副书记", "社区工作者（党建专干）"};

  private final RegistryRepository registry;
  private final ReserveRepository repository;
  private final ReservePlan plan;
  private final CaseNumbers numbers;
  private final DemoSeed seed;
  private final RuntimeService runtime;
  private final boolean casesOnStartup;

  ReserveDemoData(RegistryRepository registry, ReserveRepository repository, ReservePlan plan, CaseNumbers numbers,
      DemoSeed seed, RuntimeService runtime, @Value("${ronghe.reserve.demo-cases:true}") boolean casesOnStartup) {
    this.registry = registry;
    this.repository = repository;
    this.plan = plan;
    this.numbers = numbers;
    this.seed = seed;
    this.runtime = runtime;
    this.casesOnStartup = casesOnStartup;
  }

  static String cohortCode() {
    return "RC" + (ReservePlan.today().getYear() - 1);
  }

  @Override
  public void run(ApplicationArguments args) {
    seed.once("reserve", this::seedCohort);
    if (casesOnStartup) {
      seedCases();
    }
  }

  /** The running plans of the active demo candidates, waiting for this year's assessment (tests call this). */
  public synchronized void seedCases() {
    if (seed.seeded("reserve-cases")) {
      return;
    }
    Cohort cohort = repository.cohort(cohortCode()).orElseThrow();
    int year = Math.max(ReservePlan.today().getYear(), cohort.startYear());
    int n = 0;
    for (Candidate c : repository.candidates(cohort.code(), null, null)) {
      if (!"ACTIVE".equals(c.status()) || !c.sampleData()) {
        continue;
      }
      Map<String, Object> v = new HashMap<>();
      v.put(CaseVariables.CASE_NO, c.caseNo());
      v.put(CaseVariables.CASE_TITLE, c.fullName() + "（" + c.communityName() + " · " + cohort.name() + "）");
      v.put(CaseVariables.CASE_ORG, c.communityName());
      v.put(ReserveProcesses.CANDIDATE_ID, c.id());
      v.put("communityCode", c.communityCode());
      v.put("streetCode", c.streetCode());
      v.put("currentPost", c.currentPost());
      v.put("mentor", c.mentor());
      v.put("reasons", c.reasons());
      v.put("cohortStartYear", cohort.startYear());
      v.put(ReserveProcesses.COHORT_END_YEAR, cohort.endYear());
      v.put(ReserveProcesses.ASSESSMENT_YEAR, year);
      v.put(ReserveProcesses.ASSESSMENT_OPENS_AT, ReservePlan.opensAt(year));
      runtime.createProcessInstanceByKey(ReserveProcesses.PLAN).businessKey(c.caseNo()).setVariables(v)
          .startBeforeActivity("Timer_AssessmentOpens").execute();
      n++;
    }
    seed.mark("reserve-cases");
    log.info("Started the plans of {} demo reserve candidates", n);
  }

  private void seedCohort() {
    Random random = new Random(20260059L);
    int start = ReservePlan.today().getYear() - 1;
    Cohort cohort = new Cohort(cohortCode(), start + "–" + (start + 2) + " 届", start, start + 2, true);
    repository.insertCohort(cohort);
    List<Community> communities = registry.communities(null);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < CANDIDATES; i++) {
      Community c = communities.get(i % communities.size());
      boolean female = random.nextInt(5) < 2;
      String[] given = female ? FEMALE : MALE;
      String name = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + given[random.nextInt(given.length)];
      String mentor = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + "书记";
      ids.add(repository.insertCandidate(new Candidate(0, numbers.next(ReserveProcesses.PREFIX), cohort.code(),
          c.code(), c.name(), c.streetCode(), name, female ? "FEMALE" : "MALE", start - 26 - random.nextInt(12),
          random.nextInt(4) == 0 ? "MASTER" : "BACHELOR", POSTS[random.nextInt(POSTS.length)], mentor,
          "政治素质好，群众基础扎实，牵头完成社区重点工作（演示数据）", null, "ACTIVE", null, true), "demo",
          LocalDate.of(start, 3, 1).atTime(9, 0)));
    }
    // lead-goose rounds: two last year, two this year; forums every quarter up to now
    List<LocalDate> training = List.of(LocalDate.of(start, 4, 18), LocalDate.of(start, 10, 24),
        LocalDate.of(start + 1, 4, 16), LocalDate.of(start + 1, 9, 19));
    for (int r = 0; r < training.size() && !training.get(r).isAfter(ReservePlan.today()); r++) {
      session(cohort, "TRAINING", "头雁工程第 " + (r + 1) + " 轮集中培训", training.get(r), "市委党校", ids, random, 85);
    }
    for (LocalDate q = LocalDate.of(start, 3, 28); !q.isAfter(ReservePlan.today()); q = q.plusMonths(3)) {
      session(cohort, "FORUM", q.getYear() + " 年第 " + ((q.getMonthValue() - 1) / 3 + 1) + " 季度社区书记论坛", q,
          "市党群服务中心", ids, random, 75);
    }
    ReserveRules rules = plan.rules();
    String[] opinions = {"GOOD", "GOOD", "GOOD", "FAIR", "POOR"};
    for (long id : ids) {
      Map<String, Object> f = plan.facts(id, start, null);
      String mentor = opinions[random.nextInt(opinions.length)];
      String suggested = rules.suggest((Integer) f.get("trainingCount"), (Integer) f.get("forumCount"), mentor);
      repository.insertAssessment(id, new Assessment(start, (Integer) f.get("trainingCount"),
          (Integer) f.get("forumCount"), mentor, suggested, suggested, null, "demo"), rules.version());
    }
    repository.move(ids.get(7), List.of("ACTIVE"), "EXITED", "调任街道机关工作（演示数据）");
    repository.move(ids.get(23), List.of("ACTIVE"), "EXITED", "因个人原因申请退出（演示数据）");
    log.info("Seeded reserve cohort {} with {} candidates", cohort.code(), ids.size());
  }

  private void session(Cohort cohort, String kind, String title, LocalDate on, String place, List<Long> ids,
      Random random, int percent) {
    long s = repository.insertSession(cohort.code(), kind, title, on, place, "zuzhibu");
    for (long id : ids) {
      if (random.nextInt(100) < percent) {
        repository.attend(s, id);
      }
    }
  }
}
