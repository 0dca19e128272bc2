package cn.ronghe.career.policy;

import java.util.List;

/** The computed initial grade of a new hire and, line by line, why. */
public record InitialGrade(int grade, List<String> explanation, String ruleVersion) {

  public String explanationText() {
    return String.join("；", explanation);
  }
}
