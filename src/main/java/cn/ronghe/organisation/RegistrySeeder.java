package cn.ronghe.organisation;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** First start: load the shipped registry before identity groups are derived from it. */
@Component
@Order(10)
class RegistrySeeder implements ApplicationRunner {

  private final RegistryService service;

  RegistrySeeder(RegistryService service) {
    this.service = service;
  }

  @Override
  public void run(ApplicationArguments args) {
    service.seedIfEmpty();
  }
}
