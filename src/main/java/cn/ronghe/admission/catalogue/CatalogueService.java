package cn.ronghe.admission.catalogue;

import cn.ronghe.organisation.Department;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.organisation.Street;
import cn.ronghe.platform.DatabaseLock;
import cn.ronghe.platform.error.RongheException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The community matter catalogue: reading its versions and publishing a new one. Publishing is the only way the
 * catalogue changes; it runs under a database row lock (one publication at a time across nodes) and at most
 * once per deciding case.
 */
@Service
public class CatalogueService {

  static final String LOCK = "admission-catalogue";
  private static final Logger log = LoggerFactory.getLogger(CatalogueService.class);

  /** An item as it stood in one version, with what changed against the previous version that held it. */
  public record ItemRevision(CatalogueVersion version, CatalogueItem item, List<CatalogueDiff.FieldChange> changes) {
  }

  private final CatalogueRepository repository;
  private final RegistryRepository registry;
  private final DatabaseLock lock;

  CatalogueService(CatalogueRepository repository, RegistryRepository registry, DatabaseLock lock) {
    this.repository = repository;
    this.registry = registry;
    this.lock = lock;
  }

  public Optional<CatalogueVersion> current() {
    return repository.latest();
  }

  public CatalogueVersion currentOrFail() {
    return current().orElseThrow(() -> RongheException.notFound("事项清单", "尚未发布 / none published"));
  }

  public List<CatalogueVersion> versions() {
    return repository.versions();
  }

  public CatalogueVersion version(int versionNo) {
    return repository.version(versionNo).orElseThrow(() -> RongheException.notFound("清单版本", "v" + versionNo));
  }

  public Optional<CatalogueVersion> inForceOn(LocalDate day) {
    return repository.inForceOn(day);
  }

  public List<CatalogueItem> items(int versionNo) {
    return repository.items(versionNo);
  }

  public List<CatalogueItem> currentItems() {
    return current().map(v -> repository.items(v.versionNo())).orElse(List.of());
  }

  public Optional<CatalogueItem> item(int versionNo, String code) {
    return repository.item(versionNo, code);
  }

  public CatalogueDiff diff(int fromVersion, int toVersion) {
    version(fromVersion);
    version(toVersion);
    return CatalogueDiff.between(fromVersion, repository.items(fromVersion), toVersion,
        repository.items(toVersion), naming());
  }

  /** Every version that held the item, oldest first, each with its changes against the previous one. */
  public List<ItemRevision> history(String code) {
    List<ItemRevision> revisions = new ArrayList<>();
    CatalogueItem previous = null;
    CatalogueDiff.Naming naming = naming();
    for (int v : repository.versionsContaining(code)) {
      CatalogueItem item = repository.item(v, code).orElseThrow();
      List<CatalogueDiff.FieldChange> changes = previous == null ? List.of()
          : CatalogueDiff.compare(previous, item, naming);
      if (previous == null || !changes.isEmpty()) {
        revisions.add(new ItemRevision(version(v), item, changes));
      }
      previous = item;
    }
    return revisions;
  }

  /** Department and street names, for diffs and pages. */
  public CatalogueDiff.Naming naming() {
    Map<String, String> departments = registry.departments().stream()
        .collect(Collectors.toMap(Department::code, Department::shortName));
    Map<String, String> streets = registry.streets().stream().collect(Collectors.toMap(Street::code, Street::name));
    return new CatalogueDiff.Naming(c -> departments.getOrDefault(c, c), c -> streets.getOrDefault(c, c));
  }

  /**
   * Publishes a new version: the latest version's items with the publication's changes applied. Returns the
   * version an earlier call for the same case published, if any, so a retried job publishes nothing twice.
   */
  @Transactional
  public CatalogueVersion publish(Publication p) {
    lock.acquire(LOCK);
    Optional<CatalogueVersion> done = repository.bySource(p.sourceCaseNo());
    if (done.isPresent()) {
      log.info("Catalogue change of {} was already published as version {}", p.sourceCaseNo(),
          done.get().versionNo());
      return done.get();
    }
    Optional<CatalogueVersion> base = repository.latest();
    Map<String, CatalogueItem> items = new LinkedHashMap<>();
    base.ifPresent(b -> repository.items(b.versionNo()).forEach(i -> items.put(i.code(), i)));
    List<String> lines = new ArrayList<>();
    if (p.note() != null && !p.note().isBlank()) {
      lines.add(p.note().strip());
    }
    for (CatalogueItem r : p.replaced()) {
      CatalogueItem old = items.get(r.code());
      if (old == null) {
        lines.add("变更 " + r.code() + "：该事项已不在清单中，未变更");
        continue;
      }
      items.put(r.code(), r);
      String fields = CatalogueDiff.compare(old, r, CatalogueDiff.Naming.CODES).stream()
          .map(CatalogueDiff.FieldChange::label).collect(Collectors.joining("、"));
      lines.add("变更 " + r.code() + " " + r.name() + (fields.isEmpty() ? "" : "（" + fields + "）"));
    }
    for (String code : p.removed().stream().sorted().toList()) {
      CatalogueItem old = items.remove(code);
      lines.add(old == null ? "取消 " + code + "：该事项已不在清单中" : "取消 " + code + " " + old.name());
    }
    for (CatalogueItem a : p.added()) {
      String code = a.code() != null ? a.code() : nextCode(a.listType(), items);
      items.put(code, a.withCode(code));
      lines.add("新增 " + code + " " + a.name());
    }
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    // A version is never dated before the one it replaces.
    LocalDate publishedOn = base.map(b -> b.publishedOn().isAfter(today) ? b.publishedOn() : today).orElse(today);
    String summary = p.kind().label() + "（" + p.sourceCaseNo() + "）：" + String.join("；", lines);
    CatalogueVersion version = new CatalogueVersion(base.map(b -> b.versionNo() + 1).orElse(1), publishedOn,
        LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault()), p.kind(),
        summary.length() > 2000 ? summary.substring(0, 1997) + "……" : summary, p.sourceCaseNo(), p.publishedBy(),
        items.size());
    repository.insert(version, List.copyOf(items.values()));
    log.info("Published catalogue version {} ({} items): {}", version.versionNo(), items.size(), summary);
    return version;
  }

  /** Publishes the first version on an empty catalogue; does nothing when a version exists. */
  @Transactional
  public Optional<CatalogueVersion> publishInitial(List<CatalogueItem> items, LocalDate publishedOn, String by) {
    lock.acquire(LOCK);
    if (repository.latest().isPresent()) {
      return Optional.empty();
    }
    long byLaw = items.stream().filter(i -> i.listType() == ListType.BY_LAW).count();
    CatalogueVersion version = new CatalogueVersion(1, publishedOn,
        LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault()), ChangeKind.INITIAL,
        "首批清单：社区依法履行职责事项 " + byLaw + " 项，社区协助政府工作事项 " + (items.size() - byLaw) + " 项",
        "INITIAL", by, items.size());
    repository.insert(version, items);
    return Optional.of(version);
  }

  private String nextCode(ListType type, Map<String, CatalogueItem> pending) {
    int highest = repository.highestCodeNumber(type.codePrefix());
    for (String code : pending.keySet()) {
      if (code.startsWith(type.codePrefix() + "-")) {
        try {
          highest = Math.max(highest, Integer.parseInt(code.substring(type.codePrefix().length() + 1)));
        } catch (NumberFormatException e) {
          // not numbered
        }
      }
    }
    return String.format("%s-%02d", type.codePrefix(), highest + 1);
  }
}
