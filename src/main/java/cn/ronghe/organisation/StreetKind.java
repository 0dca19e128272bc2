package cn.ronghe.organisation;

public enum StreetKind {
  TOWN("镇"), STREET("街道"), ZONE("区");

  private final String label;

  StreetKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
