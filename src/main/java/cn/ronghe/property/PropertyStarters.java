package cn.ronghe.property;

import cn.ronghe.identity.Groups;
import cn.ronghe.identity.ProcessStarters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Communities and streets record entries; the housing bureau starts a rating by hand (the timer twice a year). */
@Configuration
class PropertyStarters {

  @Bean
  ProcessStarters propertyEntryStarters() {
    return ProcessStarters.of(PropertyProcesses.ENTRY, Groups.ROLE_COMMUNITY, Groups.ROLE_STREET);
  }

  @Bean
  ProcessStarters propertyRatingStarters() {
    return ProcessStarters.of(PropertyProcesses.RATING, PropertyCredit.REVIEWER_GROUP);
  }
}
