package cn.ronghe.career.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.career.Education;
import cn.ronghe.career.Post;
import cn.ronghe.career.Qualification;
import cn.ronghe.career.Worker;
import cn.ronghe.career.policy.FileDecisionTables;
import cn.ronghe.career.policy.GradeRules;
import cn.ronghe.organisation.Community;
import cn.ronghe.platform.error.FieldProblem;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every rule of the worker import file, line by line. */
class WorkerFileTest {

  static final String HEADER = "工号,姓名,性别,出生日期,社区代码,岗位,职务,等级,定级日期,学历,职业资格,参加工作日期,入职日期\n";
  static final GradeRules RULES = FileDecisionTables.rules();
  static final Map<String, Community> COMMUNITIES = Map.of("dongcang",
      new Community("dongcang", "东仓社区", "loudong", true, true));

  WorkerFile.Parsed parse(String body, Set<String> existing) {
    return new WorkerFile(RULES, COMMUNITIES::get, existing, LocalDate.of(2026, 6, 1)).parse(HEADER + body);
  }

  @Test
  void aValidFileGivesWorkersWithTheirPayCoefficient() {
    WorkerFile.Parsed p = parse("""
        TC-0001,周雅琴,女,1985-04-12,dongcang,社区副职,居委会副主任,6,2022-03-01,本科,社会工作师,2008-07-01,2010-03-15
        ,陆建国,男,1979-11-02,dongcang,PRINCIPAL,党委书记,12,2021-05-01,BACHELOR,ASSISTANT,2001-09-01,2003-01-10
        """, Set.of());
    assertThat(p.problems()).isEmpty();
    assertThat(p.workers()).hasSize(2);
    Worker first = p.workers().get(0);
    assertThat(first.workerId()).isEqualTo("TC-0001");
    assertThat(first.post()).isEqualTo(Post.DEPUTY);
    assertThat(first.education()).isEqualTo(Education.BACHELOR);
    assertThat(first.qualification()).isEqualTo(Qualification.SOCIAL_WORKER);
    assertThat(first.payCoefficient()).isEqualByComparingTo(RULES.payCoefficient(6));
    assertThat(first.streetCode()).isEqualTo("loudong");
    assertThat(p.workers().get(1).workerId()).as("assigned on import").isNull();
  }

  @Test
  void everyBadLineIsNamedAndNothingIsKept() {
    WorkerFile.Parsed p = parse("""
        TC-0001,周雅琴,女,1985-04-12,dongcang,社区副职,居委会副主任,6,2022-03-01,本科,社会工作师,2008-07-01,2010-03-15
        TC-0001,重复,女,1985-04-12,dongcang,社区副职,居委会副主任,6,2022-03-01,本科,社会工作师,2008-07-01,2010-03-15
        TC-0003,等级越界,女,1985-04-12,dongcang,社区副职,居委会副主任,16,2022-03-01,本科,社会工作师,2008-07-01,2010-03-15
        TC-0004,未知社区,女,1985-04-12,nowhere,社区副职,居委会副主任,6,2022-03-01,本科,社会工作师,2008-07-01,2010-03-15
        TC-0005,错误日期,女,1985-13-12,dongcang,社区副职,居委会副主任,6,2022-03-01,本科,社会工作师,2008-07-01,2010-03-15
        TC-0006,未来入职,女,1985-04-12,dongcang,社区副职,居委会副主任,6,2022-03-01,本科,社会工作师,2008-07-01,2030-01-01
        TC-0007,童工,女,2000-04-12,dongcang,社区副职,居委会副主任,6,2022-03-01,本科,社会工作师,2008-07-01,2010-03-15
        TC-0008,岗位错,女,1985-04-12,dongcang,书记,居委会副主任,6,2022-03-01,本科,社会工作师,2008-07-01,2010-03-15
        W000001,系统工号,女,1985-04-12,dongcang,社区副职,居委会副主任,6,2022-03-01,本科,社会工作师,2008-07-01,2010-03-15
        TC-0010,少列,女
        OLD-1,已在册,女,1985-04-12,dongcang,社区副职,居委会副主任,6,2022-03-01,本科,社会工作师,2008-07-01,2010-03-15
        TC-0012,定级早于入职,女,1985-04-12,dongcang,社区副职,居委会副主任,6,2009-03-01,本科,社会工作师,2008-07-01,2010-03-15
        TC-0013,等级非数,女,1985-04-12,dongcang,社区副职,居委会副主任,六,2022-03-01,本科,社会工作师,2008-07-01,2010-03-15
        TC-0014,,女,1985-04-12,dongcang,社区副职,居委会副主任,6,2022-03-01,本科,社会工作师,2008-07-01,2010-03-15
        """, Set.of("OLD-1"));
    assertThat(p.workers()).isEmpty();
    assertThat(p.problems()).extracting(FieldProblem::messageZh).containsExactly(
        "第 3 行：工号 TC-0001 与第 2 行重复",
        "第 4 行：等级 16 不在" + RULES.band(Post.DEPUTY).describe() + "内",
        "第 5 行：没有代码为“nowhere”的在册社区",
        "第 6 行：出生日期“1985-13-12”不是日期（如 2019-03-01）",
        "第 7 行：入职日期须在 1940-01-01 到今天之间",
        "第 8 行：入职时未满 16 周岁",
        "第 9 行：岗位“书记”无效，可选：社区正职、社区副职、其他社区工作者",
        "第 10 行：形如 W000123 的工号由系统分配，请留空或使用本单位原有工号",
        "第 11 行：应有 13 列，实有 3 列",
        "第 12 行：名册中已有工号 OLD-1",
        "第 13 行：定级日期不能早于入职日期",
        "第 14 行：等级“六”须为整数",
        "第 15 行：姓名为必填项");
    assertThat(p.problems()).allMatch(f -> f.messageEn().startsWith("line "));
  }

  @Test
  void aWrongHeaderOrAnEmptyFileIsRefused() {
    WorkerFile.Parsed wrong = new WorkerFile(RULES, COMMUNITIES::get, Set.of(), LocalDate.of(2026, 6, 1))
        .parse("id,name\nA,B\n");
    assertThat(wrong.problems()).singleElement().extracting(FieldProblem::messageZh).asString().contains("表头应为");
    assertThat(parse("", Set.of()).problems()).singleElement().extracting(FieldProblem::messageZh).asString()
        .contains("没有社区工作者");
    assertThat(parse("\"unbalanced,quote\n", Set.of()).valid()).isFalse();
  }

  @Test
  void namedIdsAreReadBeforeParsing() {
    assertThat(WorkerFile.namedIds(HEADER + "TC-1,甲\n,乙\n\"TC-2\",丙\n")).containsExactlyInAnyOrder("TC-1", "TC-2");
  }
}
