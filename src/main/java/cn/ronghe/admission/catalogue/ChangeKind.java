package cn.ronghe.admission.catalogue;

/** Why a catalogue version was published. */
public enum ChangeKind {
  INITIAL("首批清单"),
  ADMISSION("新增准入"),
  CHANGE("事项变更"),
  REVOCATION("事项取消"),
  RECONFIRMATION("年度确认");

  private final String label;

  ChangeKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
