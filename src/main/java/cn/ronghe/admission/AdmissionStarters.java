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

  @Bean
  ProcessStarters catalogueChangeStarters() {
    return ProcessStarters.of(CatalogueChangeProcess.PROCESS_KEY, Groups.ROLE_DEPT, Groups.CIVIL_AFFAIRS);
  }

  @Bean
  ProcessStarters unadmittedReportStarters() {
    return ProcessStarters.of(UnadmittedReportProcess.PROCESS_KEY, Groups.ROLE_COMMUNITY);
  }

  @Bean
  ProcessStarters reconfirmationStarters() {
    return ProcessStarters.of(ReconfirmationProcess.PROCESS_KEY, Groups.CIVIL_AFFAIRS);
  }
}
