package cn.ronghe.career;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A community worker in the registry. {@code communityName} and {@code streetCode} are read from the
 * organisation registry and ignored on insert.
 */
public record Worker(String workerId, String name, Gender gender, LocalDate birthDate, String communityCode,
    Post post, String duty, int grade, LocalDate gradeSince, BigDecimal payCoefficient, Education education,
    Qualification qualification, LocalDate serviceStart, LocalDate hiredOn, WorkerStatus status,
    LocalDate statusSince, String originCaseNo, boolean sampleData, String communityName, String streetCode) {
}
