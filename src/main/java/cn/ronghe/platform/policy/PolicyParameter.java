package cn.ronghe.platform.policy;

import java.time.LocalDateTime;

/** One value a city may change without a rebuild (a deadline, a notice period, a quota...). */
public record PolicyParameter(String key, String value, String type, String description,
    LocalDateTime updatedAt, String updatedBy) {
}
