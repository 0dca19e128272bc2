package cn.ronghe.career;

public enum Gender implements Labelled {
  MALE("男"),
  FEMALE("女");

  private final String label;

  Gender(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
