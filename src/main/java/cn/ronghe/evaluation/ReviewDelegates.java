package cn.ronghe.evaluation;

import static cn.ronghe.evaluation.EvaluationProcesses.*;
import static cn.ronghe.evaluation.RatingDelegates.str;

import cn.ronghe.cobuilding.ActingParty;
import cn.ronghe.cobuilding.OnCompletion;
import cn.ronghe.identity.Groups;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.organisation.Street;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.notification.Notifier;
import cn.ronghe.platform.policy.PolicyParameters;
import cn.ronghe.platform.process.CaseVariables;
import cn.ronghe.platform.process.FormInput;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The street committees' review, the organisation department's publication, and telling every pairing. */
@Configuration
class ReviewDelegates {

  private final EvaluationRepository repository;
  private final RegistryRepository registry;
  private final PolicyParameters policy;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final Notifier notifier;
  private final DecisionLog decisions;

  ReviewDelegates(EvaluationRepository repository, RegistryRepository registry, PolicyParameters policy,
      RuntimeService runtime, IdentityService identity, Notifier notifier, DecisionLog decisions) {
    this.repository = repository;
    this.registry = registry;
    this.policy = policy;
    this.runtime = runtime;
    this.identity = identity;
    this.notifier = notifier;
    this.decisions = decisions;
  }

  /** Every pairing is rated: each street with rated pairings reviews them. */
  @Bean
  JavaDelegate prepareStreetReviews() {
    return execution -> {
      long cycleId = cycleId(execution);
      repository.status(cycleId, "REVIEW");
      List<String> streets = repository.cycleStreets(cycleId).stream()
          .filter(s -> !repository.results(cycleId, s).stream().filter(p -> "RATED".equals(p.state())).toList().isEmpty())
          .toList();
      execution.setVariable(REVIEW_STREETS, JsonVariables.collection(streets));
    };
  }

  /** Start of one street's review task: its results as a table, the pairings it may adjust, a summary. */
  @Bean
  ExecutionListener prepareStreetReview() {
    return execution -> {
      long cycleId = cycleId(execution);
      String street = str(execution, REVIEW_STREET);
      List<PairingResult> rows = rated(cycleId, street);
      Map<Long, List<String>> notes = repository.ratingNotes(cycleId, street);
      List<Map<String, Object>> table = new ArrayList<>();
      List<Map<String, String>> options = new ArrayList<>();
      for (PairingResult p : rows) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("community", p.communityName());
        row.put("unit", p.unitName());
        row.put("unitResult", p.unitScore() + " " + Grade.label(p.unitFinalGrade()));
        row.put("communityResult", p.communityScore() + " " + Grade.label(p.communityFinalGrade()));
        row.put("notes", String.join("；", notes.getOrDefault(p.id(), List.of())));
        table.add(row);
        options.add(Map.of("label", p.communityName() + " ↔ " + p.unitName() + "（单位 " + Grade.label(p.unitFinalGrade())
            + "，社区 " + Grade.label(p.communityFinalGrade()) + "）", "value", p.unitCode() + "|" + p.communityCode()));
      }
      execution.setVariableLocal(STREET_NAME, registry.street(street).map(Street::name).orElse(street));
      execution.setVariableLocal("reviewRows", JsonVariables.json(table));
      execution.setVariableLocal("pairingOptions", JsonVariables.json(options));
      execution.setVariableLocal("reviewSummary", summary(rows, notes));
      // Declared here, so each street's submission stays in its own review and parallel reviews never collide.
      // Tasklist submits a list with the type of the existing variable: it must be Json, not null.
      execution.setVariableLocal("adjustments", JsonVariables.json(List.of()));
      for (int i = 1; i <= Adjustments.SLOTS; i++) {
        for (String part : List.of("Pairing", "Side", "Grade", "Reason")) {
          execution.setVariableLocal("adjustment" + i + part, null);
        }
      }
      execution.setVariableLocal("reviewConfirmed", null);
      execution.setVariableLocal("reviewNote", null);
    };
  }

  /** End of a street's review: adjustments need a pairing of this street, a new grade and a written reason. */
  @Bean
  ExecutionListener applyStreetReview() {
    return OnCompletion.of(execution -> {
      long cycleId = cycleId(execution);
      String street = str(execution, REVIEW_STREET);
      FormInput in = FormInput.of(execution);
      Boolean confirmed = in.bool("reviewConfirmed", "确认审核结果", true);
      if (Boolean.FALSE.equals(confirmed)) {
        in.addProblem("reviewConfirmed", "须确认审核结果后提交", "confirm the review before submitting it");
      }
      String note = in.text("reviewNote", "审核意见", 1000, false);
      List<Adjustments.Adjustment> adjustments = Adjustments.read(Adjustments.slots(execution),
          execution.getVariable("adjustments"), in,
          key -> rated(cycleId, street).stream().filter(p -> (p.unitCode() + "|" + p.communityCode()).equals(key))
              .findFirst());
      in.throwIfInvalid();
      String actor = ActingParty.actor(identity.getCurrentAuthentication());
      for (Adjustments.Adjustment a : adjustments) {
        String old = a.pairing().finalGrade(a.side());
        repository.adjust(a.pairing().id(), a.side(), old, a.grade().name(), a.reason(), actor);
        decisions.record(a.pairing().businessKey(), PAIRING, a.pairing().processInstanceId(), execution.getCurrentActivityId(),
            "ADJUSTED", a.side().label() + "等级由" + Grade.label(old) + "调整为" + a.grade().label() + "：" + a.reason(), actor,
            "street review " + street);
      }
      repository.streetReviewed(cycleId, street, actor, note);
      decisions.record(execution, "REVIEWED", registry.street(street).map(Street::name).orElse(street) + "审核确认，调整 "
          + adjustments.size() + " 项" + (note == null ? "" : "：" + note), actor, null);
    });
  }

  /** What the organisation department sees before publishing: each street's grade counts. */
  @Bean
  ExecutionListener preparePublication() {
    return execution -> {
      long cycleId = cycleId(execution);
      List<Map<String, Object>> table = new ArrayList<>();
      int adjusted = 0;
      for (String street : repository.cycleStreets(cycleId)) {
        List<PairingResult> rows = repository.results(cycleId, street);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("street", registry.street(street).map(Street::name).orElse(street));
        row.put("pairings", rows.stream().filter(p -> "RATED".equals(p.state())).count());
        row.put("units", counts(rows, RatingDirection.RatedSide.UNIT));
        row.put("communities", counts(rows, RatingDirection.RatedSide.COMMUNITY));
        long changed = rows.stream().filter(p -> !repository.adjustments(p.id()).isEmpty()).count();
        adjusted += (int) changed;
        row.put("adjusted", changed);
        table.add(row);
      }
      execution.setVariable("gradeRows", JsonVariables.json(table));
      execution.setVariable("publishSummary", "各镇街大工委均已审核确认，共有 " + adjusted + " 个结对的等级经街道调整。发布后结果通知各方，"
          + "获评较差的一方须整改。");
    };
  }

  @Bean
  ExecutionListener validatePublication() {
    return OnCompletion.of(execution -> {
      FormInput in = FormInput.of(execution);
      Boolean confirmed = in.bool("publishConfirmed", "确认发布", true);
      if (Boolean.FALSE.equals(confirmed)) {
        in.addProblem("publishConfirmed", "须确认后发布", "confirm before publishing");
      }
      in.text("publishNote", "发布说明", 1000, false);
      in.throwIfInvalid();
      execution.setVariable("publishedBy", ActingParty.actor(identity.getCurrentAuthentication()));
    });
  }

  @Bean
  JavaDelegate recordPublication() {
    return execution -> {
      long cycleId = cycleId(execution);
      String actor = str(execution, "publishedBy");
      repository.published(cycleId, actor, str(execution, "publishNote"));
      Cycle cycle = repository.cycle(cycleId).orElseThrow();
      decisions.record(execution, "PUBLISHED", cycle.evalYear() + " 年度双向考评结果发布（" + cycle.scopeLabel() + "）", actor, null);
      for (String street : repository.cycleStreets(cycleId)) {
        notifier.toGroup(Groups.street(street), "双向考评结果已发布：" + cycle.cycleNo(), cycle.evalYear()
            + " 年度双向考评结果已发布，获评较差的结对将开启整改，请跟踪复核。", cycle.cycleNo(), execution.getProcessInstanceId(),
            "cycle-published:" + cycle.cycleNo() + ":" + street);
      }
    };
  }

  /** One job tells the next batch of pairings that the results are published (each continues in its own job). */
  @Bean
  JavaDelegate notifyPairingBatch() {
    return execution -> {
      long cycleId = cycleId(execution);
      List<PairingResult> batch = repository.pairingsInState(cycleId, "RATED", policy.intValue("evaluation.batch-size"));
      for (PairingResult p : batch) {
        repository.moveState(p.id(), "RATED", "PUBLISHED");
        runtime.createMessageCorrelation(MSG_PUBLISHED).processInstanceId(p.processInstanceId()).correlateAllWithResult();
      }
      repository.addNotified(cycleId, batch.size());
      execution.setVariable(MORE_TO_NOTIFY, repository.countInState(cycleId, "RATED") > 0);
    };
  }

  private List<PairingResult> rated(long cycleId, String street) {
    return repository.results(cycleId, street).stream().filter(p -> "RATED".equals(p.state())).toList();
  }

  private static String counts(List<PairingResult> rows, RatingDirection.RatedSide side) {
    Map<Grade, Integer> n = new EnumMap<>(Grade.class);
    rows.stream().filter(p -> "RATED".equals(p.state())).forEach(p -> n.merge(Grade.valueOf(p.finalGrade(side)), 1, Integer::sum));
    StringBuilder s = new StringBuilder();
    for (Grade g : Grade.values()) {
      s.append(s.isEmpty() ? "" : " ").append(g.label()).append(' ').append(n.getOrDefault(g, 0));
    }
    return s.toString();
  }

  private static String summary(List<PairingResult> rows, Map<Long, List<String>> notes) {
    long missing = notes.values().stream().flatMap(List::stream).filter(n -> n.endsWith("缺评")).count();
    long capped = notes.values().stream().flatMap(List::stream).filter(n -> n.startsWith("单位未到社区报到")).count();
    return "本街道共 " + rows.size() + " 个结对。共建单位获评：" + counts(rows, RatingDirection.RatedSide.UNIT)
        + "；社区获评：" + counts(rows, RatingDirection.RatedSide.COMMUNITY) + "。缺评 " + missing + " 项，" + capped
        + " 家单位因未到社区报到最高评为一般。如需调整等级，请在下方逐项填写并写明理由。";
  }

  static long cycleId(DelegateExecution execution) {
    return ((Number) execution.getVariable(CYCLE_ID)).longValue();
  }
}
