package cn.ronghe.cobuilding;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** An item of a community's demand list (需求清单). */
public record DemandItem(long id, String itemNo, String communityCode, String communityName, String streetCode,
    String streetName, String category, String categoryName, String title, String description,
    String beneficiaries, int beneficiaryCount, LocalDate expectedFrom, LocalDate expectedTo, String contactName,
    ItemStatus.Demand status, LocalDateTime publishedAt, String publishedBy) {

  @JsonProperty
  public String statusLabel() {
    return status.label();
  }
}
