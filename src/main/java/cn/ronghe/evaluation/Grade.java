package cn.ronghe.evaluation;

/** The grade of one evaluation (考评等级). Codes are stored; labels are what people read. */
public enum Grade {
  EXCELLENT("优秀"), GOOD("良好"), FAIR("一般"), POOR("较差");

  private final String label;

  Grade(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static String label(String code) {
    return code == null ? null : valueOf(code).label();
  }
}
