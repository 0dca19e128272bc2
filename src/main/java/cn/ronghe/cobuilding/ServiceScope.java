package cn.ronghe.cobuilding;

/** Whom a unit's resource is offered to. */
public enum ServiceScope {
  /** Only the communities the unit is paired with. */
  PAIRED("结对社区"),
  /** Every community in the streets of the unit's paired communities. */
  STREET("所在镇街各社区"),
  /** Every community in the city. */
  CITY("全市社区");

  private final String label;

  ServiceScope(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
