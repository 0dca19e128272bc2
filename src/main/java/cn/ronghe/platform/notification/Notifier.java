package cn.ronghe.platform.notification;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends and lists in-app messages. Each message has a de-duplication key (for example
 * {@code admission-approved:ZR-2026-0007:community-dongcang}), so a retried job does not send it twice.
 */
@Service
public class Notifier {

  private final JdbcClient jdbc;

  public Notifier(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** @return false when a message with this key was already sent */
  public boolean toGroup(String group, String title, String body, String caseNo, String processInstanceId,
      String dedupKey) {
    return send(null, group, title, body, caseNo, processInstanceId, dedupKey);
  }

  public boolean toUser(String user, String title, String body, String caseNo, String processInstanceId,
      String dedupKey) {
    return send(user, null, title, body, caseNo, processInstanceId, dedupKey);
  }

  private boolean send(String user, String group, String title, String body, String caseNo, String pid,
      String dedupKey) {
    boolean sent = jdbc.sql("SELECT COUNT(*) FROM notification WHERE dedup_key = :k").param("k", dedupKey)
        .query(Integer.class).single() > 0;
    if (sent) {
      return false;
    }
    jdbc.sql("INSERT INTO notification (recipient_user, recipient_group, title, body, case_no, process_instance_id, "
            + "dedup_key, created_at) VALUES (:u, :g, :t, :b, :c, :p, :k, :at)")
        .param("u", user).param("g", group).param("t", cut(title, 200)).param("b", cut(body, 2000))
        .param("c", caseNo).param("p", pid).param("k", cut(dedupKey, 200))
        .param("at", LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault()))
        .update();
    return true;
  }

  /** Messages to the user or to any of the groups, newest first. */
  public List<Notification> inbox(String user, Collection<String> groups, boolean unreadOnly, int limit) {
    List<String> groupList = groups.isEmpty() ? List.of("\u0000") : List.copyOf(groups);
    String unread = unreadOnly ? " AND r.notification_id IS NULL" : "";
    return jdbc.sql("SELECT n.id, n.recipient_user, n.recipient_group, n.title, n.body, n.case_no, "
            + "n.process_instance_id, n.created_at, r.notification_id FROM notification n "
            + "LEFT JOIN notification_read r ON r.notification_id = n.id AND r.user_id = :u "
            + "WHERE (n.recipient_user = :u OR n.recipient_group IN (:g))" + unread
            + " ORDER BY n.created_at DESC, n.id DESC FETCH FIRST " + Math.max(1, Math.min(limit, 500)) + " ROWS ONLY")
        .param("u", user).param("g", groupList)
        .query((rs, i) -> new Notification(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toLocalDateTime(),
            rs.getObject(9) != null))
        .list();
  }

  /** Messages of one case (any recipient), oldest first: for tests and the audit view. */
  public List<Notification> forCase(String caseNo) {
    return jdbc.sql("SELECT id, recipient_user, recipient_group, title, body, case_no, process_instance_id, created_at "
            + "FROM notification WHERE case_no = :c ORDER BY id")
        .param("c", caseNo)
        .query((rs, i) -> new Notification(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toLocalDateTime(), false))
        .list();
  }

  /** @return false when the message is not addressed to this user (or does not exist) */
  @Transactional
  public boolean markRead(long id, String user, Collection<String> groups) {
    boolean visible = inbox(user, groups, false, 500).stream().anyMatch(n -> n.id() == id);
    if (!visible) {
      return false;
    }
    boolean already = jdbc.sql("SELECT COUNT(*) FROM notification_read WHERE notification_id = :n AND user_id = :u")
        .param("n", id).param("u", user).query(Integer.class).single() > 0;
    if (!already) {
      jdbc.sql("INSERT INTO notification_read (notification_id, user_id, read_at) VALUES (:n, :u, :t)")
          .param("n", id).param("u", user).param("t", LocalDateTime.now()).update();
    }
    return true;
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
