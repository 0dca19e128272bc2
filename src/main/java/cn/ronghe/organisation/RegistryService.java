package cn.ronghe.organisation;

import cn.ronghe.platform.DatabaseLock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads the shipped registry on first start and replaces it from an administrator's upload. */
@Service
public class RegistryService {

  private static final Logger log = LoggerFactory.getLogger(RegistryService.class);

  private final RegistryRepository repository;
  private final ApplicationEventPublisher events;
  private final DatabaseLock lock;
  private final Resource seedFile;

  RegistryService(RegistryRepository repository, ApplicationEventPublisher events, DatabaseLock lock,
      @Value("${ronghe.registry.seed-file}") Resource seedFile) {
    this.repository = repository;
    this.events = events;
    this.lock = lock;
    this.seedFile = seedFile;
  }

  /** Loads the shipped file when the registry is still empty; another node doing the same waits on the lock. */
  @Transactional
  public void seedIfEmpty() {
    lock.acquire("startup");
    if (repository.currentVersion().isPresent()) {
      return;
    }
    byte[] content;
    try (InputStream in = seedFile.getInputStream()) {
      content = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the registry seed file " + seedFile, e);
    }
    RegistryVersion v = replace(RegistryCsv.parse(content, "seed"), seedFile.getFilename(), "system");
    log.info("Loaded the organisation registry {}: {} streets, {} communities, {} units, {} pairings",
        v.label(), v.streets(), v.communities(), v.units(), v.pairings());
  }

  /** Validates the whole file first; any problem leaves the registry untouched. */
  @Transactional
  public RegistryVersion importCsv(byte[] content, String fileName, String user) {
    RegistrySnapshot snapshot = RegistryCsv.parse(content, fileName);
    lock.acquire("startup");
    return replace(snapshot, fileName, user);
  }

  private RegistryVersion replace(RegistrySnapshot snapshot, String source, String user) {
    RegistryVersion version = repository.replace(snapshot, source, user);
    events.publishEvent(new RegistryChangedEvent(version));
    return version;
  }
}
