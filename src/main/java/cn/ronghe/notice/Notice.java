package cn.ronghe.notice;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A public notice (公示): a titled list of items, open for objections from {@code startsOn} to {@code endsOn}. */
public record Notice(String noticeNo, String kind, String title, String orgLabel, String body, String ownerRef,
    String resolverGroup, String publisher, LocalDate startsOn, LocalDate endsOn, String status,
    LocalDateTime publishedAt, LocalDateTime closedAt, String processInstanceId) {

  public boolean open() {
    return "OPEN".equals(status);
  }
}
