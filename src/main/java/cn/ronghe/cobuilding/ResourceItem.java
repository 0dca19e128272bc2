package cn.ronghe.cobuilding;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** An item of a unit's resource list (资源清单). */
public record ResourceItem(long id, String itemNo, String unitCode, String unitName, String category,
    String categoryName, String title, String offering, String capacity, int capacityCount,
    LocalDate availableFrom, LocalDate availableTo, ServiceScope serviceScope, String contactName,
    ItemStatus.Resource status, LocalDateTime publishedAt, String publishedBy) {

  public String statusLabel() {
    return status.label();
  }

  public String serviceScopeLabel() {
    return serviceScope.label();
  }
}
