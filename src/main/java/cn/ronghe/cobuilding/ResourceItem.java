package cn.ronghe.cobuilding;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** An item of a unit's resource list (资源清单). */
public record ResourceItem(long id, String itemNo, String unitCode, String unitName, String category,
    String categoryName, String title, String offering, String capacity, int capacityCount,
    LocalDate availableFrom, LocalDate availableTo, ServiceScope serviceScope, String contactName,
    ItemStatus.Resource status, LocalDateTime publishedAt, String publishedBy) {

  @JsonProperty
  public String statusLabel() {
    return status.label();
  }

  @JsonProperty
  public String serviceScopeLabel() {
    return serviceScope.label();
  }
}
