package cn.ronghe.career.registry;

import cn.ronghe.career.GradeChange;
import cn.ronghe.career.GradeChange.ChangeKind;
import cn.ronghe.career.Worker;
import cn.ronghe.career.policy.DeployedDecisionTables;
import cn.ronghe.career.policy.GradeRules;
import cn.ronghe.organisation.Community;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.calendar.Deadlines;
import cn.ronghe.platform.error.FieldProblem;
import cn.ronghe.platform.error.RongheException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Brings a file of existing workers into the registry ({@link WorkerFile}): all or nothing, in the caller's
 * transaction. Each worker gets a grade-history line {@code INITIAL} saying it came from the import, and an audit
 * line under its worker id, so its record starts with who brought it in and on which basis.
 */
@Service
public class WorkerImport {

  public record Imported(int imported, String firstWorkerId, String lastWorkerId) {
  }

  static final String PROCESS_KEY = "worker-registry";

  private final WorkerRepository workers;
  private final RegistryRepository registry;
  private final DeployedDecisionTables decisions;
  private final DecisionLog log;
  private final Deadlines clock;

  WorkerImport(WorkerRepository workers, RegistryRepository registry, DeployedDecisionTables decisions, DecisionLog log,
      Deadlines clock) {
    this.workers = workers;
    this.registry = registry;
    this.decisions = decisions;
    this.log = log;
    this.clock = clock;
  }

  public Imported importFile(String text, String actor) {
    GradeRules rules = decisions.current();
    Map<String, Community> communities = registry.communities(null).stream()
        .collect(Collectors.toMap(Community::code, Function.identity()));
    WorkerFile.Parsed parsed = new WorkerFile(rules, communities::get,
        workers.findAll(WorkerFile.namedIds(text)).keySet(), clock.today()).parse(text);
    if (!parsed.valid()) {
      List<FieldProblem> problems = new ArrayList<>(parsed.problems());
      if (parsed.problemCount() > problems.size()) {
        problems.add(new FieldProblem("file", "另有 " + (parsed.problemCount() - problems.size()) + " 处问题未列出",
            (parsed.problemCount() - problems.size()) + " more problems not listed"));
      }
      throw RongheException.invalid(problems);
    }
    List<Worker> file = parsed.workers();
    long next = workers.reserveIds((int) file.stream().filter(w -> w.workerId() == null).count());
    List<Worker> imported = new ArrayList<>(file.size());
    for (Worker w : file) {
      imported.add(w.workerId() != null ? w : withId(w, WorkerRepository.workerId(next++)));
    }
    workers.insert(imported);
    String version = rules.band(imported.get(0).post()).ruleVersion() + "; " + rules.payVersion();
    List<GradeChange> history = new ArrayList<>(imported.size());
    for (Worker w : imported) {
      String reason = "名册导入：" + w.post().label() + " " + w.grade() + " 级（自 " + w.gradeSince() + " 起），薪酬系数 "
          + w.payCoefficient() + "，" + w.communityName() + "，入职 " + w.hiredOn();
      history.add(new GradeChange(null, w.workerId(), ChangeKind.INITIAL, null, w.post(), null, w.grade(),
          w.payCoefficient(), reason, actor, w.gradeSince(), null, null, version, null));
      log.record(w.workerId(), PROCESS_KEY, null, "import", "IMPORTED", reason, actor, version);
    }
    workers.addHistory(history);
    return new Imported(imported.size(), imported.get(0).workerId(), imported.get(imported.size() - 1).workerId());
  }

  private static Worker withId(Worker w, String id) {
    return new Worker(id, w.name(), w.gender(), w.birthDate(), w.communityCode(), w.post(), w.duty(), w.grade(),
        w.gradeSince(), w.payCoefficient(), w.education(), w.qualification(), w.serviceStart(), w.hiredOn(), w.status(),
        w.statusSince(), w.originCaseNo(), w.sampleData(), w.communityName(), w.streetCode());
  }
}
