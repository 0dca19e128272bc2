package cn.ronghe.cobuilding;

import cn.ronghe.identity.Groups;
import cn.ronghe.organisation.Community;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.organisation.Street;
import cn.ronghe.organisation.Unit;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.cases.CaseNumbers;
import cn.ronghe.platform.notification.Notifier;
import cn.ronghe.platform.process.CaseVariables;
import cn.ronghe.platform.process.FormInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Claim and agreement of {@code co-building-project}: who claims what, the draft, the other side's answer. */
@Configuration
class ClaimDelegates {

  private final ListRepository lists;
  private final ProjectRepository projects;
  private final RegistryRepository registry;
  private final CaseNumbers caseNumbers;
  private final IdentityService identity;
  private final Notifier notifier;
  private final DecisionLog decisions;

  ClaimDelegates(ListRepository lists, ProjectRepository projects, RegistryRepository registry,
      CaseNumbers caseNumbers, IdentityService identity, Notifier notifier, DecisionLog decisions) {
    this.lists = lists;
    this.projects = projects;
    this.registry = registry;
    this.caseNumbers = caseNumbers;
    this.identity = identity;
    this.notifier = notifier;
    this.decisions = decisions;
  }

  /** Start listener: the claimed item exists, is open and may be claimed by the claimant; else HTTP 400. */
  @Bean
  ExecutionListener validateClaim() {
    return execution -> {
      FormInput in = FormInput.of(execution);
      String itemNo = in.text(ProjectProcess.ITEM_NO, "清单编号", 20, true);
      in.text(ProjectProcess.CLAIM_NOTE, "认领说明", 500, true);
      String requested = in.text(ProjectProcess.CLAIMANT_CODE, "代表的社区或单位", 32, false);
      in.throwIfInvalid();
      Authentication auth = identity.getCurrentAuthentication();
      if (itemNo.startsWith("XQ-")) {
        claimDemand(execution, in, itemNo, auth, requested);
      } else if (itemNo.startsWith("ZY-")) {
        claimResource(execution, in, itemNo, auth, requested);
      } else {
        in.addProblem(ProjectProcess.ITEM_NO, "清单编号应以 XQ-（需求）或 ZY-（资源）开头",
            "the item number must start with XQ- (demand) or ZY- (resource)");
      }
      in.throwIfInvalid();
    };
  }

  private void claimDemand(DelegateExecution execution, FormInput in, String itemNo, Authentication auth,
      String requested) {
    Optional<DemandItem> found = lists.demand(itemNo);
    if (found.isEmpty()) {
      in.addProblem(ProjectProcess.ITEM_NO, "需求 " + itemNo + " 不存在", "demand " + itemNo + " does not exist");
      return;
    }
    DemandItem d = found.get();
    if (d.status() != ItemStatus.Demand.OPEN) {
      in.addProblem(ProjectProcess.ITEM_NO, "需求 " + itemNo + " 当前为“" + d.status().label() + "”，不能认领",
          "demand " + itemNo + " is " + d.status() + " and cannot be claimed");
    }
    String unit = ActingParty.resolve(auth, Groups.UNIT_PREFIX, requested, in, ProjectProcess.CLAIMANT_CODE,
        "共建单位", "unit");
    Optional<Unit> u = unit == null ? Optional.empty() : registry.unit(unit).filter(Unit::active);
    if (unit != null && u.isEmpty()) {
      in.addProblem(ProjectProcess.CLAIMANT_CODE, "共建单位 " + unit + " 不存在", "unit " + unit + " does not exist");
    }
    if (!in.valid()) {
      return;
    }
    execution.setVariable(ProjectProcess.DIRECTION, ClaimDirection.UNIT_CLAIMS_DEMAND.name());
    execution.setVariable(ProjectProcess.DEMAND_ID, d.id());
    setParties(execution, registry.community(d.communityCode()).orElseThrow(), u.get(), d.category(), d.title());
    execution.setVariable(ProjectProcess.CLAIMANT_GROUP, Groups.unit(unit));
    execution.setVariable(ProjectProcess.OWNER_GROUP, Groups.community(d.communityCode()));
  }

  private void claimResource(DelegateExecution execution, FormInput in, String itemNo, Authentication auth,
      String requested) {
    Optional<ResourceItem> found = lists.resource(itemNo);
    if (found.isEmpty()) {
      in.addProblem(ProjectProcess.ITEM_NO, "资源 " + itemNo + " 不存在", "resource " + itemNo + " does not exist");
      return;
    }
    ResourceItem r = found.get();
    if (r.status() != ItemStatus.Resource.OPEN || r.availableTo().isBefore(Times.today())) {
      in.addProblem(ProjectProcess.ITEM_NO, "资源 " + itemNo + " 已撤回或已过服务期，不能认领",
          "resource " + itemNo + " is withdrawn or past its period");
    }
    String community = ActingParty.resolve(auth, Groups.COMMUNITY_PREFIX, requested, in,
        ProjectProcess.CLAIMANT_CODE, "社区", "community");
    Optional<Community> c = community == null ? Optional.empty() : registry.community(community).filter(Community::active);
    if (community != null && c.isEmpty()) {
      in.addProblem(ProjectProcess.CLAIMANT_CODE, "社区 " + community + " 不存在", "community " + community + " does not exist");
    }
    if (!in.valid()) {
      return;
    }
    if (!reaches(r, c.get())) {
      in.addProblem(ProjectProcess.ITEM_NO, "资源 " + itemNo + " 的服务范围为“" + r.serviceScope().label() + "”，不包括"
          + c.get().name(), "resource " + itemNo + " is not offered to " + community);
      return;
    }
    if (projects.hasOpenProject(r.id(), community)) {
      in.addProblem(ProjectProcess.ITEM_NO, c.get().name() + "已认领资源 " + itemNo + "，项目尚未结束",
          community + " already has an open project from resource " + itemNo);
      return;
    }
    execution.setVariable(ProjectProcess.DIRECTION, ClaimDirection.COMMUNITY_CLAIMS_RESOURCE.name());
    execution.setVariable(ProjectProcess.RESOURCE_ID, r.id());
    setParties(execution, c.get(), registry.unit(r.unitCode()).orElseThrow(), r.category(), r.title());
    execution.setVariable(ProjectProcess.CLAIMANT_GROUP, Groups.community(community));
    execution.setVariable(ProjectProcess.OWNER_GROUP, Groups.unit(r.unitCode()));
  }

  private boolean reaches(ResourceItem r, Community c) {
    List<String> paired = registry.pairings(null, r.unitCode()).stream().map(p -> p.communityCode()).toList();
    return switch (r.serviceScope()) {
      case CITY -> true;
      case PAIRED -> paired.contains(c.code());
      case STREET -> paired.stream().map(registry::community).flatMap(Optional::stream)
          .anyMatch(pc -> pc.streetCode().equals(c.streetCode()));
    };
  }

  private void setParties(DelegateExecution execution, Community c, Unit u, String category, String title) {
    Street s = registry.street(c.streetCode()).orElseThrow();
    execution.setVariable(ProjectProcess.COMMUNITY_CODE, c.code());
    execution.setVariable(ProjectProcess.COMMUNITY_NAME, c.name());
    execution.setVariable(ProjectProcess.UNIT_CODE, u.code());
    execution.setVariable(ProjectProcess.UNIT_NAME, u.name());
    execution.setVariable(ProjectProcess.STREET_CODE, s.code());
    execution.setVariable(ProjectProcess.STREET_NAME, s.name());
    execution.setVariable(ProjectProcess.CATEGORY, category);
    execution.setVariable(ProjectProcess.PROJECT_TITLE, title);
    execution.setVariable(CaseVariables.CASE_TITLE, title);
    execution.setVariable(CaseVariables.CASE_ORG, c.name() + " · " + u.name());
  }

  /** Numbers the project, records it in the project list and marks the demand as claimed. */
  @Bean
  JavaDelegate registerProject() {
    return execution -> {
      ClaimDirection direction = ClaimDirection.valueOf((String) execution.getVariable(ProjectProcess.DIRECTION));
      Long demandId = (Long) execution.getVariable(ProjectProcess.DEMAND_ID);
      if (demandId != null && !lists.moveDemand(demandId, ItemStatus.Demand.OPEN, ItemStatus.Demand.CLAIMED)) {
        // Another unit claimed it a moment earlier: the same answer as the start listener would have given.
        FormInput in = FormInput.of(execution);
        in.addProblem(ProjectProcess.ITEM_NO, "该需求刚被其他单位认领", "the demand was claimed by another unit just now");
        in.throwIfInvalid();
      }
      String projectNo = caseNumbers.next("GJ");
      String actor = ActingParty.actor(identity.getCurrentAuthentication());
      long id = projects.insert(new ProjectRepository.NewProject(projectNo, direction, demandId,
          (Long) execution.getVariable(ProjectProcess.RESOURCE_ID), var(execution, ProjectProcess.COMMUNITY_CODE),
          var(execution, ProjectProcess.UNIT_CODE), var(execution, ProjectProcess.STREET_CODE),
          var(execution, ProjectProcess.CATEGORY), var(execution, ProjectProcess.PROJECT_TITLE),
          var(execution, ProjectProcess.CLAIM_NOTE), actor, execution.getProcessInstanceId()));
      execution.setVariable(ProjectProcess.PROJECT_ID, id);
      execution.setVariable(ProjectProcess.PROJECT_NO, projectNo);
      execution.setVariable(CaseVariables.CASE_NO, projectNo);
      execution.setProcessBusinessKey(projectNo);
      String itemNo = var(execution, ProjectProcess.ITEM_NO);
      lists.history("PROJECT", id, "CLAIMED", direction.label() + " " + itemNo + "：" + var(execution, ProjectProcess.CLAIM_NOTE), actor);
      if (demandId != null) {
        lists.history("DEMAND", demandId, "CLAIMED", var(execution, ProjectProcess.UNIT_NAME) + "认领，项目 " + projectNo, actor);
      } else {
        lists.history("RESOURCE", (Long) execution.getVariable(ProjectProcess.RESOURCE_ID), "CLAIMED",
            var(execution, ProjectProcess.COMMUNITY_NAME) + "认领，项目 " + projectNo, actor);
      }
      notifier.toGroup(var(execution, ProjectProcess.OWNER_GROUP), "清单被认领：" + var(execution, ProjectProcess.PROJECT_TITLE),
          direction.label() + "（" + itemNo + "），项目 " + projectNo + "。认领方起草项目协议后将请您确认。",
          projectNo, execution.getProcessInstanceId(), "project-claimed:" + projectNo);
      decisions.record(execution, "CLAIMED", direction.label() + " " + itemNo, actor, null);
    };
  }

  /** Complete listener of the draft: checks the agreement and records the drafting side's confirmation. */
  @Bean
  ExecutionListener validateDraft() {
    return OnCompletion.of(execution -> {
      FormInput in = FormInput.of(execution);
      String title = in.text(ProjectProcess.PROJECT_TITLE, "项目名称", 100, true);
      String goal = in.text("goal", "项目目标", 1000, true);
      String measures = in.text("measures", "主要措施", 2000, true);
      BigDecimal budget = in.decimal("budget", "预算", BigDecimal.ZERO, new BigDecimal("10000000"), true);
      LocalDate start = in.date("startDate", "开始日期", true);
      LocalDate end = in.date("endDate", "结束日期", true);
      String communityLead = in.text("communityLead", "社区负责人", 50, true);
      String unitLead = in.text("unitLead", "单位负责人", 50, true);
      Boolean confirmed = in.bool("draftConfirmed", "本方确认", true);
      if (Boolean.FALSE.equals(confirmed)) {
        in.addProblem("draftConfirmed", "提交前须确认协议内容", "you must confirm the agreement before submitting it");
      }
      if (budget != null && budget.scale() > 2) {
        in.addProblem("budget", "预算最多保留两位小数", "the budget has at most two decimals");
      }
      if (start != null && end != null && end.isBefore(start)) {
        in.addProblem("endDate", "结束日期不能早于开始日期", "the end date must not be before the start date");
      } else if (end != null && end.isBefore(Times.today())) {
        in.addProblem("endDate", "结束日期已过", "the end date is in the past");
      }
      in.throwIfInvalid();
      ClaimDirection direction = ClaimDirection.valueOf((String) execution.getVariable(ProjectProcess.DIRECTION));
      long id = (Long) execution.getVariable(ProjectProcess.PROJECT_ID);
      String actor = ActingParty.actor(identity.getCurrentAuthentication());
      projects.saveDraft(id, new ProjectRepository.Draft(title, goal, measures, budget, start, end, communityLead,
          unitLead), direction, actor);
      execution.setVariable(ProjectProcess.REVISION_COMMENT, null);
      execution.setVariable(CaseVariables.CASE_TITLE, title);
      lists.history("PROJECT", id, "DRAFTED", "起草项目协议：" + title + "，预算 " + budget.toPlainString() + " 元，"
          + start + " 至 " + end, actor);
    });
  }

  /** Complete listener of the other side's confirmation. */
  @Bean
  ExecutionListener validateConfirmation() {
    return OnCompletion.of(execution -> {
      FormInput in = FormInput.of(execution);
      String decision = in.choice(ProjectProcess.CONFIRM_DECISION, "确认结果", List.of("AGREE", "REVISE", "DECLINE"), true);
      String comment = in.text(ProjectProcess.CONFIRM_COMMENT, "意见", 1000, false);
      if (decision != null && !"AGREE".equals(decision) && (comment == null || comment.length() < 5)) {
        in.addProblem(ProjectProcess.CONFIRM_COMMENT, "退回或拒绝时须填写意见（至少 5 字）",
            "a comment of at least 5 characters is required to return or decline");
      }
      in.throwIfInvalid();
      long id = (Long) execution.getVariable(ProjectProcess.PROJECT_ID);
      String actor = ActingParty.actor(identity.getCurrentAuthentication());
      switch (decision) {
        case "AGREE" -> lists.history("PROJECT", id, "CONFIRMED", "对方确认协议" + (comment == null ? "" : "：" + comment), actor);
        case "REVISE" -> {
          execution.setVariable(ProjectProcess.REVISION_COMMENT, comment);
          lists.history("PROJECT", id, "RETURNED", "对方要求修改：" + comment, actor);
        }
        default -> {
          execution.setVariable(ProjectProcess.CANCEL_REASON, "对方拒绝：" + comment);
          execution.setVariable(ProjectProcess.CANCELLED_BY, actor);
        }
      }
      decisions.record(var(execution, CaseVariables.CASE_NO), ProjectProcess.KEY, execution.getProcessInstanceId(),
          execution.getCurrentActivityId(), decision, comment, actor, null);
    });
  }

  /** Start of a confirmation: an earlier answer (before a revision) must not stand pre-filled. */
  @Bean
  ExecutionListener clearConfirmation() {
    return execution -> {
      execution.setVariable(ProjectProcess.CONFIRM_DECISION, null);
      execution.setVariable(ProjectProcess.CONFIRM_COMMENT, null);
    };
  }

  /** Both sides confirmed: the project enters the project list and starts. */
  @Bean
  JavaDelegate activateProject() {
    return execution -> {
      long id = (Long) execution.getVariable(ProjectProcess.PROJECT_ID);
      ClaimDirection direction = ClaimDirection.valueOf(var(execution, ProjectProcess.DIRECTION));
      String actor = ActingParty.actor(identity.getCurrentAuthentication());
      projects.confirmByOwner(id, direction, actor);
      Long demandId = (Long) execution.getVariable(ProjectProcess.DEMAND_ID);
      if (demandId != null) {
        lists.moveDemand(demandId, ItemStatus.Demand.CLAIMED, ItemStatus.Demand.IN_PROJECT);
      }
      String projectNo = var(execution, ProjectProcess.PROJECT_NO);
      lists.history("PROJECT", id, "AGREED", "双方确认项目协议，项目立项实施", actor);
      String body = var(execution, ProjectProcess.COMMUNITY_NAME) + "与" + var(execution, ProjectProcess.UNIT_NAME)
          + "的共建项目“" + var(execution, ProjectProcess.PROJECT_TITLE) + "”已立项，共建单位每月报送进展。";
      notifier.toGroup(Groups.street(var(execution, ProjectProcess.STREET_CODE)), "共建项目立项：" + projectNo, body,
          projectNo, execution.getProcessInstanceId(), "project-agreed:" + projectNo + ":street");
      notifier.toGroup(var(execution, ProjectProcess.CLAIMANT_GROUP), "共建项目立项：" + projectNo, body, projectNo,
          execution.getProcessInstanceId(), "project-agreed:" + projectNo + ":claimant");
    };
  }

  /** Cancels the project with its reason (declined by the other side, or cancelled at any stage). */
  @Bean
  JavaDelegate cancelProject() {
    return execution -> {
      long id = (Long) execution.getVariable(ProjectProcess.PROJECT_ID);
      String reason = var(execution, ProjectProcess.CANCEL_REASON);
      String actor = var(execution, ProjectProcess.CANCELLED_BY);
      if (!projects.cancel(id, reason, actor)) {
        return;
      }
      Long demandId = (Long) execution.getVariable(ProjectProcess.DEMAND_ID);
      if (demandId != null) {
        // The need is still there: the demand goes back on the list for another unit.
        boolean reopened = lists.moveDemand(demandId, ItemStatus.Demand.CLAIMED, ItemStatus.Demand.OPEN)
            || lists.moveDemand(demandId, ItemStatus.Demand.IN_PROJECT, ItemStatus.Demand.OPEN);
        if (reopened) {
          lists.history("DEMAND", demandId, "REOPENED", "项目取消，需求恢复待认领：" + reason, actor);
        }
      }
      String projectNo = var(execution, ProjectProcess.PROJECT_NO);
      lists.history("PROJECT", id, "CANCELLED", reason, actor);
      for (String group : List.of(Groups.community(var(execution, ProjectProcess.COMMUNITY_CODE)),
          Groups.unit(var(execution, ProjectProcess.UNIT_CODE)), Groups.street(var(execution, ProjectProcess.STREET_CODE)))) {
        notifier.toGroup(group, "共建项目取消：" + projectNo, "“" + var(execution, ProjectProcess.PROJECT_TITLE)
            + "”已取消。原因：" + reason, projectNo, execution.getProcessInstanceId(), "project-cancelled:" + projectNo + ":" + group);
      }
      decisions.record(execution, "CANCELLED", reason, actor, null);
    };
  }

  static String var(DelegateExecution execution, String name) {
    Object v = execution.getVariable(name);
    return v == null ? null : v.toString();
  }
}
