package cn.ronghe.career;

/** Social-work professional qualification (社会工作职业资格), an input of the initial grade. */
public enum Qualification implements Labelled {
  NONE("无"),
  ASSISTANT("助理社会工作师"),
  SOCIAL_WORKER("社会工作师"),
  SENIOR("高级社会工作师");

  private final String label;

  Qualification(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
