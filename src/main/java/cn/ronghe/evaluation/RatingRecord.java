package cn.ronghe.evaluation;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;

/** One evaluation as recorded: submitted (with its dimension scores), missing, or void (pairing dissolved). */
public record RatingRecord(long id, long pairingId, String direction, String status, BigDecimal totalScore,
    String grade, boolean capped, String comment, boolean late, String submittedBy, LocalDateTime submittedAt,
    String ruleVersion, Map<String, Integer> scores) {
}
