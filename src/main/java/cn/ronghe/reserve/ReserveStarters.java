package cn.ronghe.reserve;

import cn.ronghe.identity.Groups;
import cn.ronghe.identity.ProcessStarters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Communities nominate reserve candidates. */
@Configuration
class ReserveStarters {

  @Bean
  ProcessStarters reservePlanStarters() {
    return ProcessStarters.of(ReserveProcesses.PLAN, Groups.ROLE_COMMUNITY);
  }
}
