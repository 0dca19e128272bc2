package cn.ronghe.cobuilding;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** "Now" is the engine clock, so that tests which move time move our records' timestamps with it. */
public final class Times {

  private Times() {
  }

  public static LocalDateTime now() {
    return toLocal(ClockUtil.getCurrentTime());
  }

  public static LocalDate today() {
    return now().toLocalDate();
  }

  public static LocalDateTime toLocal(Date date) {
    return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
  }

  public static Date toDate(LocalDateTime time) {
    return time == null ? null : Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
  }
}
