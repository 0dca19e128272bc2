package cn.ronghe.branch;

import java.math.BigDecimal;

/** One branch in one rating cycle (see V41 for the stages). */
public record Rating(long id, String cycleNo, int ratingYear, String branchCode, String branchName, String kind,
    String centralTask, String communityCode, String communityName, String streetCode, String stage,
    BigDecimal selfScore, BigDecimal reviewScore, Integer bandStars, Integer streetStars, Integer proposedStars,
    String negativeNote, Integer finalStars, Integer previousStars, String stageNote, String noticeNo,
    String ruleVersion) {

  public String caseNo() {
    return BranchProcesses.branchCase(ratingYear, branchCode);
  }

  /** The stars as they stand at this stage. */
  public Integer currentProposal() {
    if (finalStars != null) {
      return finalStars;
    }
    if (proposedStars != null) {
      return proposedStars;
    }
    return streetStars != null ? streetStars : bandStars;
  }
}
