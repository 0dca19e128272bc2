package cn.ronghe.career;

import cn.ronghe.identity.Groups;
import cn.ronghe.identity.ProcessStarters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who starts the career processes from Tasklist. */
@Configuration
class CareerStarters {

  /** Communities propose new hires. */
  @Bean
  ProcessStarters onboardingStarters() {
    return ProcessStarters.of(CareerProcesses.ONBOARDING, Groups.ROLE_COMMUNITY);
  }

  /** A community after an election, a street after an appointment. */
  @Bean
  ProcessStarters postChangeStarters() {
    return ProcessStarters.of(CareerProcesses.POST_CHANGE, Groups.ROLE_COMMUNITY, Groups.ROLE_STREET);
  }

  /** Civil affairs starts a review by hand for a year and scope (the timer starts the yearly one). */
  @Bean
  ProcessStarters reviewStarters() {
    return ProcessStarters.of(CareerProcesses.REVIEW_CYCLE, Groups.CIVIL_AFFAIRS);
  }
}
