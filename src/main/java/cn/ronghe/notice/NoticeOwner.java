package cn.ronghe.notice;

import java.util.List;

/**
 * The capability behind a kind of notice. Every call happens in the transaction that changed the item, so the
 * owner's records change exactly when the notice's do.
 */
public interface NoticeOwner {

  /** The notice kind this owner publishes, e.g. {@code career-grade}. */
  String kind();

  /** The items stand: the period ended without an open objection, or the last objection was rejected after it. */
  void released(List<NoticeItem> items);

  /** An objection was filed against the item: it is paused until the objection is decided. */
  void objected(NoticeItem item);

  /** Every objection against the item was rejected while the notice is still open: it is back in notice. */
  void cleared(NoticeItem item);

  /** An objection was upheld: the item does not take effect. */
  void withdrawn(NoticeItem item, String reason);
}
