package cn.ronghe.platform.notification;

import cn.ronghe.platform.error.RongheException;
import cn.ronghe.platform.security.ApiUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications")
@Tag(name = "站内消息 Notifications", description = "发给本人或本组的消息 / messages to me or my groups")
class NotificationController {

  private final Notifier notifier;

  NotificationController(Notifier notifier) {
    this.notifier = notifier;
  }

  @GetMapping
  @Operation(summary = "My messages, newest first")
  List<Notification> inbox(ApiUser user, @RequestParam(defaultValue = "false") boolean unreadOnly,
      @RequestParam(defaultValue = "100") int limit) {
    return notifier.inbox(user.id(), user.groups(), unreadOnly, limit);
  }

  @PostMapping("/{id}/read")
  @Operation(summary = "Mark one of my messages as read")
  void markRead(ApiUser user, @PathVariable long id) {
    if (!notifier.markRead(id, user.id(), user.groups())) {
      throw RongheException.notFound("消息", String.valueOf(id));
    }
  }
}
