package cn.ronghe.property;

import cn.ronghe.notice.NoticeItem;
import cn.ronghe.notice.NoticeOwner;
import java.util.List;
import org.springframework.stereotype.Component;

/** Red and black places announced in a public notice: the item's owner reference is the rating's id. */
@Component
class PropertyNoticeOwner implements NoticeOwner {

  private final PropertyCredit credit;

  PropertyNoticeOwner(PropertyCredit credit) {
    this.credit = credit;
  }

  @Override
  public String kind() {
    return PropertyProcesses.NOTICE_KIND;
  }

  @Override
  public void released(List<NoticeItem> items) {
    credit.released(items.stream().map(i -> Long.parseLong(i.ownerRef())).toList());
  }

  @Override
  public void objected(NoticeItem item) {
    credit.objected(Long.parseLong(item.ownerRef()), item.noticeNo());
  }

  @Override
  public void cleared(NoticeItem item) {
    credit.cleared(Long.parseLong(item.ownerRef()));
  }

  @Override
  public void withdrawn(NoticeItem item, String reason) {
    credit.withdrawn(Long.parseLong(item.ownerRef()), reason);
  }
}
