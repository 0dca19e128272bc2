package cn.ronghe.evaluation;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** An evaluation cycle (考评周期): one year, one scope, its progress and publication. */
public record Cycle(long id, String cycleNo, int evalYear, LocalDate periodFrom, LocalDate periodTo, String scopeType,
    String scopeCode, String scopeLabel, String triggerKind, String status, int pairingCount, int openedCount,
    int ratedCount, LocalDateTime ratingReminder, LocalDateTime ratingDue, LocalDateTime ratingClose,
    String processInstanceId, String startedBy, LocalDateTime startedAt, String publishedBy,
    LocalDateTime publishedAt, String publishNote) {
}
