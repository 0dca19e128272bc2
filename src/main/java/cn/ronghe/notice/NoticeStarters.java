package cn.ronghe.notice;

import cn.ronghe.identity.ProcessStarters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Anyone acting for a body may object to a notice item, from Tasklist or the API. */
@Configuration
class NoticeStarters {

  @Bean
  ProcessStarters noticeObjectionStarters() {
    return new ProcessStarters(NoticeService.OBJECTION_PROCESS, NoticeController.objectorGroups());
  }
}
