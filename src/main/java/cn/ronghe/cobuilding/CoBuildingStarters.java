package cn.ronghe.cobuilding;

import cn.ronghe.identity.Groups;
import cn.ronghe.identity.ProcessStarters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Communities and units publish list items and claim the other side's items from Tasklist. */
@Configuration
class CoBuildingStarters {

  @Bean
  ProcessStarters listItemStarters() {
    return ProcessStarters.of(ListItemProcess.KEY, Groups.ROLE_COMMUNITY, Groups.ROLE_UNIT);
  }

  @Bean
  ProcessStarters projectStarters() {
    return ProcessStarters.of(ProjectProcess.KEY, Groups.ROLE_COMMUNITY, Groups.ROLE_UNIT);
  }
}
