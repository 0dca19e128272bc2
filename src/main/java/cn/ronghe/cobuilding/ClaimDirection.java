package cn.ronghe.cobuilding;

/** Which side claimed what (双向认领). */
public enum ClaimDirection {
  /** A unit claimed a community's demand; the unit drafts the agreement, the community confirms it. */
  UNIT_CLAIMS_DEMAND("单位认领社区需求"),
  /** A community claimed a unit's resource; the community drafts the agreement, the unit confirms it. */
  COMMUNITY_CLAIMS_RESOURCE("社区认领单位资源");

  private final String label;

  ClaimDirection(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
