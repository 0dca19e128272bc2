package cn.ronghe.career.review;

import cn.ronghe.notice.NoticeItem;
import cn.ronghe.notice.NoticeOwner;
import java.util.List;
import org.springframework.stereotype.Component;

/** Grade changes announced in a public notice: the item's owner reference is the review's id. */
@Component
class CareerNoticeOwner implements NoticeOwner {

  static final String KIND = "career-grade";

  private final ReviewBatches batches;

  CareerNoticeOwner(ReviewBatches batches) {
    this.batches = batches;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void released(List<NoticeItem> items) {
    batches.released(items.stream().map(i -> Long.parseLong(i.ownerRef())).toList());
  }

  @Override
  public void objected(NoticeItem item) {
    batches.objected(Long.parseLong(item.ownerRef()), item.noticeNo());
  }

  @Override
  public void cleared(NoticeItem item) {
    batches.cleared(Long.parseLong(item.ownerRef()));
  }

  @Override
  public void withdrawn(NoticeItem item, String reason) {
    batches.withdrawn(Long.parseLong(item.ownerRef()), reason);
  }
}
