package cn.ronghe.career.onboarding;

import cn.ronghe.career.CareerProcesses;
import cn.ronghe.career.GradeChange;
import cn.ronghe.career.StreetGradeDecision;
import cn.ronghe.career.GradeChange.ChangeKind;
import cn.ronghe.career.Worker;
import cn.ronghe.career.WorkerStatus;
import cn.ronghe.career.policy.Band;
import cn.ronghe.career.policy.DeployedDecisionTables;
import cn.ronghe.career.policy.GradeRules;
import cn.ronghe.career.policy.InitialGrade;
import cn.ronghe.career.registry.WorkerRepository;
import cn.ronghe.identity.Groups;
import cn.ronghe.organisation.Community;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.calendar.Deadlines;
import cn.ronghe.platform.cases.CaseNumbers;
import cn.ronghe.platform.notification.Notifier;
import cn.ronghe.platform.process.CaseVariables;
import cn.ronghe.platform.process.FormInput;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of process {@code worker-onboarding} (入职定级). */
@Configuration
class OnboardingSteps {

  private final IdentityService identity;
  private final DecisionLog log;
  private final Deadlines clock;
  private final RegistryRepository registry;
  private final WorkerRepository workers;

  OnboardingSteps(IdentityService identity, DecisionLog log, Deadlines clock, RegistryRepository registry,
      WorkerRepository workers) {
    this.identity = identity;
    this.log = log;
    this.clock = clock;
    this.registry = registry;
    this.workers = workers;
  }

  /** Start listener: the community's proposal, checked; the case gets its RZ number. */
  @Bean
  ExecutionListener onboardingProposal(CaseNumbers numbers) {
    return execution -> {
      FormInput in = FormInput.of(execution);
      String community = CareerProcesses.actingCommunity(identity, in,
          in.text("communityCode", "社区", 32, false));
      NewWorker w = NewWorker.read(execution, in, clock.today());
      in.throwIfInvalid();
      Community c = registry.community(community).orElseThrow();
      checkNotInRegistry(in, w, community);
      in.throwIfInvalid();
      String caseNo = numbers.next(CareerProcesses.ONBOARDING_PREFIX);
      execution.setProcessBusinessKey(caseNo);
      execution.setVariable(CaseVariables.CASE_NO, caseNo);
      execution.setVariable(CaseVariables.CASE_ORG, c.name());
      execution.setVariable("communityCode", c.code());
      execution.setVariable("streetCode", c.streetCode());
      describe(execution, w);
      log.record(execution, "PROPOSED", w.describe(), CareerProcesses.actor(identity), null);
    };
  }

  /** The rules' initial grade, with the explanation the street reads. */
  @Bean
  JavaDelegate computeInitialGrade(DeployedDecisionTables decisions) {
    return execution -> {
      NewWorker w = stored(execution);
      GradeRules rules = decisions.current();
      InitialGrade g = rules.initialGrade(w.post(), w.education(), w.qualification(), w.serviceYears());
      Band band = rules.band(w.post());
      execution.setVariable("computedGrade", g.grade());
      execution.setVariable("gradeExplanation", g.explanationText());
      execution.setVariable("gradeRuleVersion", g.ruleVersion());
      execution.setVariable("bandText", band.describe());
      execution.setVariable("bandMin", band.minGrade());
      execution.setVariable("bandMax", band.maxGrade());
      log.record(execution, "INITIAL_GRADE_" + g.grade(), g.explanationText(), "system", g.ruleVersion());
    };
  }

  /** The street confirms, corrects (grade inside the post's band, with a reason) or returns for documents. */
  @Bean
  ExecutionListener onboardingStreetDecision() {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      FormInput in = FormInput.of(execution);
      StreetGradeDecision d = StreetGradeDecision.read(in, execution, "RETURN",
          (Integer) execution.getVariable("computedGrade"), "岗位等级区间");
      in.throwIfInvalid();
      String actor = CareerProcesses.actor(identity);
      execution.setVariable("finalGrade", d.grade());
      execution.setVariable("streetDecidedBy", actor);
      execution.setVariable("gradeReason", d.gradeReason(execution.getVariable("gradeExplanation")));
      log.record(execution, d.auditDecision(), d.reason() == null ? "确认初始等级 " + d.grade() + " 级" : d.reason(),
          actor, (String) execution.getVariable("gradeRuleVersion"));
    };
  }

  /** The community resubmits (the fields again, checked again) or withdraws with a reason. */
  @Bean
  ExecutionListener onboardingSupplement() {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      FormInput in = FormInput.of(execution);
      String action = in.choice("supplementAction", "处理方式", List.of("RESUBMIT", "WITHDRAW"), true);
      NewWorker w = "RESUBMIT".equals(action) ? NewWorker.read(execution, in, clock.today()) : null;
      String note = in.text("supplementNote", "说明", 500, "WITHDRAW".equals(action));
      in.throwIfInvalid();
      if (w != null) {
        describe(execution, w);
      }
      log.record(execution, action, note == null ? "已补充材料" : note, CareerProcesses.actor(identity), null);
    };
  }

  /** Civil affairs files the grading or sends it back to the street with a reason. */
  @Bean
  ExecutionListener onboardingFiling() {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      FormInput in = FormInput.of(execution);
      String decision = in.choice("fileDecision", "备案意见", List.of("FILE", "SEND_BACK"), true);
      String reason = in.text("fileReason", "理由", 500, "SEND_BACK".equals(decision));
      in.throwIfInvalid();
      String actor = CareerProcesses.actor(identity);
      execution.setVariable("filedBy", actor);
      log.record(execution, decision, reason == null ? "同意备案" : reason, actor,
          (String) execution.getVariable("gradeRuleVersion"));
    };
  }

  /** Enters the worker in the registry with the initial grade; a retried job finds the worker and stops. */
  @Bean
  JavaDelegate registerWorker(DeployedDecisionTables decisions, Notifier notifier) {
    return execution -> {
      String caseNo = execution.getProcessBusinessKey();
      if (workers.findByOrigin(caseNo).isPresent()) {
        return;
      }
      NewWorker w = stored(execution);
      int grade = (Integer) execution.getVariable("finalGrade");
      GradeRules rules = decisions.current();
      String id = WorkerRepository.workerId(workers.reserveIds(1));
      String community = (String) execution.getVariable("communityCode");
      var pay = rules.payCoefficient(grade);
      workers.insert(List.of(new Worker(id, w.name(), w.gender(), w.birthDate(), community, w.post(), w.duty(), grade,
          w.hireDate(), pay, w.education(), w.qualification(), w.serviceStart(), w.hireDate(), WorkerStatus.ACTIVE,
          w.hireDate(), caseNo, false, null, null)));
      String filedBy = (String) execution.getVariable("filedBy");
      workers.addHistory(List.of(new GradeChange(null, id, ChangeKind.INITIAL, null, w.post(), null, grade, pay,
          "入职定级：" + execution.getVariable("gradeReason") + "（街道 " + execution.getVariable("streetDecidedBy")
              + " 确认，市民政局 " + filedBy + " 备案）", filedBy, w.hireDate(), caseNo, execution.getProcessInstanceId(),
          execution.getVariable("gradeRuleVersion") + "; " + rules.payVersion(), null)));
      execution.setVariable("workerId", id);
      log.record(execution, "REGISTERED", id + " " + w.name() + " " + w.post().label() + " " + grade + " 级", "system",
          rules.payVersion());
      notifier.toGroup(Groups.community(community), "新聘社区工作者已入册：" + w.name(),
          w.name() + " 已登记入册，工号 " + id + "，" + w.post().label() + " " + grade + " 级，自 " + w.hireDate() + " 起。",
          caseNo, execution.getProcessInstanceId(), "onboarding-registered:" + caseNo);
    };
  }

  private void checkNotInRegistry(FormInput in, NewWorker w, String community) {
    workers.list(new cn.ronghe.career.registry.WorkerFilter(null, community, null, "ACTIVE"), 0, 1000).stream()
        .filter(x -> x.name().equals(w.name()) && x.birthDate().equals(w.birthDate())).findFirst()
        .ifPresent(x -> in.addProblem("workerName", "名册中已有同名同出生日期的在岗人员（" + x.workerId() + "）",
            "already in the registry as " + x.workerId()));
  }

  /** Keeps the normalised values and the case title in the process. */
  private static void describe(DelegateExecution execution, NewWorker w) {
    execution.setVariable(CaseVariables.CASE_TITLE, "新聘 " + w.name() + "（" + w.post().label() + "）入职定级");
    execution.setVariable("workerName", w.name());
    execution.setVariable("gender", w.gender().name());
    execution.setVariable("birthDate", w.birthDate().toString());
    execution.setVariable("post", w.post().name());
    execution.setVariable("duty", w.duty());
    execution.setVariable("education", w.education().name());
    execution.setVariable("qualification", w.qualification().name());
    execution.setVariable("serviceStart", w.serviceStart().toString());
    execution.setVariable("hireDate", w.hireDate().toString());
    execution.setVariable("workerSummary", w.describe());
  }

  private NewWorker stored(VariableScope scope) {
    FormInput in = FormInput.of(scope);
    NewWorker w = NewWorker.read(scope, in, LocalDate.parse((String) scope.getVariable("hireDate")));
    in.throwIfInvalid();
    return w;
  }
}
