package cn.ronghe.platform.cases;

import cn.ronghe.platform.calendar.Deadlines;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readable case numbers: prefix, year, four-digit counter ({@code ZR-2026-0007}). The counter row is locked
 * until the surrounding (engine) transaction ends, so a rolled-back start or a retried job gives its number
 * back and no number is used twice.
 */
@Service
public class CaseNumbers {

  private final JdbcClient jdbc;
  private final Deadlines clock;

  public CaseNumbers(JdbcClient jdbc, Deadlines clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  public String next(String prefix) {
    int year = clock.today().getYear();
    Integer value = jdbc.sql("SELECT next_value FROM case_sequence WHERE prefix = :p AND seq_year = :y FOR UPDATE")
        .param("p", prefix).param("y", year).query(Integer.class).optional().orElse(null);
    if (value == null) {
      value = 1;
      jdbc.sql("INSERT INTO case_sequence (prefix, seq_year, next_value) VALUES (:p, :y, 2)")
          .param("p", prefix).param("y", year).update();
    } else {
      jdbc.sql("UPDATE case_sequence SET next_value = next_value + 1 WHERE prefix = :p AND seq_year = :y")
          .param("p", prefix).param("y", year).update();
    }
    return String.format("%s-%d-%04d", prefix, year, value);
  }
}
