package cn.ronghe.admission.catalogue;

/** The two lists of the catalogue and the prefix of their item codes. */
public enum ListType {

  /** 社区依法履行职责事项. */
  BY_LAW("YF", "社区依法履行职责事项"),
  /** 社区协助政府工作事项. */
  ASSISTANCE("XZ", "社区协助政府工作事项");

  private final String codePrefix;
  private final String label;

  ListType(String codePrefix, String label) {
    this.codePrefix = codePrefix;
    this.label = label;
  }

  public String codePrefix() {
    return codePrefix;
  }

  public String label() {
    return label;
  }
}
