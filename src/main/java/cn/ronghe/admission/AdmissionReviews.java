package cn.ronghe.admission;

import static cn.ronghe.admission.MatterAdmission.*;

import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.process.FormInput;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The people's decisions in {@code matter-admission} (and the same reviews in {@code catalogue-change}), run when
 * their task ends: validate what was submitted (HTTP 400 otherwise) and record who decided what and why.
 */
@Component
class AdmissionReviews {

  private final DecisionLog decisions;
  private final StreetOpinions streetOpinions;
  private final ApplicationRepository applications;
  private final AdmissionNames names;

  AdmissionReviews(DecisionLog decisions, StreetOpinions streetOpinions, ApplicationRepository applications,
      AdmissionNames names) {
    this.decisions = decisions;
    this.streetOpinions = streetOpinions;
    this.applications = applications;
    this.names = names;
  }

  /** Civil affairs: is the matter necessary, must communities do it? */
  public void necessity(DelegateExecution execution) {
    decide(execution, NECESSITY_DECISION, NECESSITY_OPINION, "必要性审查");
  }

  /** Organisation department: what does it add to communities' burden? */
  public void burden(DelegateExecution execution) {
    decide(execution, BURDEN_DECISION, BURDEN_OPINION, "社区负担审查");
  }

  /** Justice bureau: is it lawful to ask communities to do it? */
  public void legality(DelegateExecution execution) {
    decide(execution, LEGALITY_DECISION, LEGALITY_OPINION, "合法性审查");
  }

  /** Joint meeting organised by civil affairs. */
  public void meeting(DelegateExecution execution) {
    FormInput in = FormInput.of(execution);
    String decision = in.choice(MEETING_DECISION, "联席会议结论", DECISIONS, true);
    String minutes = in.text(MEETING_MINUTES, "会议纪要（决定理由）", 2000, true);
    in.date(MEETING_DATE, "会议日期", true);
    in.throwIfInvalid();
    decisions.record(execution, decision, minutes, Actors.current(execution), Actors.processVersion(execution));
    if (APPROVE.equals(decision) && applications.find(execution.getProcessBusinessKey()).isPresent()) {
      applications.status(execution.getProcessBusinessKey(), ApplicationRepository.Status.CITY_APPROVAL, null);
    }
  }

  /** Final approval by the municipal party committee (市委). */
  public void city(DelegateExecution execution) {
    FormInput in = FormInput.of(execution);
    String decision = in.choice(CITY_DECISION, "市委审批结论", DECISIONS, true);
    String reason = in.text(CITY_REASON, "审批意见", 1000, true);
    in.throwIfInvalid();
    String actor = Actors.current(execution);
    execution.setVariable(CITY_APPROVER, actor);
    decisions.record(execution, decision, reason, actor, Actors.processVersion(execution));
  }

  /** Create listener of a street's opinion task: the street's name for the form. */
  public void streetTaskCreated(DelegateTask task) {
    task.setVariableLocal("streetName", names.street((String) task.getVariable(STREET_CODE)));
  }

  /** One street committee's opinion; it informs the joint meeting, it is not a veto. */
  public void streetOpinion(DelegateExecution execution) {
    FormInput in = FormInput.of(execution);
    String opinion = in.choice(STREET_OPINION, "街道意见", STREET_OPINIONS, true);
    String comment = in.text(STREET_COMMENT, "意见说明", 1000, !"AGREE".equals(opinion));
    in.throwIfInvalid();
    String street = (String) execution.getVariable(STREET_CODE);
    String actor = Actors.current(execution);
    streetOpinions.record(execution.getProcessBusinessKey(), street, opinion, comment, actor);
    decisions.record(execution, opinion, names.street(street) + (comment == null ? "" : "：" + comment), actor,
        Actors.processVersion(execution));
  }

  /** Create listener of the joint meeting and the final approval: every opinion so far, in one text. */
  public void summarise(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    StringBuilder s = new StringBuilder();
    Map<String, String[]> reviews = new LinkedHashMap<>();
    reviews.put("市民政局（必要性）", new String[] {NECESSITY_DECISION, NECESSITY_OPINION});
    reviews.put("市委组织部（社区负担）", new String[] {BURDEN_DECISION, BURDEN_OPINION});
    reviews.put("市司法局（合法性）", new String[] {LEGALITY_DECISION, LEGALITY_OPINION});
    reviews.forEach((who, keys) -> {
      Object decision = execution.getVariable(keys[0]);
      if (decision != null) {
        s.append(who).append("：").append(label(decision)).append(" — ").append(execution.getVariable(keys[1]))
            .append('\n');
      }
    });
    var opinions = streetOpinions.forCase(execution.getProcessBusinessKey());
    if (!opinions.isEmpty()) {
      s.append("镇区（街道）大工委意见：\n");
      opinions.forEach(o -> s.append("  ").append(names.street(o.streetCode())).append("：").append(o.label())
          .append(o.text() == null ? "" : " — " + o.text()).append('\n'));
    }
    Object meeting = execution.getVariable(MEETING_DECISION);
    if (meeting != null) {
      s.append("准入联席会议（").append(execution.getVariable(MEETING_DATE)).append("）：").append(label(meeting))
          .append(" — ").append(execution.getVariable(MEETING_MINUTES)).append('\n');
    }
    execution.setVariable(REVIEW_SUMMARY, s.toString().strip());
  }

  private void decide(DelegateExecution execution, String decisionKey, String opinionKey, String what) {
    FormInput in = FormInput.of(execution);
    String decision = in.choice(decisionKey, what + "结论", DECISIONS, true);
    String opinion = in.text(opinionKey, what + "意见", 1000, true);
    in.throwIfInvalid();
    decisions.record(execution, decision, opinion, Actors.current(execution), Actors.processVersion(execution));
  }

  static String label(Object decision) {
    return APPROVE.equals(decision) ? "同意" : REJECT.equals(decision) ? "不同意" : String.valueOf(decision);
  }
}
