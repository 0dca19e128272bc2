package cn.ronghe.career.demo;

import cn.ronghe.career.AssessmentResult;
import cn.ronghe.career.Education;
import cn.ronghe.career.Gender;
import cn.ronghe.career.GradeAction;
import cn.ronghe.career.GradeChange;
import cn.ronghe.career.GradeChange.ChangeKind;
import cn.ronghe.career.Post;
import cn.ronghe.career.Qualification;
import cn.ronghe.career.Worker;
import cn.ronghe.career.WorkerStatus;
import cn.ronghe.career.policy.GradeRules;
import cn.ronghe.career.policy.InitialGrade;
import cn.ronghe.career.policy.PostMapping;
import cn.ronghe.career.policy.Proposal;
import cn.ronghe.organisation.Community;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Makes up the workers of a community with a life story that follows the rules. The ladder is taken to start
 * on 2020-01-01, when everyone in service got an initial grade for the post then held; later hires start as
 * "other workers" with the initial grade the rules give. From then on each is assessed every year, promoted or
 * demoted by the rules year by year, and elected or appointed deputy or principal at the community elections
 * (换届: 2010, 2013, 2016, 2019, 2021; earlier ones only decide the post held in 2020). So the grade history is
 * what the system itself would have recorded.
 */
public final class WorkerGenerator {

  /** Everything generated for some workers; {@code nextYearResults} are the results of the year under review. */
  public record Generated(List<Worker> workers, List<Object[]> assessments, List<GradeChange> history,
      Map<String, AssessmentResult> nextYearResults) {
  }

  /** When Taicang's ladder is taken to have started in the demo story: everyone then in service was graded. */
  static final LocalDate INTRODUCED = LocalDate.of(2020, 1, 1);
  private static final int[] ELECTIONS = {2010, 2013, 2016, 2019, 2021};
  private static final String[] OTHER_DUTIES = {"网格员", "网格员", "网格员", "党建专干", "民政专干", "社会保障专干",
      "综治专干", "退役军人服务专干", "卫生健康专干", "文体专干", "残疾人专职委员", "社会工作站社工", "物业管理专干",
      "统计专干", "老龄工作专干"};
  private static final String DECIDED_BY = "civil-affairs";

  private final GradeRules rules;
  private final Random random;
  private final int lastAppliedYear;
  private final int storedFromYear;
  private final int storedToYear;

  /**
   * @param lastAppliedYear the last review year whose changes are already in the registry
   * @param storedFromYear  the first year whose assessment results are stored (older ones only shaped history)
   * @param storedToYear    the last year whose results are stored; the year after it is in {@code nextYearResults}
   */
  public WorkerGenerator(GradeRules rules, Random random, int lastAppliedYear, int storedFromYear, int storedToYear) {
    this.rules = rules;
    this.random = random;
    this.lastAppliedYear = lastAppliedYear;
    this.storedFromYear = storedFromYear;
    this.storedToYear = storedToYear;
  }

  /** {@code count} active workers of one community (one or two principals, two or three deputies, others). */
  public Generated community(Community community, int count, LongFunction<String> ids, long firstId) {
    List<Worker> workers = new ArrayList<>();
    List<Object[]> assessments = new ArrayList<>();
    List<GradeChange> history = new ArrayList<>();
    Map<String, AssessmentResult> next = new HashMap<>();
    Set<String> names = new HashSet<>();
    boolean twoPrincipals = count >= 14 && random.nextInt(10) < 3;
    int deputies = count >= 15 ? 3 : 2;
    for (int i = 0; i < count; i++) {
      Post post;
      String duty;
      if (i == 0) {
        post = Post.PRINCIPAL;
        duty = twoPrincipals ? "党委书记" : "党委书记、居委会主任";
      } else if (i == 1 && twoPrincipals) {
        post = Post.PRINCIPAL;
        duty = "居委会主任";
      } else if (i <= deputies + (twoPrincipals ? 1 : 0)) {
        post = Post.DEPUTY;
        duty = i == 1 || (twoPrincipals && i == 2) ? "党委副书记" : "居委会副主任";
      } else {
        post = Post.OTHER;
        duty = OTHER_DUTIES[random.nextInt(OTHER_DUTIES.length)];
      }
      String id = ids.apply(firstId + i);
      life(id, community, post, duty, names, workers, assessments, history, next);
    }
    if (random.nextInt(4) == 0) {
      // Someone who left or retired: kept in the registry with the history, never reviewed again.
      life(ids.apply(firstId + count), community, Post.OTHER, OTHER_DUTIES[0], names, workers, assessments, history,
          next);
      Worker w = workers.remove(workers.size() - 1);
      next.remove(w.workerId());
      boolean retired = w.birthDate().isBefore(LocalDate.of(lastAppliedYear - 50, 1, 1));
      workers.add(new Worker(w.workerId(), w.name(), w.gender(), w.birthDate(), w.communityCode(), w.post(), w.duty(),
          w.grade(), w.gradeSince(), w.payCoefficient(), w.education(), w.qualification(), w.serviceStart(),
          w.hiredOn(), retired ? WorkerStatus.RETIRED : WorkerStatus.LEFT, LocalDate.of(lastAppliedYear, 7, 1), null,
          true, w.communityName(), w.streetCode()));
    }
    return new Generated(workers, assessments, history, next);
  }

  private void life(String id, Community community, Post target, String duty, Set<String> names, List<Worker> workers,
      List<Object[]> assessments, List<GradeChange> history, Map<String, AssessmentResult> next) {
    Gender gender = random.nextInt(100) < 68 ? Gender.FEMALE : Gender.MALE;
    String name;
    do {
      name = ChineseNames.name(random, gender);
    } while (!names.add(name));
    int hireYear = switch (target) {
      case PRINCIPAL -> 1997 + random.nextInt(14);
      case DEPUTY -> 2003 + random.nextInt(14);
      case OTHER -> 2006 + random.nextInt(lastAppliedYear - 2004);
    };
    LocalDate hired = LocalDate.of(hireYear, 1 + random.nextInt(12), 1 + random.nextInt(28));
    LocalDate born = hired.minusYears(21 + random.nextInt(17)).minusDays(random.nextInt(365));
    LocalDate latestBirth = LocalDate.of(lastAppliedYear + 1, 12, 31).minusYears(57);
    if (born.isBefore(latestBirth)) {
      born = latestBirth.plusDays(random.nextInt(3000));
    }
    LocalDate serviceStart = random.nextInt(10) < 6 ? hired : hired.minusYears(1 + random.nextInt(8));
    Education education = education(hireYear);
    Qualification qualification = qualification(hireYear);

    List<LocalDate> postChanges = postChanges(target, hireYear);
    Post post = Post.OTHER;
    LocalDate since;
    InitialGrade initial;
    String initialReason;
    if (hired.isBefore(INTRODUCED)) {
      for (LocalDate change : postChanges) {
        if (change.isBefore(INTRODUCED)) {
          post = post == Post.OTHER ? Post.DEPUTY : Post.PRINCIPAL;
        }
      }
      since = INTRODUCED;
      initial = rules.initialGrade(post, education, qualification,
          (int) ChronoUnit.YEARS.between(serviceStart, INTRODUCED));
      initialReason = "历史档案：" + INTRODUCED.getYear() + " 年实施“三岗十八级”，按岗位、学历、工作年限和职业资格首次定级。";
    } else {
      since = hired;
      initial = rules.initialGrade(post, education, qualification,
          (int) ChronoUnit.YEARS.between(serviceStart, hired));
      initialReason = "历史档案：新聘入职定级。";
    }
    int grade = initial.grade();
    history.add(new GradeChange(null, id, ChangeKind.INITIAL, null, post, null, grade, rules.payCoefficient(grade),
        initialReason + initial.explanationText(), DECIDED_BY, since, null, null, initial.ruleVersion(), null));

    Map<Integer, AssessmentResult> results = new HashMap<>();
    AssessmentResult previous = null;
    int firstAssessed = Math.max(hired.getMonthValue() <= 6 ? hireYear : hireYear + 1, INTRODUCED.getYear() - 1);
    for (int year = firstAssessed; year <= storedToYear + 1; year++) {
      previous = result(previous);
      results.put(year, previous);
      if (year >= storedFromYear && year <= storedToYear) {
        assessments.add(new Object[] {id, year, previous.name()});
      }
    }
    next.put(id, results.getOrDefault(storedToYear + 1, AssessmentResult.COMPETENT));

    for (int year = Math.max(hireYear, INTRODUCED.getYear()) + 1; year <= lastAppliedYear + 1; year++) {
      int reviewed = year - 1;
      if (results.containsKey(reviewed)) {
        Proposal p = rules.propose(post, grade, since, reviewed, results);
        if (p.action() != GradeAction.HOLD) {
          LocalDate effective = LocalDate.of(year, 3, 1);
          history.add(new GradeChange(null, id, p.action() == GradeAction.PROMOTE ? ChangeKind.PROMOTE
              : ChangeKind.DEMOTE, post, post, grade, p.newGrade(), rules.payCoefficient(p.newGrade()),
              "历史档案：" + reviewed + " 年度等级评定。" + p.reason(), DECIDED_BY, effective, null, null,
              p.ruleVersion(), null));
          grade = p.newGrade();
          since = effective;
        }
      }
      for (LocalDate change : postChanges) {
        if (change.getYear() == year && !change.isBefore(INTRODUCED)) {
          Post newPost = post == Post.OTHER ? Post.DEPUTY : Post.PRINCIPAL;
          PostMapping m = rules.mapPost(grade, newPost);
          history.add(new GradeChange(null, id, ChangeKind.POST_CHANGE, post, newPost, grade, m.newGrade(),
              rules.payCoefficient(m.newGrade()), "历史档案：" + year + " 年" + (isElection(year) ? "社区换届选举"
                  : "街道任命") + "，任" + newPost.label() + "。" + m.reason(), DECIDED_BY, change, null, null,
              m.ruleVersion(), null));
          if (m.newGrade() != grade) {
            since = change;
          }
          grade = m.newGrade();
          post = newPost;
        }
      }
    }
    workers.add(new Worker(id, name, gender, born, community.code(), post, duty, grade, since,
        rules.payCoefficient(grade), education, qualification, serviceStart, hired, WorkerStatus.ACTIVE, hired, null,
        true, community.name(), community.streetCode()));
  }

  /**
   * Dates on which an "other worker" becomes deputy (and a deputy principal): mostly at elections, many at the
   * 2021 election (the first with five-year terms), otherwise by the street's appointment.
   */
  private List<LocalDate> postChanges(Post target, int hireYear) {
    List<Integer> years = new ArrayList<>();
    if (target == Post.PRINCIPAL) {
      int principal = random.nextInt(2) == 0 ? 2021 : election(hireYear + 6);
      years.add(Math.min(election(hireYear + 3), principal - 2));
      years.add(principal);
    } else if (target == Post.DEPUTY) {
      years.add(random.nextInt(5) < 2 && hireYear + 2 <= 2021 ? 2021 : election(hireYear + 3));
    }
    List<LocalDate> dates = new ArrayList<>();
    for (int year : years) {
      dates.add(LocalDate.of(Math.min(year, lastAppliedYear + 1), 4 + random.nextInt(3), 1 + random.nextInt(28)));
    }
    return dates;
  }

  /** The first election in or after {@code year}, or {@code year} itself (an appointment) after the last one. */
  private static int election(int year) {
    for (int e : ELECTIONS) {
      if (e >= year) {
        return e;
      }
    }
    return year;
  }

  private static boolean isElection(int year) {
    for (int e : ELECTIONS) {
      if (e == year) {
        return true;
      }
    }
    return false;
  }

  private AssessmentResult result(AssessmentResult previous) {
    int r = random.nextInt(100);
    if (previous == AssessmentResult.INCOMPETENT) {
      return r < 35 ? AssessmentResult.INCOMPETENT : r < 60 ? AssessmentResult.BASIC : AssessmentResult.COMPETENT;
    }
    return r < 15 ? AssessmentResult.EXCELLENT : r < 91 ? AssessmentResult.COMPETENT
        : r < 97 ? AssessmentResult.BASIC : AssessmentResult.INCOMPETENT;
  }

  private Education education(int hireYear) {
    int r = random.nextInt(100);
    if (hireYear < 2010) {
      return r < 25 ? Education.HIGH_SCHOOL : r < 70 ? Education.JUNIOR_COLLEGE : r < 98 ? Education.BACHELOR
          : Education.MASTER;
    }
    return r < 5 ? Education.HIGH_SCHOOL : r < 35 ? Education.JUNIOR_COLLEGE : r < 93 ? Education.BACHELOR
        : Education.MASTER;
  }

  private Qualification qualification(int hireYear) {
    int r = random.nextInt(100);
    if (r < 30) {
      return Qualification.NONE;
    }
    if (r < 68) {
      return Qualification.ASSISTANT;
    }
    return r < 95 || hireYear > 2015 ? Qualification.SOCIAL_WORKER : Qualification.SENIOR;
  }
}
