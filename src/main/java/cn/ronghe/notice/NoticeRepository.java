package cn.ronghe.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables notice, notice_item and notice_objection. */
@Repository
class NoticeRepository {

  private static final String NOTICE = "SELECT notice_no, kind, title, org_label, body, owner_ref, resolver_group, "
      + "publisher, starts_on, ends_on, status, published_at, closed_at, process_instance_id FROM notice";
  private static final String ITEM = "SELECT id, notice_no, subject_key, subject_name, subject_org, content, "
      + "owner_ref, status FROM notice_item";
  private static final String OBJECTION = "SELECT id, case_no, notice_no, item_id, objector_name, contact, content, "
      + "filed_by, filed_at, status, resolution, resolved_by, resolved_at, process_instance_id FROM notice_objection";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  NoticeRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  void insert(Notice n, List<NoticeRequest.Item> items) {
    jdbc.sql("INSERT INTO notice (notice_no, kind, title, org_label, body, owner_ref, resolver_group, publisher, "
            + "starts_on, ends_on, status, published_at) VALUES (:no, :k, :t, :o, :b, :r, :g, :p, :s, :e, 'OPEN', :at)")
        .param("no", n.noticeNo()).param("k", n.kind()).param("t", n.title()).param("o", n.orgLabel())
        .param("b", n.body()).param("r", n.ownerRef()).param("g", n.resolverGroup()).param("p", n.publisher())
        .param("s", n.startsOn()).param("e", n.endsOn()).param("at", n.publishedAt()).update();
    template.batchUpdate("INSERT INTO notice_item (notice_no, subject_key, subject_name, subject_org, content, "
        + "owner_ref, status) VALUES (?, ?, ?, ?, ?, ?, 'PUBLISHED')", items.stream().map(i -> new Object[] {
            n.noticeNo(), i.subjectKey(), i.subjectName(), i.subjectOrg(), i.content(), i.ownerRef()}).toList());
  }

  void setProcessInstance(String noticeNo, String processInstanceId) {
    jdbc.sql("UPDATE notice SET process_instance_id = :p WHERE notice_no = :n").param("p", processInstanceId)
        .param("n", noticeNo).update();
  }

  Optional<Notice> find(String noticeNo) {
    return jdbc.sql(NOTICE + " WHERE notice_no = :n").param("n", noticeNo).query(NoticeRepository::notice).optional();
  }

  /** The notice, its row locked until the transaction ends: closing and objecting never interleave. */
  Optional<Notice> lock(String noticeNo) {
    return jdbc.sql(NOTICE + " WHERE notice_no = :n FOR UPDATE").param("n", noticeNo).query(NoticeRepository::notice)
        .optional();
  }

  List<Notice> list(String status, String kind, int limit) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (status != null) {
      where.append(" AND status = :s");
    }
    if (kind != null) {
      where.append(" AND kind = :k");
    }
    var spec = jdbc.sql(NOTICE + where + " ORDER BY published_at DESC, notice_no DESC FETCH FIRST " + limit
        + " ROWS ONLY");
    if (status != null) {
      spec = spec.param("s", status);
    }
    if (kind != null) {
      spec = spec.param("k", kind);
    }
    return spec.query(NoticeRepository::notice).list();
  }

  void close(String noticeNo, LocalDateTime at) {
    jdbc.sql("UPDATE notice SET status = 'CLOSED', closed_at = :t WHERE notice_no = :n").param("t", at)
        .param("n", noticeNo).update();
  }

  List<NoticeItem> items(String noticeNo) {
    return jdbc.sql(ITEM + " WHERE notice_no = :n ORDER BY id").param("n", noticeNo).query(NoticeRepository::item)
        .list();
  }

  Optional<NoticeItem> item(String noticeNo, String subjectKey) {
    return jdbc.sql(ITEM + " WHERE notice_no = :n AND subject_key = :k").param("n", noticeNo).param("k", subjectKey)
        .query(NoticeRepository::item).optional();
  }

  Optional<NoticeItem> item(long id) {
    return jdbc.sql(ITEM + " WHERE id = :id").param("id", id).query(NoticeRepository::item).optional();
  }

  /** Moves items from one status to another; returns the items that moved. */
  List<NoticeItem> move(String noticeNo, String from, String to, LocalDateTime at) {
    List<NoticeItem> moving = jdbc.sql(ITEM + " WHERE notice_no = :n AND status = :f ORDER BY id")
        .param("n", noticeNo).param("f", from).query(NoticeRepository::item).list();
    jdbc.sql("UPDATE notice_item SET status = :t, decided_at = :at WHERE notice_no = :n AND status = :f")
        .param("t", to).param("at", at).param("n", noticeNo).param("f", from).update();
    return moving.stream().map(i -> withStatus(i, to)).toList();
  }

  /** @return false when the item was not in status {@code from} */
  boolean move(long itemId, String from, String to, LocalDateTime at) {
    return jdbc.sql("UPDATE notice_item SET status = :t, decided_at = :at WHERE id = :id AND status = :f")
        .param("t", to).param("at", at).param("id", itemId).param("f", from).update() == 1;
  }

  long insertObjection(String caseNo, NoticeItem item, String name, String contact, String content, String by,
      LocalDateTime at) {
    jdbc.sql("INSERT INTO notice_objection (case_no, notice_no, item_id, objector_name, contact, content, filed_by, "
            + "filed_at, status) VALUES (:c, :n, :i, :name, :contact, :content, :by, :at, 'OPEN')")
        .param("c", caseNo).param("n", item.noticeNo()).param("i", item.id()).param("name", name)
        .param("contact", contact).param("content", content).param("by", by).param("at", at).update();
    return jdbc.sql("SELECT id FROM notice_objection WHERE case_no = :c").param("c", caseNo).query(Long.class)
        .single();
  }

  void setObjectionProcess(long id, String processInstanceId) {
    jdbc.sql("UPDATE notice_objection SET process_instance_id = :p WHERE id = :id").param("p", processInstanceId)
        .param("id", id).update();
  }

  Optional<Objection> objection(long id) {
    return jdbc.sql(OBJECTION + " WHERE id = :id").param("id", id).query(NoticeRepository::objection).optional();
  }

  Optional<Objection> objectionOfProcess(String processInstanceId) {
    return jdbc.sql(OBJECTION + " WHERE process_instance_id = :p").param("p", processInstanceId)
        .query(NoticeRepository::objection).optional();
  }

  List<Objection> objections(String noticeNo) {
    return jdbc.sql(OBJECTION + " WHERE notice_no = :n ORDER BY id").param("n", noticeNo)
        .query(NoticeRepository::objection).list();
  }

  /** @return false when the objection was already decided (a retried job) */
  boolean resolve(long id, String status, String resolution, String by, LocalDateTime at) {
    return jdbc.sql("UPDATE notice_objection SET status = :s, resolution = :r, resolved_by = :b, resolved_at = :at "
            + "WHERE id = :id AND status = 'OPEN'")
        .param("s", status).param("r", resolution).param("b", by).param("at", at).param("id", id).update() == 1;
  }

  int openObjections(long itemId) {
    return jdbc.sql("SELECT COUNT(*) FROM notice_objection WHERE item_id = :i AND status = 'OPEN'")
        .param("i", itemId).query(Integer.class).single();
  }

  static NoticeItem withStatus(NoticeItem i, String status) {
    return new NoticeItem(i.id(), i.noticeNo(), i.subjectKey(), i.subjectName(), i.subjectOrg(), i.content(),
        i.ownerRef(), status);
  }

  private static Notice notice(ResultSet rs, int i) throws SQLException {
    return new Notice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getDate(9).toLocalDate(), rs.getDate(10).toLocalDate(),
        rs.getString(11), time(rs.getTimestamp(12)), time(rs.getTimestamp(13)), rs.getString(14));
  }

  private static NoticeItem item(ResultSet rs, int i) throws SQLException {
    return new NoticeItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8));
  }

  private static Objection objection(ResultSet rs, int i) throws SQLException {
    return new Objection(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), time(rs.getTimestamp(9)), rs.getString(10),
        rs.getString(11), rs.getString(12), time(rs.getTimestamp(13)), rs.getString(14));
  }

  private static LocalDateTime time(Timestamp t) {
    return t == null ? null : t.toLocalDateTime();
  }
}
