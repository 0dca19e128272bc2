package cn.ronghe.admission.catalogue;

import cn.ronghe.organisation.Department;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.platform.error.FieldProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * First start: publishes version 1 of the catalogue from the seed file ({@code ronghe.admission.catalogue-seed-file}).
 * A bad seed file stops the start with every problem listed: a city must not run on a half-loaded catalogue.
 */
@Component
@Order(40)
class CatalogueSeeder implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(CatalogueSeeder.class);

  private final CatalogueService catalogue;
  private final RegistryRepository registry;
  private final Resource seedFile;

  CatalogueSeeder(CatalogueService catalogue, RegistryRepository registry,
      @Value("${ronghe.admission.catalogue-seed-file}") Resource seedFile) {
    this.catalogue = catalogue;
    this.registry = registry;
    this.seedFile = seedFile;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (catalogue.current().isPresent()) {
      return;
    }
    String text;
    try (InputStream in = seedFile.getInputStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Set<String> departments = registry.departments().stream().map(Department::code).collect(Collectors.toSet());
    CatalogueCsv.Seed seed = CatalogueCsv.readSeed(text, departments);
    if (!seed.problems().isEmpty()) {
      throw new IllegalStateException("The catalogue seed file " + seedFile + " is invalid: "
          + FieldProblem.joinEn(seed.problems()));
    }
    LocalDate today = LocalDate.now();
    LocalDate publishedOn = seed.publishedOn() == null || seed.publishedOn().isAfter(today) ? today
        : seed.publishedOn();
    catalogue.publishInitial(seed.items(), publishedOn, "system").ifPresent(v ->
        log.info("Published the first community matter catalogue: {} items", v.itemCount()));
  }
}
