package cn.ronghe.career;

/** The three posts (三岗). Their grade bands are policy: DMN table {@code career-post-band}. */
public enum Post implements Labelled {
  PRINCIPAL("社区正职"),
  DEPUTY("社区副职"),
  OTHER("其他社区工作者");

  private final String label;

  Post(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
