package cn.ronghe.cobuilding;

import java.time.LocalDateTime;

/** One event in the life of a list item: published, claimed, agreed, reported, cancelled... */
public record HistoryEntry(String action, String note, String actor, LocalDateTime actedAt) {
}
