package cn.ronghe.notice;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service steps of process {@code public-notice}. */
@Configuration
class NoticeSteps {

  /** Tells the resolver group and the audience that the notice is out. */
  @Bean
  JavaDelegate announceNotice(NoticeService notices) {
    return execution -> notices.announce(noticeNo(execution), (String) execution.getVariable("audience"),
        execution.getProcessInstanceId());
  }

  /** The period is over: items without an open objection go back to their owner. */
  @Bean
  JavaDelegate closeNotice(NoticeService notices) {
    return execution -> execution.setVariable("releasedItems", notices.close(noticeNo(execution)).size());
  }

  private static String noticeNo(DelegateExecution execution) {
    return (String) execution.getVariable("noticeNo");
  }
}
