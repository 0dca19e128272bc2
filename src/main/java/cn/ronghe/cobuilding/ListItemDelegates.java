package cn.ronghe.cobuilding;

import cn.ronghe.identity.Groups;
import cn.ronghe.organisation.Community;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.organisation.Unit;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.cases.CaseNumbers;
import cn.ronghe.platform.notification.Notifier;
import cn.ronghe.platform.process.CaseVariables;
import cn.ronghe.platform.process.FormInput;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of {@code co-building-list-item}: check what was submitted, save it, suggest matches. */
@Configuration
class ListItemDelegates {

  private final ListRepository lists;
  private final RegistryRepository registry;
  private final CaseNumbers caseNumbers;
  private final IdentityService identity;
  private final MatchingService matching;
  private final Notifier notifier;
  private final DecisionLog decisions;

  ListItemDelegates(ListRepository lists, RegistryRepository registry, CaseNumbers caseNumbers,
      IdentityService identity, MatchingService matching, Notifier notifier, DecisionLog decisions) {
    this.lists = lists;
    this.registry = registry;
    this.caseNumbers = caseNumbers;
    this.identity = identity;
    this.matching = matching;
    this.notifier = notifier;
    this.decisions = decisions;
  }

  /** Start listener: any problem answers the submission with HTTP 400 and nothing is stored. */
  @Bean
  ExecutionListener validateListItem() {
    return execution -> {
      FormInput in = FormInput.of(execution);
      String type = in.choice(ListItemProcess.ITEM_TYPE, "清单类型",
          List.of(ListItemInput.TYPE_DEMAND, ListItemInput.TYPE_RESOURCE), true);
      String requested = in.text(ListItemProcess.OWNER_CODE, "代表的社区或单位", 32, false);
      in.throwIfInvalid();
      boolean demand = ListItemInput.TYPE_DEMAND.equals(type);
      Authentication auth = identity.getCurrentAuthentication();
      String owner = demand
          ? ActingParty.resolve(auth, Groups.COMMUNITY_PREFIX, requested, in, ListItemProcess.OWNER_CODE, "社区", "community")
          : ActingParty.resolve(auth, Groups.UNIT_PREFIX, requested, in, ListItemProcess.OWNER_CODE, "共建单位", "unit");
      String ownerName = owner == null ? null : ownerName(demand, owner, in);
      ListItemInput.Common common = ListItemInput.common(in, categoryCodes(), Times.today());
      if (demand) {
        ListItemInput.demand(in, owner, common);
      } else {
        ListItemInput.resource(in, owner, common);
      }
      in.throwIfInvalid();
      String itemNo = caseNumbers.next(demand ? "XQ" : "ZY");
      execution.setVariable(ListItemProcess.OWNER_CODE, owner);
      execution.setVariable(ListItemProcess.ITEM_NO, itemNo);
      execution.setVariable(CaseVariables.CASE_NO, itemNo);
      execution.setVariable(CaseVariables.CASE_TITLE, (demand ? "需求：" : "资源：") + common.title());
      execution.setVariable(CaseVariables.CASE_ORG, ownerName);
      execution.setProcessBusinessKey(itemNo);
    };
  }

  @Bean
  JavaDelegate saveListItem() {
    return execution -> {
      // Validated by the start listener in this same transaction: parsing again cannot fail.
      FormInput in = FormInput.of(execution);
      String owner = (String) execution.getVariable(ListItemProcess.OWNER_CODE);
      String itemNo = (String) execution.getVariable(ListItemProcess.ITEM_NO);
      String actor = ActingParty.actor(identity.getCurrentAuthentication());
      ListItemInput.Common common = ListItemInput.common(in, categoryCodes(), Times.today());
      long id;
      if (isDemand(execution)) {
        Community c = registry.community(owner).orElseThrow();
        id = lists.insertDemand(ListItemInput.demand(in, owner, common), itemNo, c.streetCode(), actor);
      } else {
        id = lists.insertResource(ListItemInput.resource(in, owner, common), itemNo, actor);
      }
      execution.setVariable(ListItemProcess.ITEM_ID, id);
      decisions.record(execution, "PUBLISHED", "发布" + (isDemand(execution) ? "需求" : "资源") + "清单：" + common.title(),
          actor, null);
    };
  }

  /** Suggests the best matches of the other list and tells their owners, once per pair. */
  @Bean
  JavaDelegate suggestMatches() {
    return execution -> {
      String itemNo = (String) execution.getVariable(ListItemProcess.ITEM_NO);
      List<Matching.Match> matches;
      if (isDemand(execution)) {
        matches = matching.resourcesFor(lists.demand(itemNo).orElseThrow());
      } else {
        matches = matching.demandsFor(lists.resource(itemNo).orElseThrow());
      }
      int made = 0;
      for (Matching.Match m : matches) {
        if (!lists.saveSuggestion(m.demand().id(), m.resource().id(), m.score(), m.explanation())) {
          continue;
        }
        made++;
        if (isDemand(execution)) {
          notifier.toGroup(Groups.unit(m.resource().unitCode()), "新需求与您的资源匹配：" + m.demand().title(),
              m.demand().communityName() + "发布的需求 " + m.demand().itemNo() + " 与您单位的资源 "
                  + m.resource().itemNo() + " 匹配（" + m.score() + " 分）：" + m.explanation(),
              itemNo, execution.getProcessInstanceId(), "match:" + m.demand().id() + ":" + m.resource().id());
        } else {
          notifier.toGroup(Groups.community(m.demand().communityCode()), "新资源与您的需求匹配：" + m.resource().title(),
              m.resource().unitName() + "发布的资源 " + m.resource().itemNo() + " 与您社区的需求 "
                  + m.demand().itemNo() + " 匹配（" + m.score() + " 分）：" + m.explanation(),
              itemNo, execution.getProcessInstanceId(), "match:" + m.demand().id() + ":" + m.resource().id());
        }
      }
      execution.setVariable(ListItemProcess.SUGGESTION_COUNT, made);
    };
  }

  private String ownerName(boolean demand, String code, FormInput in) {
    if (demand) {
      var c = registry.community(code).filter(Community::active);
      if (c.isEmpty()) {
        in.addProblem(ListItemProcess.OWNER_CODE, "社区 " + code + " 不存在或已撤销", "community " + code + " does not exist");
      }
      return c.map(Community::name).orElse(null);
    }
    var u = registry.unit(code).filter(Unit::active);
    if (u.isEmpty()) {
      in.addProblem(ListItemProcess.OWNER_CODE, "共建单位 " + code + " 不存在或已撤销", "unit " + code + " does not exist");
    }
    return u.map(Unit::name).orElse(null);
  }

  private List<String> categoryCodes() {
    return lists.categories().stream().map(Category::code).toList();
  }

  private static boolean isDemand(DelegateExecution execution) {
    return ListItemInput.TYPE_DEMAND.equals(execution.getVariable(ListItemProcess.ITEM_TYPE));
  }
}
