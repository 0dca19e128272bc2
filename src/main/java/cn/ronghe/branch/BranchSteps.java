package cn.ronghe.branch;

import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.platform.DatabaseLock;
import cn.ronghe.platform.calendar.Deadlines;
import cn.ronghe.platform.cases.CaseNumbers;
import cn.ronghe.platform.error.RongheException;
import cn.ronghe.platform.policy.PolicyParameters;
import cn.ronghe.platform.process.CaseVariables;
import cn.ronghe.platform.process.FormInput;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of process {@code branch-star-rating}: thin adapters between the engine and {@link BranchRatings}. */
@Configuration
class BranchSteps {

  static final List<String> SCOPES = List.of("CITY", "STREET", "COMMUNITY", "BRANCHES");
  private static final List<String> FORM_KEYS = List.of("scoreLines", "adjustLines", "sendBackLines", "confirmAll",
      "comment", "orgDecision", "returnStreets", "returnReason", "rerateLines");

  private final BranchRatings ratings;
  private final BranchRepository repository;
  private final IdentityService identity;
  private final RegistryRepository registry;
  private final ObjectMapper json = new ObjectMapper();

  BranchSteps(BranchRatings ratings, BranchRepository repository, IdentityService identity,
      RegistryRepository registry) {
    this.ratings = ratings;
    this.repository = repository;
    this.identity = identity;
    this.registry = registry;
  }

  /** Start listener of the manual start: year and scope must make sense, no branch may be rated twice a year. */
  @Bean
  ExecutionListener ratingStartCheck(Deadlines clock) {
    return execution -> {
      FormInput in = FormInput.of(execution);
      Integer year = in.integer(BranchProcesses.RATING_YEAR, "评定年度", 2000, clock.today().getYear(), true);
      String kind = in.choice("scopeKind", "评定范围", SCOPES, true);
      String code = in.text("scopeCode", "街道或社区代码", 32, false);
      String codes = in.text("branchCodes", "支部编号", 20_000, false);
      if ("STREET".equals(kind) && (code == null || registry.street(code).isEmpty())) {
        in.addProblem("scopeCode", "请填写有效的街道（镇）代码，如 loudong", "name a street code such as loudong");
      }
      if ("COMMUNITY".equals(kind) && (code == null || registry.community(code).isEmpty())) {
        in.addProblem("scopeCode", "请填写有效的社区代码，如 dongcang", "name a community code such as dongcang");
      }
      List<String> list = codes == null ? List.of() : Arrays.stream(codes.split("[\\s,，、;；]+"))
          .filter(s -> !s.isBlank()).distinct().toList();
      if ("BRANCHES".equals(kind) && list.isEmpty()) {
        in.addProblem("branchCodes", "请填写要评定的支部编号", "list the branches to rate");
      }
      if (in.valid()) {
        ratings.scope(kind, code, list, year, in);
      }
      in.throwIfInvalid();
      execution.setVariable("branchCodeList", list);
    };
  }

  /**
   * The yearly timer (Q1): starts last year's city-wide rating, unless switched off or some branch is already rated
   * for that year (then a rating was started by hand; nothing to do).
   */
  @Bean
  JavaDelegate startYearlyRating(Deadlines clock, PolicyParameters policy, org.camunda.bpm.engine.RuntimeService runtime) {
    return execution -> {
      int year = clock.today().getYear() - 1;
      FormInput in = FormInput.of(execution);
      ratings.scope("CITY", null, List.of(), year, in);
      boolean start = policy.intValue("branch.rating.auto-start-enabled") == 1 && in.valid();
      execution.setVariable("started", start);
      if (start) {
        runtime.startProcessInstanceByKey(BranchProcesses.RATING, Map.of(BranchProcesses.RATING_YEAR, year,
            "scopeKind", "CITY"));
      }
    };
  }

  @Bean
  JavaDelegate openRatingCycle(CaseNumbers numbers, DatabaseLock lock) {
    return execution -> {
      lock.acquire("branch-cycle");
      int year = (Integer) execution.getVariable(BranchProcesses.RATING_YEAR);
      String kind = (String) execution.getVariable("scopeKind");
      String code = (String) execution.getVariable("scopeCode");
      @SuppressWarnings("unchecked")
      List<String> codes = (List<String>) execution.getVariable("branchCodeList");
      FormInput in = FormInput.of(execution);
      List<PartyBranch> branches = ratings.scope(kind, code, codes, year, in);
      if (!in.valid()) {
        // another cycle took these branches between the check and now (timer and hand at once)
        throw new RongheException(org.springframework.http.HttpStatus.CONFLICT, "BRANCH_RATING_OVERLAP",
            in.problems().get(0).messageZh(), in.problems().get(0).messageEn());
      }
      String cycleNo = numbers.next(BranchProcesses.PREFIX);
      String scope = switch (kind) {
        case "CITY" -> "全市";
        case "STREET", "COMMUNITY" -> branches.get(0).streetName() + ("COMMUNITY".equals(kind)
            ? " " + branches.get(0).communityName() : "");
        default -> "指定支部 " + branches.size() + " 个";
      };
      execution.setProcessBusinessKey(cycleNo);
      execution.setVariable(CaseVariables.CASE_NO, cycleNo);
      execution.setVariable(CaseVariables.CASE_TITLE, year + " 年度党支部星级评定（" + scope + "，" + branches.size() + " 个支部）");
      execution.setVariable(CaseVariables.CASE_ORG, "市委组织部");
      execution.setVariable(BranchProcesses.CYCLE_NO, cycleNo);
      ratings.open(cycleNo, year, branches, scope, BranchProcesses.actor(identity), execution.getProcessInstanceId());
      execution.setVariable(BranchProcesses.STREETS_TO_RATE, new ArrayList<>(ratings.streets(cycleNo)));
      execution.removeVariables(List.of("branchCodeList", "branchCodes"));
    };
  }

  /** Create listener of every user task: the table it is about, a hint, a telling name. */
  @Bean
  TaskListener prepareBranchTask() {
    return task -> {
      String cycleNo = (String) task.getVariable(BranchProcesses.CYCLE_NO);
      String key = task.getTaskDefinitionKey();
      String community = (String) task.getVariable(BranchProcesses.COMMUNITY_CODE);
      String street = (String) task.getVariable(BranchProcesses.STREET_CODE);
      StarRules rules = ratings.rules();
      String title;
      String hint;
      List<Rating> rows;
      String org;
      switch (key) {
        case "Task_SelfAssessment" -> {
          rows = repository.ratings(cycleNo, null, community, List.of("SELF_DUE"));
          org = registry.community(community).map(c -> c.name()).orElse(community);
          title = "支部自评";
          hint = "请代各支部逐行录入动力指数自评得分：“支部编号 得分1 得分2 …”，每项 0–100 分，依次为 普通支部："
              + rules.describeIndex(PartyBranch.REGULAR) + "；行动支部：" + rules.describeIndex(PartyBranch.ACTION)
              + "。被社区退回的支部须重新录入（见“说明”列）。";
        }
        case "Task_CommunityReview" -> {
          rows = repository.ratings(cycleNo, null, community, List.of("SELF_DONE"));
          org = registry.community(community).map(c -> c.name()).orElse(community);
          title = "社区审核支部自评";
          hint = "核对各支部的自评得分。同意的不必逐条操作；需调整得分的写一行“支部编号 审核得分 理由”，需重新自评的写一行"
              + "“支部编号 退回理由”。审核得分按星级区间（90 分五星、80 分四星、70 分三星、60 分二星）折算星级建议。";
        }
        case "Task_StreetRating" -> {
          rows = repository.ratings(cycleNo, street, null, List.of("REVIEWED"));
          org = registry.street(street).map(s -> s.name()).orElse(street);
          title = "街道评定支部星级";
          hint = "各支部的星级建议按社区审核得分折算。同意的不必逐条操作；需改定的写一行“支部编号 星级 理由”。"
              + "评定后负面清单事项将自动降星，市委组织部按名额（五星 ≤ 10%、四星 ≤ 40%、三星 ≤ 30%）审定。";
        }
        case "Task_OrgDeptRating" -> {
          rows = repository.ratings(cycleNo, null, null, List.of("STREET_RATED"));
          org = "市委组织部";
          title = "市委组织部评定星级";
          hint = "确认前须符合名额；超额时逐个写一行“支部编号 星级 理由”调整，或选择“退回街道”并选定街道，由街道重新评定。";
          task.setVariableLocal("quotaSummary", ratings.quotaSummary(cycleNo));
          List<Map<String, String>> options = new ArrayList<>();
          for (String s : ratings.streets(cycleNo)) {
            options.add(Map.of("value", s, "label", registry.street(s).map(x -> x.name()).orElse(s)));
          }
          task.setVariableLocal("streetOptions", SpinValues.jsonValue(write(options)).create());
        }
        default -> {
          rows = repository.ratings(cycleNo, null, null, List.of("WITHDRAWN"));
          org = "市委组织部";
          title = "异议成立的支部重新评定";
          hint = "以下支部的评定结果因异议成立而撤销。请逐个写一行“支部编号 星级 理由”，重新评定后直接生效。";
        }
      }
      String summary = org + " · " + task.getVariable(BranchProcesses.RATING_YEAR) + " 年度 · " + rows.size() + " 个支部";
      task.setName(title + " · " + task.getVariable(CaseVariables.CASE_NO) + " · " + summary);
      task.setVariableLocal(CaseVariables.CASE_ORG, org);
      task.setVariableLocal("summary", summary);
      task.setVariableLocal("stageHint", hint);
      task.setVariableLocal("rows", SpinValues.jsonValue(write(table(rows))).create());
    };
  }

  @Bean
  ExecutionListener selfAssessmentDone() {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      FormInput in = FormInput.of(execution);
      String lines = in.text("scoreLines", "自评得分", 200_000, false);
      in.throwIfInvalid();
      ratings.selfAssessment(cycle(execution), (String) execution.getVariable(BranchProcesses.COMMUNITY_CODE), lines,
          BranchProcesses.actor(identity));
      execution.removeVariables(FORM_KEYS);
    };
  }

  @Bean
  ExecutionListener communityReviewDone() {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      Batch b = batch(execution);
      ratings.communityReview(cycle(execution), (String) execution.getVariable(BranchProcesses.COMMUNITY_CODE),
          b.adjust, b.sendBack, b.comment, BranchProcesses.actor(identity), execution.getProcessInstanceId());
      execution.removeVariables(FORM_KEYS);
    };
  }

  @Bean
  ExecutionListener streetRatingDone() {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      Batch b = batch(execution);
      if (b.sendBack != null) {
        throw FormInput.invalid(List.of(new cn.ronghe.platform.error.FieldProblem("sendBackLines",
            "街道评定不退回单个支部；请调整星级", "the street adjusts stars, it sends nothing back")));
      }
      ratings.streetRating(cycle(execution), (String) execution.getVariable(BranchProcesses.STREET_CODE), b.adjust,
          b.comment, BranchProcesses.actor(identity), execution.getProcessInstanceId());
      execution.removeVariables(FORM_KEYS);
    };
  }

  /** The department confirms (within the quotas) or returns whole streets with a reason. */
  @Bean
  ExecutionListener orgRatingDone() {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      FormInput in = FormInput.of(execution);
      String decision = in.choice("orgDecision", "评定意见", List.of("CONFIRM", "RETURN"), true);
      String adjust = in.text("adjustLines", "调整的星级", 200_000, false);
      List<String> streets = in.texts("returnStreets", "退回的街道", 20, 32, false);
      String reason = in.text("returnReason", "退回理由", 500, false);
      String comment = in.text("comment", "意见", 500, false);
      String cycleNo = cycle(execution);
      if ("RETURN".equals(decision)) {
        if (streets == null || streets.isEmpty()) {
          in.addProblem("returnStreets", "请选择退回的街道", "choose the streets to return");
        } else if (!ratings.streets(cycleNo).containsAll(streets)) {
          in.addProblem("returnStreets", "只能退回参评的街道", "only streets of this rating may be returned");
        }
        if (reason == null || reason.length() < 2) {
          in.addProblem("returnReason", "请写明退回理由", "give a reason");
        }
        if (adjust != null) {
          in.addProblem("adjustLines", "退回街道时不调整星级，请清空", "clear the adjustments when returning");
        }
      }
      in.throwIfInvalid();
      String actor = BranchProcesses.actor(identity);
      if ("RETURN".equals(decision)) {
        ratings.orgReturn(cycleNo, streets, reason, actor, execution.getProcessInstanceId());
        execution.setVariable(BranchProcesses.STREETS_TO_RATE, new ArrayList<>(streets));
      } else {
        ratings.orgConfirm(cycleNo, adjust, comment, actor, execution.getProcessInstanceId());
      }
      execution.removeVariables(FORM_KEYS);
      execution.setVariable("orgDecision", decision);
    };
  }

  @Bean
  ExecutionListener reRateDone() {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      FormInput in = FormInput.of(execution);
      String lines = in.text("rerateLines", "重新评定的星级", 200_000, true);
      in.throwIfInvalid();
      ratings.reRate(cycle(execution), lines, BranchProcesses.actor(identity), execution.getProcessInstanceId());
      execution.removeVariables(FORM_KEYS);
    };
  }

  @Bean
  JavaDelegate applyNegativeList() {
    return execution -> ratings.applyNegativeList(cycle(execution), execution.getProcessInstanceId());
  }

  @Bean
  JavaDelegate publishStarNotice() {
    return execution -> execution.setVariable("noticeNo", ratings.publish(cycle(execution),
        (Integer) execution.getVariable(BranchProcesses.RATING_YEAR), BranchProcesses.actor(identity)));
  }

  @Bean
  JavaDelegate applyStars() {
    return execution -> ratings.apply(cycle(execution), execution.getProcessInstanceId());
  }

  private record Batch(String adjust, String sendBack, String comment) {
  }

  private static Batch batch(DelegateExecution execution) {
    FormInput in = FormInput.of(execution);
    String adjust = in.text("adjustLines", "调整", 200_000, false);
    String sendBack = in.text("sendBackLines", "退回", 200_000, false);
    Boolean all = in.bool("confirmAll", "同意其余全部", true);
    String comment = in.text("comment", "意见", 500, false);
    if (Boolean.FALSE.equals(all)) {
      in.addProblem("confirmAll", "请勾选“同意其余全部”；不同意的请逐条调整或退回", "confirm the rest of the batch");
    }
    in.throwIfInvalid();
    return new Batch(adjust, sendBack, comment);
  }

  private List<Map<String, Object>> table(List<Rating> rows) {
    List<Map<String, Object>> table = new ArrayList<>();
    for (Rating r : rows) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("code", r.branchCode());
      row.put("name", r.branchName());
      row.put("community", r.communityName());
      row.put("kind", PartyBranch.ACTION.equals(r.kind()) ? "行动支部：" + r.centralTask() : "党支部");
      row.put("selfScore", r.selfScore() == null ? "" : r.selfScore().toPlainString());
      row.put("reviewScore", r.reviewScore() == null ? "" : r.reviewScore().toPlainString());
      row.put("stars", r.currentProposal() == null ? "" : BranchRatings.stars(r.currentProposal()));
      row.put("previous", r.previousStars() == null ? "" : r.previousStars() + " 星");
      row.put("note", (r.negativeNote() == null ? "" : "负面清单：" + r.negativeNote() + " ")
          + (r.stageNote() == null ? "" : r.stageNote()));
      table.add(row);
    }
    return table;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String cycle(DelegateExecution execution) {
    return (String) execution.getVariable(BranchProcesses.CYCLE_NO);
  }
}
