package cn.ronghe.branch;

import java.time.LocalDate;

/** A party branch (党支部) of a community; an action branch (行动支部) serves one central task. */
public record PartyBranch(String code, String name, String communityCode, String communityName, String streetCode,
    String streetName, String kind, String centralTask, String secretary, int memberCount, LocalDate foundedOn,
    Integer currentStars, Integer starsYear, LocalDate starsSince, boolean active, boolean sampleData) {

  public static final String REGULAR = "REGULAR";
  public static final String ACTION = "ACTION";

  public String kindLabel() {
    return ACTION.equals(kind) ? "行动支部" : "党支部";
  }
}
