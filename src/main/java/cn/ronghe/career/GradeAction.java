package cn.ronghe.career;

/** What the annual review proposes for a worker. */
public enum GradeAction implements Labelled {
  PROMOTE("晋升一级"),
  HOLD("保持现等级"),
  DEMOTE("降低一级");

  private final String label;

  GradeAction(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
