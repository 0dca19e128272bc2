package cn.ronghe.notice;

/**
 * One announced item: what it is about ({@code subjectKey}, e.g. a worker id), what changes ({@code content}),
 * and the owner's own key. Status PUBLISHED → OBJECTED (paused) → back to PUBLISHED, RELEASED or WITHDRAWN.
 */
public record NoticeItem(long id, String noticeNo, String subjectKey, String subjectName, String subjectOrg,
    String content, String ownerRef, String status) {
}
