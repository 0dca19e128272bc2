package cn.ronghe.career;

import cn.ronghe.platform.process.FormInput;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A street's answer to a grade the rules proposed (onboarding, post change): confirm it, correct it inside the
 * band with a reason, or a third answer (return, refuse) with a reason. Read from the form fields
 * {@code streetDecision}, {@code correctedGrade} and {@code streetReason}; the band from {@code bandMin},
 * {@code bandMax} and {@code bandLabel}.
 *
 * @param grade the grade that stands after the decision
 */
public record StreetGradeDecision(String decision, Integer corrected, String reason, int grade) {

  /** Problems are added to {@code in}; the caller throws. */
  public static StreetGradeDecision read(FormInput in, VariableScope scope, String otherChoice, int proposed,
      String bandLabel) {
    String decision = in.choice("streetDecision", "街道意见", List.of("CONFIRM", "CORRECT", otherChoice), true);
    Integer corrected = "CORRECT".equals(decision) ? in.integer("correctedGrade", "更正后的等级", 1, 18, true) : null;
    String reason = in.text("streetReason", "理由", 500, !"CONFIRM".equals(decision));
    if (corrected != null) {
      int min = (Integer) scope.getVariable("bandMin");
      int max = (Integer) scope.getVariable("bandMax");
      if (corrected < min || corrected > max) {
        in.addProblem("correctedGrade", "等级 " + corrected + " 超出" + bandLabel + "（" + min + "–" + max + " 级）",
            "grade " + corrected + " is outside the band " + min + "-" + max);
      } else if (corrected == proposed) {
        in.addProblem("correctedGrade", "更正后的等级与规则结果相同，请选择“确认”", "equals the grade the rules gave");
      }
    }
    return new StreetGradeDecision(decision, corrected, reason, corrected == null ? proposed : corrected);
  }

  /** The reason that goes with the grade: the rules' explanation, and the street's correction if any. */
  public String gradeReason(Object rulesExplanation) {
    return corrected == null ? String.valueOf(rulesExplanation)
        : rulesExplanation + "；街道更正为 " + corrected + " 级：" + reason;
  }

  /** The audit line: CONFIRM, CORRECT_6, RETURN ... */
  public String auditDecision() {
    return decision + (corrected == null ? "" : "_" + corrected);
  }
}
