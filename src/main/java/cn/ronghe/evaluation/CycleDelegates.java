package cn.ronghe.evaluation;

import static cn.ronghe.evaluation.EvaluationProcesses.*;

import cn.ronghe.cobuilding.ActingParty;
import cn.ronghe.cobuilding.Times;
import cn.ronghe.identity.Groups;
import cn.ronghe.organisation.Community;
import cn.ronghe.organisation.Pairing;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.organisation.Street;
import cn.ronghe.organisation.Unit;
import cn.ronghe.platform.DatabaseLock;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.calendar.Deadlines;
import cn.ronghe.platform.calendar.WorkCalendar;
import cn.ronghe.platform.cases.CaseNumbers;
import cn.ronghe.platform.notification.Notifier;
import cn.ronghe.platform.policy.PolicyParameters;
import cn.ronghe.platform.process.CaseVariables;
import cn.ronghe.platform.process.FormInput;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Start, registration and fan-out of {@code two-way-evaluation-cycle}. */
@Configuration
class CycleDelegates {

  private final EvaluationRepository repository;
  private final RegistryRepository registry;
  private final CaseNumbers caseNumbers;
  private final Deadlines deadlines;
  private final WorkCalendar calendar;
  private final PolicyParameters policy;
  private final DatabaseLock lock;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final Notifier notifier;
  private final DecisionLog decisions;

  CycleDelegates(EvaluationRepository repository, RegistryRepository registry, CaseNumbers caseNumbers,
      Deadlines deadlines, WorkCalendar calendar, PolicyParameters policy, DatabaseLock lock, RuntimeService runtime,
      IdentityService identity, Notifier notifier, DecisionLog decisions) {
    this.repository = repository;
    this.registry = registry;
    this.caseNumbers = caseNumbers;
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.policy = policy;
    this.lock = lock;
    this.runtime = runtime;
    this.identity = identity;
    this.notifier = notifier;
    this.decisions = decisions;
  }

  /** Start listener of the organisation department's form: year, scope, and no cycle for them yet (else 400). */
  @Bean
  ExecutionListener validateCycleStart() {
    return execution -> {
      FormInput in = FormInput.of(execution);
      int thisYear = Times.today().getYear();
      Integer year = in.integer(EVAL_YEAR, "考评年度", thisYear - 10L, thisYear, true);
      String scope = in.choice(SCOPE_TYPE, "考评范围", List.of(CycleScope.CITY, CycleScope.STREET), true);
      List<String> streets = registry.streets().stream().map(Street::code).toList();
      String street = CycleScope.STREET.equals(scope) ? in.choice(SCOPE_STREET, "镇街", streets, true) : null;
      String note = in.text(START_NOTE, "说明", 500, false);
      in.throwIfInvalid();
      CycleScope.Plan plan = CycleScope.plan(year, scope, street, streets, repository.coveredStreets(year));
      if (plan.refused()) {
        in.addProblem(SCOPE_TYPE, plan.refusalZh(), plan.refusalEn());
        in.throwIfInvalid();
      }
      execution.setVariable(SCOPE_STREET, street);
      execution.setVariable(START_NOTE, note);
      // Only the system (the yearly scheduler) starts without a user; a person's start is always MANUAL.
      var auth = identity.getCurrentAuthentication();
      String trigger = auth == null && "TIMER".equals(execution.getVariable(TRIGGER)) ? "TIMER" : "MANUAL";
      begin(execution, year, scope, street, trigger, ActingParty.actor(auth));
    };
  }

  /** The yearly timer fired: which year, and is any street left to evaluate? */
  @Bean
  JavaDelegate planYearlyCycle() {
    return execution -> {
      int year = EvaluationSchedule.evaluatedYear(Times.today());
      List<String> streets = registry.streets().stream().map(Street::code).toList();
      CycleScope.Plan plan = CycleScope.plan(year, CycleScope.CITY, null, streets, repository.coveredStreets(year));
      String key = "KP-" + year + "-YEARLY";
      execution.setVariable(EVAL_YEAR, year);
      execution.setVariable(CYCLE_NO, key);
      execution.setVariable(CaseVariables.CASE_NO, key);
      execution.setVariable(CaseVariables.CASE_TITLE, year + " 年度双向考评自动开启");
      execution.setVariable(CaseVariables.CASE_ORG, "市委组织部");
      execution.setProcessBusinessKey(key);
      execution.setVariable("cycleCanStart", !plan.refused());
      execution.setVariable(REFUSAL, plan.refusalZh());
    };
  }

  @Bean
  JavaDelegate startYearlyCycle() {
    return execution -> {
      Map<String, Object> vars = new HashMap<>();
      vars.put(EVAL_YEAR, execution.getVariable(EVAL_YEAR));
      vars.put(SCOPE_TYPE, CycleScope.CITY);
      vars.put(TRIGGER, "TIMER");
      vars.put(START_NOTE, "每年定时自动开启");
      Object cycleNo = runtime.createProcessInstanceByKey(CYCLE).setVariables(vars).executeWithVariablesInReturn()
          .getVariables().get(CYCLE_NO);
      execution.setVariable("startedCycleNo", cycleNo);
      decisions.record(execution, "STARTED", "自动开启 " + execution.getVariable(EVAL_YEAR) + " 年度全市考评 " + cycleNo,
          "system", "policy evaluation.cycle-start-date=" + policy.textValue("evaluation.cycle-start-date"));
    };
  }

  private void begin(DelegateExecution execution, int year, String scope, String street, String trigger,
      String actor) {
    String cycleNo = caseNumbers.next("KP");
    execution.setVariable(EVAL_YEAR, year);
    execution.setVariable(SCOPE_TYPE, scope);
    execution.setVariable(TRIGGER, trigger);
    execution.setVariable(STARTED_BY, actor);
    execution.setVariable(CYCLE_NO, cycleNo);
    execution.setVariable(CaseVariables.CASE_NO, cycleNo);
    execution.setVariable(CaseVariables.CASE_TITLE, year + " 年度双向考评（" + scopeLabel(scope, street) + "）");
    execution.setVariable(CaseVariables.CASE_ORG, "市委组织部");
    execution.setProcessBusinessKey(cycleNo);
  }

  /**
   * Under the cycle lock, checks again that the streets are not covered yet (two starts at once), then records
   * the cycle, its streets and a snapshot of their active pairings with the deadlines everyone shares.
   */
  @Bean
  JavaDelegate registerCycle() {
    return execution -> {
      lock.acquire("evaluation-cycle");
      int year = (Integer) execution.getVariable(EVAL_YEAR);
      String scope = (String) execution.getVariable(SCOPE_TYPE);
      String street = (String) execution.getVariable(SCOPE_STREET);
      String cycleNo = (String) execution.getVariable(CYCLE_NO);
      List<String> active = registry.streets().stream().map(Street::code).toList();
      CycleScope.Plan plan = CycleScope.plan(year, scope, street, active, repository.coveredStreets(year));
      List<EvaluationRepository.NewPairing> pairings = plan.refused() ? List.of() : pairingsOf(year, plan.streets());
      if (plan.refused() || pairings.isEmpty()) {
        // Another start for the same streets committed after the start listener's check: same answer, 400.
        FormInput in = FormInput.of(execution);
        in.addProblem(SCOPE_TYPE, plan.refused() ? plan.refusalZh() : "所选范围内没有有效的结对关系",
            plan.refused() ? plan.refusalEn() : "there is no active pairing in the chosen scope");
        in.throwIfInvalid();
      }
      LocalDateTime due = Times.toLocal(deadlines.due("evaluation.rating-days"));
      LocalDate closeDay = calendar.workingDays().plusWorkingDays(due.toLocalDate(), policy.intValue("evaluation.grace-days"));
      LocalDateTime close = closeDay.atTime(due.toLocalTime());
      LocalDateTime reminder = Times.toLocal(deadlines.reminder("evaluation.rating-days"));
      String label = scope.equals(CycleScope.CITY) && plan.streets().size() < active.size()
          ? "全市（" + plan.streets().size() + " 个镇街，其余已单独开展）" : scopeLabel(scope, street);
      long cycleId = repository.insertCycle(new EvaluationRepository.NewCycle(cycleNo, year, LocalDate.of(year, 1, 1),
          LocalDate.of(year, 12, 31), scope, street, label, (String) execution.getVariable(TRIGGER), reminder, due,
          close, execution.getProcessInstanceId(), (String) execution.getVariable(STARTED_BY)), plan.streets(), pairings);
      execution.setVariable(CYCLE_ID, cycleId);
      execution.setVariable(RATING_REMINDER, Times.toDate(reminder));
      execution.setVariable(RATING_DUE, Times.toDate(due));
      execution.setVariable(RATING_CLOSE, Times.toDate(close));
      decisions.record(execution, "OPENED", year + " 年度，" + label + "，" + pairings.size() + " 个结对，评价截止 " + due,
          (String) execution.getVariable(STARTED_BY), "policy evaluation.rating-days=" + policy.intValue("evaluation.rating-days")
              + ", evaluation.grace-days=" + policy.intValue("evaluation.grace-days"));
      for (String s : plan.streets()) {
        notifier.toGroup(Groups.street(s), "双向考评已开启：" + cycleNo, year + " 年度双向考评已开启，请督促辖区社区和共建单位在 "
            + due.toLocalDate() + " 前完成互评。", cycleNo, execution.getProcessInstanceId(), "cycle-opened:" + cycleNo + ":" + s);
      }
    };
  }

  private List<EvaluationRepository.NewPairing> pairingsOf(int year, List<String> streets) {
    Map<String, Community> communities = registry.communities(null).stream()
        .filter(c -> streets.contains(c.streetCode())).collect(Collectors.toMap(Community::code, Function.identity()));
    Map<String, Unit> units = registry.units(null).stream().collect(Collectors.toMap(Unit::code, Function.identity()));
    List<EvaluationRepository.NewPairing> out = new ArrayList<>();
    for (Pairing p : registry.pairings(null, null)) {
      Community c = communities.get(p.communityCode());
      Unit u = units.get(p.unitCode());
      if (c != null && u != null) {
        out.add(new EvaluationRepository.NewPairing(u.code(), u.name(), c.code(), c.name(), c.streetCode(),
            pairingKey(year, u.code(), c.code())));
      }
    }
    return out;
  }

  static String pairingKey(int year, String unit, String community) {
    return "KP-" + year + "-" + unit + "-" + community;
  }

  /** Every street was already evaluated this year: nothing to start; the organisation department is told. */
  @Bean
  JavaDelegate notifyCycleRefused() {
    return execution -> {
      String reason = (String) execution.getVariable(REFUSAL);
      notifier.toGroup(Groups.ORG_DEPT, execution.getVariable(EVAL_YEAR) + " 年度双向考评未自动开启", reason,
          (String) execution.getVariable(CYCLE_NO), execution.getProcessInstanceId(),
          "cycle-refused:" + execution.getVariable(CYCLE_NO) + ":" + execution.getProcessInstanceId());
      decisions.record(execution, "REFUSED", reason, "system", "rule CycleScope: a street is evaluated once a year");
    };
  }

  /**
   * One job opens the next batch of pairings (policy {@code evaluation.batch-size}), each as its own
   * {@code pairing-evaluation} instance, so no transaction and no instance grows with the number of pairings.
   */
  @Bean
  JavaDelegate openPairingBatch() {
    return execution -> {
      long cycleId = (Long) execution.getVariable(CYCLE_ID);
      Cycle cycle = repository.cycle(cycleId).orElseThrow();
      Map<String, String> streetNames = registry.streets().stream().collect(Collectors.toMap(Street::code, Street::name));
      List<PairingResult> batch = repository.pairingsInState(cycleId, "PENDING", policy.intValue("evaluation.batch-size"));
      for (PairingResult p : batch) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(CYCLE_ID, cycleId);
        vars.put(CYCLE_NO, cycle.cycleNo());
        vars.put(EVAL_YEAR, cycle.evalYear());
        vars.put(PAIRING_ID, p.id());
        vars.put(UNIT_CODE, p.unitCode());
        vars.put(UNIT_NAME, p.unitName());
        vars.put(COMMUNITY_CODE, p.communityCode());
        vars.put(COMMUNITY_NAME, p.communityName());
        vars.put(STREET_CODE, p.streetCode());
        vars.put(STREET_NAME, streetNames.getOrDefault(p.streetCode(), p.streetCode()));
        vars.put(PERIOD_FROM, cycle.periodFrom().toString());
        vars.put(PERIOD_TO, cycle.periodTo().toString());
        vars.put(RATING_REMINDER, Times.toDate(cycle.ratingReminder()));
        vars.put(RATING_DUE, Times.toDate(cycle.ratingDue()));
        vars.put(RATING_CLOSE, Times.toDate(cycle.ratingClose()));
        vars.put(CaseVariables.CASE_NO, p.businessKey());
        vars.put(CaseVariables.CASE_TITLE, p.communityName() + " ↔ " + p.unitName() + " " + cycle.evalYear() + " 年度互评");
        vars.put(CaseVariables.CASE_ORG, p.communityName());
        String pid = runtime.createProcessInstanceByKey(PAIRING).businessKey(p.businessKey()).setVariables(vars)
            .execute().getId();
        repository.opened(p.id(), pid);
      }
      repository.addOpened(cycleId, batch.size());
      boolean more = repository.countInState(cycleId, "PENDING") > 0;
      if (!more) {
        repository.status(cycleId, "RATING");
      }
      execution.setVariable(MORE_TO_OPEN, more);
    };
  }

  private String scopeLabel(String scope, String street) {
    return CycleScope.CITY.equals(scope) ? "全市" : registry.street(street).map(Street::name).orElse(street);
  }
}
