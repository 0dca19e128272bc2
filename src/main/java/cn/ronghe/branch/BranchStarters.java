package cn.ronghe.branch;

import cn.ronghe.identity.Groups;
import cn.ronghe.identity.ProcessStarters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The organisation department starts a star rating by hand (the Q1 timer starts the yearly one). */
@Configuration
class BranchStarters {

  @Bean
  ProcessStarters branchRatingStarters() {
    return ProcessStarters.of(BranchProcesses.RATING, Groups.ORG_DEPT);
  }
}
