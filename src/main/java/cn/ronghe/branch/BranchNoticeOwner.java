package cn.ronghe.branch;

import cn.ronghe.notice.NoticeItem;
import cn.ronghe.notice.NoticeOwner;
import java.util.List;
import org.springframework.stereotype.Component;

/** Star ratings announced in a public notice: the item's owner reference is the rating's id. */
@Component
class BranchNoticeOwner implements NoticeOwner {

  private final BranchRatings ratings;

  BranchNoticeOwner(BranchRatings ratings) {
    this.ratings = ratings;
  }

  @Override
  public String kind() {
    return BranchProcesses.NOTICE_KIND;
  }

  @Override
  public void released(List<NoticeItem> items) {
    ratings.released(items.stream().map(i -> Long.parseLong(i.ownerRef())).toList());
  }

  @Override
  public void objected(NoticeItem item) {
    ratings.objected(Long.parseLong(item.ownerRef()), item.noticeNo());
  }

  @Override
  public void cleared(NoticeItem item) {
    ratings.cleared(Long.parseLong(item.ownerRef()));
  }

  @Override
  public void withdrawn(NoticeItem item, String reason) {
    ratings.withdrawn(Long.parseLong(item.ownerRef()), reason);
  }
}
