package cn.ronghe.admission;

import cn.ronghe.identity.Groups;
import cn.ronghe.identity.ProcessStarters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may start the admission processes from Tasklist. */
@Configuration
class AdmissionStarters {

  @Bean
  ProcessStarters matterAdmissionStarters() {
    return ProcessStarters.of(MatterAdmission.PROCESS_KEY, Groups.ROLE_DEPT);
  }
}
