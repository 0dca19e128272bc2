package cn.ronghe.career.review;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A review cycle: one review year and scope. */
public record ReviewCycle(String cycleNo, int reviewYear, String scopeKind, String scopeCode, String scopeLabel,
    LocalDate effectiveDate, String status, int workerCount, int streetCount, String startedBy,
    LocalDateTime startedAt, LocalDateTime completedAt, String processInstanceId) {
}
