package cn.ronghe.career.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.platform.error.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What streets and approvers type or upload: CSV results and send-back lines. */
class LineParsingTest {

  @Test
  void csvResultsWithHeaderNameTabsAndChineseCommas() {
    List<FieldProblem> problems = new ArrayList<>();
    List<AssessmentEntry.Line> lines = AssessmentEntry.parse("\uFEFF工号,姓名,考核结果\nW000001,张三,优秀\r\n"
        + "W000002\t称职\nW000003，基本称职\n\n# 备注行\n\"W000004\",\"李四\",\"不称职\"\n", "file", problems);
    assertThat(problems).isEmpty();
    assertThat(lines).extracting(AssessmentEntry.Line::workerId).containsExactly("W000001", "W000002", "W000003",
        "W000004");
    assertThat(lines.get(0).name()).isEqualTo("张三");
    assertThat(lines.get(0).number()).isEqualTo(2);
    assertThat(lines.get(1).result()).isEqualTo("称职");
    assertThat(lines.get(3).number()).isEqualTo(7);
  }

  @Test
  void aLineOfTheWrongShapeIsNamed() {
    List<FieldProblem> problems = new ArrayList<>();
    AssessmentEntry.parse("W000001\nW000002,称职,多,余\n", "file", problems);
    assertThat(problems).extracting(FieldProblem::messageZh).containsExactly(
        "第 1 行：应为“工号,考核结果”或“工号,姓名,考核结果”", "第 2 行：应为“工号,考核结果”或“工号,姓名,考核结果”");
    assertThat(problems).allSatisfy(p -> assertThat(p.field()).isEqualTo("file"));
  }

  @Test
  void sendBackLinesStartWithTheWorkerId() {
    List<FieldProblem> problems = new ArrayList<>();
    List<SendBackLines.Line> lines = SendBackLines.parse("W000123 考核结果录入有误\n\nW000124，请核实任职年限\n"
        + "请核实 W000125\nW000126", "sendBackLines", problems);
    assertThat(lines).extracting(SendBackLines.Line::workerId).containsExactly("W000123", "W000124", "W000126");
    assertThat(lines.get(0).rest()).isEqualTo("考核结果录入有误");
    assertThat(lines.get(1).rest()).isEqualTo("请核实任职年限");
    assertThat(lines.get(1).number()).isEqualTo(3);
    assertThat(lines.get(2).rest()).isEmpty();
    assertThat(problems).singleElement().satisfies(p -> assertThat(p.messageZh()).startsWith("第 4 行"));
    assertThat(SendBackLines.parse("  ", "x", problems)).isEmpty();
  }
}
