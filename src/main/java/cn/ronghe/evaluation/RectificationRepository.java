package cn.ronghe.evaluation;

import cn.ronghe.cobuilding.Times;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table ev_rectification: 整改 of a side rated 较差, and the street's check of it. */
@Repository
public class RectificationRepository {

  private final JdbcClient jdbc;

  RectificationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Opens the rectification once; a retried job finds it open and leaves it. */
  void open(long pairingId, RatingDirection.RatedSide side, LocalDateTime due) {
    boolean exists = jdbc.sql("SELECT COUNT(*) FROM ev_rectification WHERE pairing_id = :p AND rated_side = :s")
        .param("p", pairingId).param("s", side.name()).query(Integer.class).single() > 0;
    if (!exists) {
      jdbc.sql("INSERT INTO ev_rectification (pairing_id, rated_side, status, due_at) VALUES (:p, :s, 'OPEN', :d)")
          .param("p", pairingId).param("s", side.name()).param("d", due).update();
    }
  }

  void submitted(long pairingId, RatingDirection.RatedSide side, String measures, String actor) {
    jdbc.sql("UPDATE ev_rectification SET status = 'SUBMITTED', measures = :m, submitted_by = :by, submitted_at = :at, "
            + "rounds = rounds + 1 WHERE pairing_id = :p AND rated_side = :s")
        .param("m", measures).param("by", actor).param("at", Times.now()).param("p", pairingId)
        .param("s", side.name()).update();
  }

  void checked(long pairingId, RatingDirection.RatedSide side, boolean accepted, String opinion, String actor) {
    jdbc.sql("UPDATE ev_rectification SET status = :st, check_opinion = :o, checked_by = :by, checked_at = :at "
            + "WHERE pairing_id = :p AND rated_side = :s")
        .param("st", accepted ? "ACCEPTED" : "OPEN").param("o", opinion).param("by", actor).param("at", Times.now())
        .param("p", pairingId).param("s", side.name()).update();
  }

  public List<Map<String, Object>> of(long pairingId) {
    return jdbc.sql("SELECT rated_side, status, rounds, due_at, measures, check_opinion FROM ev_rectification "
            + "WHERE pairing_id = :p ORDER BY rated_side").param("p", pairingId)
        .query((rs, i) -> {
          Map<String, Object> m = new java.util.LinkedHashMap<>();
          m.put("ratedSide", rs.getString(1));
          m.put("status", rs.getString(2));
          m.put("rounds", rs.getInt(3));
          m.put("dueAt", rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toLocalDateTime());
          m.put("measures", rs.getString(5));
          m.put("checkOpinion", rs.getString(6));
          return m;
        }).list();
  }

  public String status(long pairingId, RatingDirection.RatedSide side) {
    return jdbc.sql("SELECT status FROM ev_rectification WHERE pairing_id = :p AND rated_side = :s")
        .param("p", pairingId).param("s", side.name()).query(String.class).optional().orElse(null);
  }
}
