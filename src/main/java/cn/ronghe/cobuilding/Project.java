package cn.ronghe.cobuilding;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** An item of the project list (项目清单): what a community and a unit agreed to do together. */
public record Project(long id, String projectNo, ClaimDirection direction, String demandNo, String resourceNo,
    String communityCode, String communityName, String unitCode, String unitName, String streetCode,
    String streetName, String category, String categoryName, String title, String claimNote, String goal,
    String measures, BigDecimal budget, LocalDate startDate, LocalDate endDate, String communityLead,
    String unitLead, ItemStatus.Project status, String claimedBy, LocalDateTime claimedAt,
    String communityConfirmedBy, LocalDateTime communityConfirmedAt, String unitConfirmedBy,
    LocalDateTime unitConfirmedAt, LocalDateTime agreedAt, LocalDateTime closedAt, LocalDateTime cancelledAt,
    String cancelledBy, String cancelReason, String processInstanceId) {

  @JsonProperty
  public String statusLabel() {
    return status.label();
  }

  @JsonProperty
  public String directionLabel() {
    return direction.label();
  }
}
