package cn.ronghe.cobuilding;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A unit's contact with its paired community: 报到 (REPORT), 联席会议, 志愿服务 or 走访. */
public record Contact(long id, String unitCode, String communityCode, LocalDate contactDate, String kind,
    String note, String recordedBy, LocalDateTime recordedAt) {

  public enum Kind {
    REPORT("到社区报到"), MEETING("联席会议"), SERVICE("志愿服务"), VISIT("走访联系");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
