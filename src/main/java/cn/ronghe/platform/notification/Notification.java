package cn.ronghe.platform.notification;

import java.time.LocalDateTime;

/** An in-app message (站内消息) to a user or to a group. */
public record Notification(long id, String recipientUser, String recipientGroup, String title, String body,
    String caseNo, String processInstanceId, LocalDateTime createdAt, boolean read) {
}
