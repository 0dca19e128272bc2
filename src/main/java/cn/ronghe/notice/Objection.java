package cn.ronghe.notice;

import java.time.LocalDateTime;

/** An objection (异议) against one notice item. */
public record Objection(long id, String caseNo, String noticeNo, long itemId, String objectorName, String contact,
    String content, String filedBy, LocalDateTime filedAt, String status, String resolution, String resolvedBy,
    LocalDateTime resolvedAt, String processInstanceId) {
}
