package cn.ronghe.grid;

import cn.ronghe.identity.Groups;
import cn.ronghe.identity.ProcessStarters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A grid's party organisation reports through its community's account (the grid must lie in that community). */
@Configuration
class GridStarters {

  @Bean
  ProcessStarters gridReportStarters() {
    return ProcessStarters.of(GridProcesses.REPORT, Groups.ROLE_COMMUNITY);
  }
}
