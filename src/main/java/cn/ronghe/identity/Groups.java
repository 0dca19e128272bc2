package cn.ronghe.identity;

/** Camunda identity group ids used across the processes. */
public final class Groups {

  public static final String ADMIN = "camunda-admin";
  /** 市委 — final approver of new community matters. */
  public static final String CITY_COMMITTEE = "city-committee";
  /** 市委组织部 — organisation department. */
  public static final String ORG_DEPT = "org-dept";
  /** 市民政局 — civil affairs bureau. */
  public static final String CIVIL_AFFAIRS = "civil-affairs";
  /** 市司法局 — justice bureau. */
  public static final String JUSTICE_BUREAU = "justice-bureau";

  /** Role groups: every member of a dept-/street-/community-/unit- group is also in the matching role group. */
  public static final String ROLE_DEPT = "role-dept";
  public static final String ROLE_STREET = "role-street";
  public static final String ROLE_COMMUNITY = "role-community";
  public static final String ROLE_UNIT = "role-unit";

  public static final String DEPT_PREFIX = "dept-";
  public static final String STREET_PREFIX = "street-";
  public static final String COMMUNITY_PREFIX = "community-";
  public static final String UNIT_PREFIX = "unit-";

  private Groups() {
  }

  public static String dept(String code) {
    return DEPT_PREFIX + code;
  }

  public static String street(String code) {
    return STREET_PREFIX + code;
  }

  public static String community(String code) {
    return COMMUNITY_PREFIX + code;
  }

  public static String unit(String code) {
    return UNIT_PREFIX + code;
  }
}
