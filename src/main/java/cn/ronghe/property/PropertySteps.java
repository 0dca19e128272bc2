package cn.ronghe.property;

import cn.ronghe.identity.Groups;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.platform.DatabaseLock;
import cn.ronghe.platform.calendar.Deadlines;
import cn.ronghe.platform.cases.CaseNumbers;
import cn.ronghe.platform.notification.Notifier;
import cn.ronghe.platform.policy.PolicyParameters;
import cn.ronghe.platform.process.CaseVariables;
import cn.ronghe.platform.process.FormInput;
import cn.ronghe.property.PropertyRecords.Compound;
import cn.ronghe.property.PropertyRecords.CreditEntry;
import cn.ronghe.property.PropertyRecords.Rating;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of processes {@code property-credit-entry}, {@code property-credit-rating} and its timer. */
@Configuration
class PropertySteps {

  private final PropertyCredit credit;
  private final PropertyRepository repository;
  private final IdentityService identity;
  private final Deadlines clock;
  private final ObjectMapper json = new ObjectMapper();

  PropertySteps(PropertyCredit credit, PropertyRepository repository, IdentityService identity, Deadlines clock) {
    this.credit = credit;
    this.repository = repository;
    this.identity = identity;
    this.clock = clock;
  }

  // ---- property-credit-entry ----

  /** Start listener: the compound must lie in the recorder's community or street; the category must exist. */
  @Bean
  ExecutionListener entryStartCheck(CaseNumbers numbers, RegistryRepository registry, PolicyParameters policy) {
    return execution -> {
      FormInput in = FormInput.of(execution);
      String compoundCode = in.text("compoundCode", "小区编号", 16, true);
      String category = in.text("category", "记录类别", 32, true);
      LocalDate occurred = in.date("occurredOn", "发生日期", true);
      String evidence = in.text("evidence", "事实和证据", 2000, true);
      Compound compound = compoundCode == null ? null : repository.compound(compoundCode.toUpperCase()).orElse(null);
      if (compoundCode != null && (compound == null || compound.companyCode() == null)) {
        in.addProblem("compoundCode", "小区编号 " + compoundCode + " 不存在或没有物业服务企业", "unknown compound or no company");
      }
      CreditRules.Category c = category == null ? null : credit.rules().category(category);
      if (category != null && c == null) {
        in.addProblem("category", "记录类别无效", "unknown category");
      }
      int months = policy.intValue("property.credit.entry-valid-months");
      if (occurred != null && (occurred.isAfter(clock.today()) || occurred.isBefore(clock.today().minusMonths(months)))) {
        in.addProblem("occurredOn", "发生日期须在最近 " + months + " 个月内且不晚于今天", "must lie within the last "
            + months + " months and not after today");
      }
      if (evidence != null && evidence.length() < 10) {
        in.addProblem("evidence", "请写明事实和证据（至少 10 字）", "state facts and evidence (10+ characters)");
      }
      Authentication a = identity.getCurrentAuthentication();
      Set<String> groups = a == null || a.getGroupIds() == null ? Set.of() : Set.copyOf(a.getGroupIds());
      String kind = null;
      if (compound != null) {
        if (groups.contains(Groups.community(compound.communityCode()))) {
          kind = "COMMUNITY";
        } else if (groups.contains(Groups.street(compound.streetCode())) || groups.contains(Groups.ADMIN)) {
          kind = "STREET";
        } else {
          in.addProblem("compoundCode", "该小区不在您所在的社区或街道", "the compound is not in your community or street");
        }
      }
      in.throwIfInvalid();
      String caseNo = numbers.next(PropertyProcesses.ENTRY_PREFIX);
      String org = "COMMUNITY".equals(kind) ? compound.communityName()
          : registry.street(compound.streetCode()).map(s -> s.name()).orElse(compound.streetCode());
      execution.setProcessBusinessKey(caseNo);
      execution.setVariable(CaseVariables.CASE_NO, caseNo);
      execution.setVariable(CaseVariables.CASE_TITLE, compound.companyName() + "（" + compound.name() + "）"
          + c.label() + ("POSITIVE".equals(c.kind()) ? " +" : " −") + c.points().stripTrailingZeros().toPlainString());
      execution.setVariable(CaseVariables.CASE_ORG, org);
      execution.setVariable("compoundCode", compound.code());
      execution.setVariable("companyCode", compound.companyCode());
      execution.setVariable("communityCode", compound.communityCode());
      execution.setVariable("streetCode", compound.streetCode());
      execution.setVariable("recorderKind", kind);
      execution.setVariable("recorderOrg", org);
      execution.setVariable("occurredOn", occurred.toString());
      execution.setVariable("evidence", evidence);
      credit.submitEntry(caseNo, compound, c, occurred, evidence, org, PropertyProcesses.actor(identity),
          credit.rules().categoryVersion());
    };
  }

  @Bean
  ExecutionListener entryVerification() {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      FormInput in = FormInput.of(execution);
      String decision = in.choice("verifyDecision", "核实意见", List.of("CONFIRM", "REJECT"), true);
      String reason = in.text("verifyReason", "核实情况", 500, "REJECT".equals(decision));
      in.throwIfInvalid();
      execution.setVariable("verified", "CONFIRM".equals(decision));
      execution.setVariable("verifiedBy", PropertyProcesses.actor(identity));
      if (reason != null) {
        execution.setVariable("verifyReason", reason);
      }
    };
  }

  @Bean
  JavaDelegate recordCreditEntry() {
    return execution -> credit.verifyEntry((String) execution.getVariable(CaseVariables.CASE_NO),
        execution.hasVariable("verifiedBy") ? (String) execution.getVariable("verifiedBy")
            : PropertyProcesses.actor(identity), execution.getProcessInstanceId());
  }

  @Bean
  JavaDelegate notifyEntryRejected(Notifier notifier) {
    return execution -> {
      String caseNo = (String) execution.getVariable(CaseVariables.CASE_NO);
      String reason = (String) execution.getVariable("verifyReason");
      credit.rejectEntry(caseNo, reason, (String) execution.getVariable("verifiedBy"), execution.getProcessInstanceId());
      notifier.toGroup(Groups.community((String) execution.getVariable("communityCode")), "物业信用记录未通过街道核实",
          execution.getVariable(CaseVariables.CASE_TITLE) + "：" + reason, caseNo, execution.getProcessInstanceId(),
          "property-entry-rejected:" + caseNo);
    };
  }

  // ---- property-credit-rating ----

  @Bean
  ExecutionListener creditRatingStartCheck() {
    return execution -> {
      FormInput in = FormInput.of(execution);
      LocalDate to = in.date("periodTo", "评定截止日期", true);
      if (to != null && (to.isAfter(clock.today()) || to.isBefore(clock.today().minusYears(2)))) {
        in.addProblem("periodTo", "评定截止日期须在最近两年内且不晚于今天", "must lie within the last two years");
      }
      List<String> open = credit.openCycles();
      if (!open.isEmpty()) {
        in.addProblem("periodTo", "信用评定 " + open.get(0) + " 尚未发布，请待其完成后再发起", "rating " + open.get(0)
            + " is still open");
      }
      in.throwIfInvalid();
      execution.setVariable("periodTo", to.toString());
    };
  }

  @Bean
  JavaDelegate openPropertyRating(CaseNumbers numbers, DatabaseLock lock) {
    return execution -> {
      lock.acquire("property-cycle");
      String cycleNo = numbers.next(PropertyProcesses.RATING_PREFIX);
      LocalDate to = LocalDate.parse((String) execution.getVariable("periodTo"));
      execution.setProcessBusinessKey(cycleNo);
      execution.setVariable(CaseVariables.CASE_NO, cycleNo);
      execution.setVariable(CaseVariables.CASE_TITLE, "物业服务企业信用评定（截至 " + to + "）");
      execution.setVariable(CaseVariables.CASE_ORG, "市住建局");
      execution.setVariable(PropertyProcesses.CYCLE_NO, cycleNo);
      credit.open(cycleNo, to, PropertyProcesses.actor(identity), execution.getProcessInstanceId());
    };
  }

  @Bean
  JavaDelegate computeCredit() {
    return execution -> credit.compute(cycle(execution));
  }

  @Bean
  TaskListener prepareCreditReview() {
    return task -> {
      String cycleNo = (String) task.getVariable(PropertyProcesses.CYCLE_NO);
      Map<String, Object> cycle = repository.cycle(cycleNo).orElseThrow();
      List<Rating> ratings = repository.ratings(cycleNo, null);
      List<Map<String, Object>> rows = new ArrayList<>();
      List<Map<String, Object>> entries = new ArrayList<>();
      long red = ratings.stream().filter(r -> "RED".equals(r.listKind())).count();
      long black = ratings.stream().filter(r -> "BLACK".equals(r.listKind())).count();
      for (Rating r : ratings) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("company", r.companyCode() + " " + r.companyName());
        row.put("score", r.score().toPlainString());
        row.put("grade", r.grade());
        row.put("list", PropertyCredit.listLabel(r.listKind()));
        row.put("explanation", r.explanation());
        rows.add(row);
        for (CreditEntry e : repository.entries(r.companyCode(), (LocalDate) cycle.get("periodFrom"),
            (LocalDate) cycle.get("periodTo"), true)) {
          Map<String, Object> line = new LinkedHashMap<>();
          line.put("id", e.id());
          line.put("company", r.companyName());
          line.put("compound", e.compoundName() == null ? "" : e.compoundName());
          line.put("category", e.categoryLabel() + ("POSITIVE".equals(e.kind()) ? " +" : " −") + e.points());
          line.put("date", e.occurredOn().toString());
          line.put("evidence", e.recorderOrg() + "：" + e.evidence());
          entries.add(line);
        }
      }
      String summary = ratings.size() + " 家企业：红榜 " + red + " 家，黑榜 " + black + " 家（" + cycle.get("periodFrom")
          + " 至 " + cycle.get("periodTo") + " 的有效记录 " + entries.size() + " 条）";
      task.setName("审核物业信用评定 · " + cycleNo + " · " + summary);
      task.setVariableLocal("summary", summary);
      task.setVariableLocal("ratings", SpinValues.jsonValue(write(rows)).create());
      task.setVariableLocal("entries", SpinValues.jsonValue(write(entries)).create());
    };
  }

  @Bean
  ExecutionListener creditReviewDone() {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      FormInput in = FormInput.of(execution);
      String lines = in.text("revokeLines", "撤销的记录", 100_000, false);
      Boolean confirm = in.bool("confirmRating", "确认评定结果", true);
      if (lines == null && Boolean.FALSE.equals(confirm)) {
        in.addProblem("confirmRating", "请确认评定结果，或列出需撤销的记录", "confirm, or list the entries to revoke");
      }
      in.throwIfInvalid();
      int revoked = credit.review(cycle(execution), lines, PropertyProcesses.actor(identity),
          execution.getProcessInstanceId());
      execution.removeVariables(List.of("revokeLines", "confirmRating"));
      execution.setVariable("revoked", revoked);
    };
  }

  @Bean
  JavaDelegate publishCreditNotice() {
    return execution -> {
      String noticeNo = credit.publish(cycle(execution), PropertyProcesses.actor(identity),
          execution.getProcessInstanceId());
      execution.setVariable("noticeNo", noticeNo);
      execution.setVariable("inNotice", noticeNo != null);
    };
  }

  @Bean
  JavaDelegate publishCreditLists() {
    return execution -> {
      LocalDate expires = credit.publishLists(cycle(execution), execution.getProcessInstanceId());
      execution.setVariable("listExpiresAt", Date.from(expires.atStartOfDay(ZoneId.systemDefault()).toInstant()));
    };
  }

  @Bean
  JavaDelegate expireCreditLists() {
    return execution -> credit.expire(cycle(execution), execution.getProcessInstanceId());
  }

  /** Half-yearly timer: starts a rating up to yesterday unless switched off or one is still open. */
  @Bean
  JavaDelegate startHalfYearlyRating(PolicyParameters policy, RuntimeService runtime) {
    return execution -> {
      boolean start = policy.intValue("property.rating.auto-start-enabled") == 1 && credit.openCycles().isEmpty();
      execution.setVariable("started", start);
      if (start) {
        runtime.startProcessInstanceByKey(PropertyProcesses.RATING, Map.of("periodTo",
            clock.today().minusDays(1).toString()));
      }
    };
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String cycle(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
    return (String) execution.getVariable(PropertyProcesses.CYCLE_NO);
  }
}
