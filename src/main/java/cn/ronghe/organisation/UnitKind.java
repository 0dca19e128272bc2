package cn.ronghe.organisation;

public enum UnitKind {
  AGENCY("机关事业单位"), SOE("国有企业"), NEW_ORG("两新组织");

  private final String label;

  UnitKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
