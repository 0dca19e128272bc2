package cn.ronghe.career;

/** Highest education (学历), an input of the initial grade. */
public enum Education implements Labelled {
  HIGH_SCHOOL("高中（中专）"),
  JUNIOR_COLLEGE("大专"),
  BACHELOR("本科"),
  MASTER("硕士研究生及以上");

  private final String label;

  Education(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
