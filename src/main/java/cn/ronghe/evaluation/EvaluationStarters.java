package cn.ronghe.evaluation;

import cn.ronghe.identity.Groups;
import cn.ronghe.identity.ProcessStarters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Only the organisation department starts an evaluation cycle by hand; pairings and ratings are system-started. */
@Configuration
class EvaluationStarters {

  @Bean
  ProcessStarters cycleStarters() {
    return ProcessStarters.of(EvaluationProcesses.CYCLE, Groups.ORG_DEPT);
  }
}
