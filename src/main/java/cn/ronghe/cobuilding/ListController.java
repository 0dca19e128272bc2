package cn.ronghe.cobuilding;

import cn.ronghe.identity.Groups;
import cn.ronghe.platform.error.FieldProblem;
import cn.ronghe.platform.error.RongheException;
import cn.ronghe.platform.security.ApiUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cobuilding")
@Tag(name = "共建清单 Co-building lists", description = "需求、资源清单，匹配推荐与认领 / demand and resource lists, matches and claims")
class ListController {

  static final List<String> DEMAND_FIELDS = List.of("ownerCode", "category", "title", "description", "beneficiaries",
      "beneficiaryCount", "periodFrom", "periodTo", "contactName");
  static final List<String> RESOURCE_FIELDS = List.of("ownerCode", "category", "title", "offering", "capacity",
      "capacityCount", "serviceScope", "periodFrom", "periodTo", "contactName");
  static final List<String> CLAIM_FIELDS = List.of("claimNote", "claimantCode");

  record ItemWithHistory<T>(T item, List<HistoryEntry> history) {
  }

  record MatchView(String itemNo, String title, String owner, int score, String explanation) {
  }

  record ReasonInput(String reason) {
  }

  private final ListRepository lists;
  private final ProjectRepository projects;
  private final MatchingService matching;
  private final ProcessGateway processes;

  ListController(ListRepository lists, ProjectRepository projects, MatchingService matching, ProcessGateway processes) {
    this.lists = lists;
    this.projects = projects;
    this.matching = matching;
    this.processes = processes;
  }

  @GetMapping("/categories")
  @Operation(summary = "Service categories shared by demands and resources")
  List<Category> categories() {
    return lists.categories();
  }

  @GetMapping("/demands")
  @Operation(summary = "Demand list (需求清单), optionally of one community, street, category or status")
  List<DemandItem> demands(@RequestParam(required = false) String community,
      @RequestParam(required = false) String street, @RequestParam(required = false) String category,
      @RequestParam(required = false) String status) {
    return lists.demands(new ListRepository.Filter(community, street, null, category, status));
  }

  @GetMapping("/demands/{itemNo}")
  @Operation(summary = "One demand with its history")
  ItemWithHistory<DemandItem> demand(@PathVariable String itemNo) {
    DemandItem d = lists.demand(itemNo).orElseThrow(() -> RongheException.notFound("需求", itemNo));
    return new ItemWithHistory<>(d, lists.history("DEMAND", d.id()));
  }

  @PostMapping("/demands")
  @Operation(summary = "Publish a demand (community staff); same checks as the Tasklist form")
  ResponseEntity<DemandItem> publishDemand(@RequestBody Map<String, Object> body) {
    Map<String, Object> vars = ProcessGateway.plain(body, DEMAND_FIELDS);
    vars.put(ListItemProcess.ITEM_TYPE, ListItemInput.TYPE_DEMAND);
    ProcessInstanceWithVariables pi = processes.start(ListItemProcess.KEY, vars);
    String itemNo = (String) pi.getVariables().get(ListItemProcess.ITEM_NO);
    return ResponseEntity.status(HttpStatus.CREATED).body(lists.demand(itemNo).orElseThrow());
  }

  @PostMapping("/demands/{itemNo}/withdraw")
  @Operation(summary = "Withdraw an open demand (its community)")
  @Transactional
  DemandItem withdrawDemand(ApiUser user, @PathVariable String itemNo, @RequestBody(required = false) ReasonInput input) {
    DemandItem d = lists.demand(itemNo).orElseThrow(() -> RongheException.notFound("需求", itemNo));
    user.requireAnyGroup(Groups.community(d.communityCode()));
    String reason = reason(input);
    if (!lists.moveDemand(d.id(), ItemStatus.Demand.OPEN, ItemStatus.Demand.WITHDRAWN)) {
      throw RongheException.conflict("NOT_OPEN", "只有待认领的需求可以撤回（当前：" + d.status().label() + "）",
          "only an open demand can be withdrawn (it is " + d.status() + ")");
    }
    lists.history("DEMAND", d.id(), "WITHDRAWN", reason, user.id());
    return lists.demand(itemNo).orElseThrow();
  }

  @GetMapping("/demands/{itemNo}/matches")
  @Operation(summary = "Open resources that could serve this demand, best first, with the reasons")
  List<MatchView> demandMatches(@PathVariable String itemNo) {
    DemandItem d = lists.demand(itemNo).orElseThrow(() -> RongheException.notFound("需求", itemNo));
    return matching.resourcesFor(d).stream().map(m -> new MatchView(m.resource().itemNo(), m.resource().title(),
        m.resource().unitName(), m.score(), m.explanation())).toList();
  }

  @PostMapping("/demands/{itemNo}/claims")
  @Operation(summary = "A unit claims a demand: starts a co-building project")
  ResponseEntity<Project> claimDemand(@PathVariable String itemNo, @RequestBody Map<String, Object> body) {
    return claim(itemNo, body);
  }

  @GetMapping("/resources")
  @Operation(summary = "Resource list (资源清单), optionally of one unit, category or status, or offered in a street or to a community's paired units")
  List<ResourceItem> resources(@RequestParam(required = false) String unit,
      @RequestParam(required = false) String street, @RequestParam(required = false) String community,
      @RequestParam(required = false) String category, @RequestParam(required = false) String status) {
    return lists.resources(new ListRepository.Filter(community, street, unit, category, status));
  }

  @GetMapping("/resources/{itemNo}")
  @Operation(summary = "One resource with its history")
  ItemWithHistory<ResourceItem> resource(@PathVariable String itemNo) {
    ResourceItem r = lists.resource(itemNo).orElseThrow(() -> RongheException.notFound("资源", itemNo));
    return new ItemWithHistory<>(r, lists.history("RESOURCE", r.id()));
  }

  @PostMapping("/resources")
  @Operation(summary = "Publish a resource (unit staff); same checks as the Tasklist form")
  ResponseEntity<ResourceItem> publishResource(@RequestBody Map<String, Object> body) {
    Map<String, Object> vars = ProcessGateway.plain(body, RESOURCE_FIELDS);
    vars.put(ListItemProcess.ITEM_TYPE, ListItemInput.TYPE_RESOURCE);
    ProcessInstanceWithVariables pi = processes.start(ListItemProcess.KEY, vars);
    String itemNo = (String) pi.getVariables().get(ListItemProcess.ITEM_NO);
    return ResponseEntity.status(HttpStatus.CREATED).body(lists.resource(itemNo).orElseThrow());
  }

  @PostMapping("/resources/{itemNo}/withdraw")
  @Operation(summary = "Withdraw a resource (its unit); projects already agreed continue")
  @Transactional
  ResourceItem withdrawResource(ApiUser user, @PathVariable String itemNo,
      @RequestBody(required = false) ReasonInput input) {
    ResourceItem r = lists.resource(itemNo).orElseThrow(() -> RongheException.notFound("资源", itemNo));
    user.requireAnyGroup(Groups.unit(r.unitCode()));
    String reason = reason(input);
    if (!lists.withdrawResource(r.id())) {
      throw RongheException.conflict("NOT_OPEN", "该资源已撤回", "the resource is already withdrawn");
    }
    lists.history("RESOURCE", r.id(), "WITHDRAWN", reason, user.id());
    return lists.resource(itemNo).orElseThrow();
  }

  @GetMapping("/resources/{itemNo}/matches")
  @Operation(summary = "Open demands this resource could serve, best first, with the reasons")
  List<MatchView> resourceMatches(@PathVariable String itemNo) {
    ResourceItem r = lists.resource(itemNo).orElseThrow(() -> RongheException.notFound("资源", itemNo));
    return matching.demandsFor(r).stream().map(m -> new MatchView(m.demand().itemNo(), m.demand().title(),
        m.demand().communityName(), m.score(), m.explanation())).toList();
  }

  @PostMapping("/resources/{itemNo}/claims")
  @Operation(summary = "A community claims a resource: starts a co-building project")
  ResponseEntity<Project> claimResource(@PathVariable String itemNo, @RequestBody Map<String, Object> body) {
    return claim(itemNo, body);
  }

  private ResponseEntity<Project> claim(String itemNo, Map<String, Object> body) {
    Map<String, Object> vars = new HashMap<>(ProcessGateway.plain(body, CLAIM_FIELDS));
    vars.put(ProjectProcess.ITEM_NO, itemNo);
    ProcessInstanceWithVariables pi = processes.start(ProjectProcess.KEY, vars);
    String projectNo = (String) pi.getVariables().get(ProjectProcess.PROJECT_NO);
    return ResponseEntity.status(HttpStatus.CREATED).body(projects.project(projectNo).orElseThrow());
  }

  /** Control characters (other than line breaks and tabs), lone surrogates and unassigned code points. */
  private static final java.util.regex.Pattern UNSTORABLE =
      java.util.regex.Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]|\\p{Cs}|\\p{Co}|\\p{Cn}");

  static String reason(ReasonInput input) {
    String reason = input == null || input.reason() == null ? "" : input.reason().strip();
    if (reason.length() < 5 || reason.length() > 500 || UNSTORABLE.matcher(reason).find()) {
      throw RongheException.invalid(List.of(new FieldProblem("reason", "请填写 5–500 字的原因，不含控制字符",
          "a reason of 5-500 characters without control characters is required")));
    }
    return reason;
  }
}
