package cn.ronghe.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * A pairing's results in one cycle. "unit*" is what the community gave the unit, "community*" what the unit
 * gave the community; the final grades include the street's adjustments.
 */
public record PairingResult(long id, long cycleId, String cycleNo, int evalYear, String unitCode, String unitName,
    String communityCode, String communityName, String streetCode, String state, String businessKey,
    String processInstanceId, Boolean unitReported, BigDecimal unitScore, String unitGrade, String unitFinalGrade,
    BigDecimal communityScore, String communityGrade, String communityFinalGrade) {

  @JsonProperty
  public String unitFinalGradeLabel() {
    return Grade.label(unitFinalGrade);
  }

  @JsonProperty
  public String communityFinalGradeLabel() {
    return Grade.label(communityFinalGrade);
  }

  public String finalGrade(RatingDirection.RatedSide side) {
    return side == RatingDirection.RatedSide.UNIT ? unitFinalGrade : communityFinalGrade;
  }
}
