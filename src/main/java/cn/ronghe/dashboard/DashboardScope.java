package cn.ronghe.dashboard;

import java.util.Objects;

/**
 * Whose figures a dashboard shows — the whole city, one street (镇区/街道), one community, one co-building unit or
 * one line department — and, for yearly figures, which year. Panels filter their data by it and break it down
 * one level below it (the city by street, a street by community).
 *
 * @param code the street, community, unit or department code; null for the city
 * @param label what the page calls the scope, e.g. 娄东街道
 * @param year the year of yearly figures (evaluation, grade review); null for the latest year with figures
 */
public record DashboardScope(Level level, String code, String label, Integer year) {

  public enum Level {
    CITY("全市"), STREET("镇区（街道）"), COMMUNITY("社区"), UNIT("共建单位"), DEPARTMENT("部门");

    private final String label;

    Level(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public DashboardScope {
    Objects.requireNonNull(level);
    if ((level == Level.CITY) != (code == null)) {
      throw new IllegalArgumentException("the city has no code, every other scope has one");
    }
  }

  public static DashboardScope city() {
    return new DashboardScope(Level.CITY, null, "太仓市", null);
  }

  public DashboardScope inYear(Integer y) {
    return new DashboardScope(level, code, label, y);
  }

  public boolean is(Level l) {
    return level == l;
  }

  /** The city, a street or a community: a place with residents and workers, not a unit or a department. */
  public boolean isArea() {
    return level == Level.CITY || level == Level.STREET || level == Level.COMMUNITY;
  }
}
