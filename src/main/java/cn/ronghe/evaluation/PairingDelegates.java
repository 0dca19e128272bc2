package cn.ronghe.evaluation;

import static cn.ronghe.evaluation.EvaluationProcesses.*;
import static cn.ronghe.evaluation.RatingDelegates.pairingId;
import static cn.ronghe.evaluation.RatingDelegates.str;

import cn.ronghe.cobuilding.ActingParty;
import cn.ronghe.cobuilding.ContactRepository;
import cn.ronghe.cobuilding.OnCompletion;
import cn.ronghe.cobuilding.Times;
import cn.ronghe.identity.Groups;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.calendar.Deadlines;
import cn.ronghe.platform.notification.Notifier;
import cn.ronghe.platform.process.CaseVariables;
import cn.ronghe.platform.process.FormInput;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One pairing ({@code pairing-evaluation}): both results, completion tracking, publication, rectification. */
@Configuration
class PairingDelegates {

  private final EvaluationRepository repository;
  private final RectificationRepository rectifications;
  private final RegistryRepository registry;
  private final ContactRepository contacts;
  private final Deadlines deadlines;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final Notifier notifier;
  private final DecisionLog decisions;

  PairingDelegates(EvaluationRepository repository, RectificationRepository rectifications,
      RegistryRepository registry, ContactRepository contacts, Deadlines deadlines, RuntimeService runtime, IdentityService identity,
      Notifier notifier, DecisionLog decisions) {
    this.repository = repository;
    this.rectifications = rectifications;
    this.registry = registry;
    this.contacts = contacts;
    this.deadlines = deadlines;
    this.runtime = runtime;
    this.identity = identity;
    this.notifier = notifier;
    this.decisions = decisions;
  }

  /**
   * Both evaluations are in. The pairing takes their grades and counts itself done in the cycle's table; the
   * pairing that completes the count tells the cycle (message) that every pairing is rated.
   */
  @Bean
  JavaDelegate recordPairingRated() {
    return execution -> {
      long id = pairingId(execution);
      RatingRecord ofUnit = repository.rating(id, RatingDirection.C2U).orElseThrow();
      RatingRecord ofCommunity = repository.rating(id, RatingDirection.U2C).orElseThrow();
      boolean dissolved = "DISSOLVED".equals(ofUnit.status()) || "DISSOLVED".equals(ofCommunity.status())
          || !registry.isPaired(str(execution, UNIT_CODE), str(execution, COMMUNITY_CODE));
      execution.setVariable(PAIRING_DISSOLVED, dissolved);
      PairingResult before = repository.pairing(id).orElseThrow();
      if (!"OPEN".equals(before.state())) {
        return;
      }
      if (dissolved) {
        repository.moveState(id, "OPEN", "DISSOLVED");
        decisions.record(execution, "DISSOLVED", "结对关系已解除，本结对不计入考评结果", "system", null);
      } else {
        boolean reported = contacts.reported(str(execution, UNIT_CODE), str(execution, COMMUNITY_CODE),
            LocalDate.parse(str(execution, PERIOD_FROM)), LocalDate.parse(str(execution, PERIOD_TO)));
        repository.rated(id, reported, ofUnit, ofCommunity);
        decisions.record(execution, "RATED", "共建单位 " + ofUnit.totalScore() + " 分 " + Grade.label(ofUnit.grade())
            + "；社区 " + ofCommunity.totalScore() + " 分 " + Grade.label(ofCommunity.grade()), "system", null);
      }
      long cycleId = ((Number) execution.getVariable(CYCLE_ID)).longValue();
      if (repository.countRated(cycleId)) {
        String cyclePid = repository.cycle(cycleId).orElseThrow().processInstanceId();
        runtime.createMessageCorrelation(MSG_ALL_RATED).processInstanceId(cyclePid).correlateAllWithResult();
      }
    };
  }

  /** The cycle was published: each side learns its final grade; a side rated 较差 must rectify. */
  @Bean
  JavaDelegate applyFinalGrades() {
    return execution -> {
      PairingResult p = repository.pairing(pairingId(execution)).orElseThrow();
      List<String> sides = new ArrayList<>();
      for (RatingDirection.RatedSide side : RatingDirection.RatedSide.values()) {
        String grade = p.finalGrade(side);
        if (Grade.POOR.name().equals(grade)) {
          sides.add(side.name());
        }
        String group = side == RatingDirection.RatedSide.UNIT ? Groups.unit(p.unitCode()) : Groups.community(p.communityCode());
        notifier.toGroup(group, p.evalYear() + " 年度双向考评结果已发布", (side == RatingDirection.RatedSide.UNIT
            ? p.unitName() : p.communityName()) + "在与" + (side == RatingDirection.RatedSide.UNIT ? p.communityName()
            : p.unitName()) + "的互评中获评“" + Grade.label(grade) + "”" + (Grade.POOR.name().equals(grade)
            ? "，请按要求整改。" : "。"), p.businessKey(), execution.getProcessInstanceId(),
            "result-published:" + p.businessKey() + ":" + side);
      }
      execution.setVariable(RECTIFICATION_SIDES, JsonVariables.collection(sides));
    };
  }

  /** Per rectification (one per side rated 较差): who rectifies, by when; local variables keep sides apart. */
  @Bean
  ExecutionListener prepareRectification() {
    return execution -> {
      RatingDirection.RatedSide side = RatingDirection.RatedSide.valueOf(str(execution, RATED_SIDE));
      boolean unit = side == RatingDirection.RatedSide.UNIT;
      execution.setVariableLocal("rectifierGroup", unit ? Groups.unit(str(execution, UNIT_CODE))
          : Groups.community(str(execution, COMMUNITY_CODE)));
      execution.setVariableLocal("rectifierName", unit ? str(execution, UNIT_NAME) : str(execution, COMMUNITY_NAME));
      execution.setVariableLocal(RECTIFICATION_DUE, deadlines.due("evaluation.rectification-days"));
      execution.setVariableLocal("rectificationMeasures", null);
      execution.setVariableLocal(CHECK_DECISION, null);
      execution.setVariableLocal("checkOpinion", null);
      rectifications.open(pairingId(execution), side, Times.toLocal(deadlines.due("evaluation.rectification-days")));
    };
  }

  @Bean
  ExecutionListener validateRectification() {
    return OnCompletion.of(execution -> {
      FormInput in = FormInput.of(execution);
      String measures = in.text("rectificationMeasures", "整改措施和成效", 2000, true);
      if (measures != null && measures.length() < 10) {
        in.addProblem("rectificationMeasures", "整改措施和成效至少 10 字", "describe the measures in at least 10 characters");
      }
      in.throwIfInvalid();
      rectifications.submitted(pairingId(execution), side(execution), measures,
          ActingParty.actor(identity.getCurrentAuthentication()));
      // The street decides afresh on each round; its last opinion stays visible to the rectifier.
      execution.setVariable(CHECK_DECISION, null);
    });
  }

  @Bean
  ExecutionListener validateRectificationCheck() {
    return OnCompletion.of(execution -> {
      FormInput in = FormInput.of(execution);
      String decision = in.choice(CHECK_DECISION, "复核结论", List.of("ACCEPT", "REDO"), true);
      String opinion = in.text("checkOpinion", "复核意见", 1000, true);
      if (opinion != null && opinion.length() < 5) {
        in.addProblem("checkOpinion", "复核意见至少 5 字", "the opinion needs at least 5 characters");
      }
      in.throwIfInvalid();
      String actor = ActingParty.actor(identity.getCurrentAuthentication());
      rectifications.checked(pairingId(execution), side(execution), "ACCEPT".equals(decision), opinion, actor);
      decisions.record(str(execution, CaseVariables.CASE_NO), PAIRING, execution.getProcessInstanceId(),
          execution.getCurrentActivityId(), "ACCEPT".equals(decision) ? "RECTIFIED" : "REDO",
          side(execution).label() + "整改复核：" + opinion, actor, null);
    });
  }

  @Bean
  JavaDelegate escalateRectification() {
    return execution -> notifier.toGroup(Groups.street(str(execution, STREET_CODE)),
        "整改逾期：" + str(execution, CaseVariables.CASE_NO), str(execution, "rectifierName") + "的整改已超过期限，请督促。",
        str(execution, CaseVariables.CASE_NO), execution.getProcessInstanceId(),
        "rectification-overdue:" + execution.getProcessBusinessKey() + ":" + str(execution, RATED_SIDE));
  }

  private static RatingDirection.RatedSide side(DelegateExecution execution) {
    return RatingDirection.RatedSide.valueOf(str(execution, RATED_SIDE));
  }
}
