package cn.ronghe.career;

/** Result of the street's annual assessment (年度考核) of a worker. */
public enum AssessmentResult implements Labelled {
  EXCELLENT("优秀"),
  COMPETENT("称职"),
  BASIC("基本称职"),
  INCOMPETENT("不称职");

  private final String label;

  AssessmentResult(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** 称职 or better: a year that counts towards promotion. */
  public boolean qualifies() {
    return this == EXCELLENT || this == COMPETENT;
  }
}
