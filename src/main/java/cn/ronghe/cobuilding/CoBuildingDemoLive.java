package cn.ronghe.cobuilding;

import cn.ronghe.organisation.RegistryRepository;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * The co-building projects the demo users find in progress, run through the real process as the demo users
 * would (so every record, notification and audit entry is the process's own):
 * 农业银行 (nonghang) claimed 东仓社区's demand and waits for dongcang to confirm; dongcang claimed the fire
 * brigade's (xiaofang) training, which now owes its monthly report; 南园社区's project waits for the street
 * (loudong) to accept it.
 */
@Component
class CoBuildingDemoLive {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;
  private final ProjectRepository projects;
  private final RegistryRepository registry;

  CoBuildingDemoLive(RuntimeService runtime, TaskService tasks, ManagementService management, IdentityService identity,
      ProjectRepository projects, RegistryRepository registry) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.identity = identity;
    this.projects = projects;
    this.registry = registry;
  }

  void run() {
    LocalDate today = Times.today();
    String meals = publish("dongcang", "DEMAND", Map.of("category", "ELDERLY", "title", "独居老人助餐配送（2027 年度）",
        "description", "东仓社区有 46 位独居老人，社区食堂离部分小区较远，希望每周二、周四有人配送午餐并顺带探望。",
        "beneficiaries", "辖区独居老人", "beneficiaryCount", 46), today.plusDays(20), today.plusMonths(12));
    String p1 = claim("nonghang", meals, "我行党员先锋队可每周两次配送午餐，并为老人讲解防诈骗知识");
    complete("nonghang", p1, "Task_DraftAgreement", draft("农行党员助餐配送", 18000, "王芳", "张伟", today));

    String training = publish("xiaofang", "RESOURCE", Map.of("category", "SAFETY", "title", "消防安全培训和疏散演练",
        "offering", "每季度到结对社区开展一次消防知识培训、灭火器实操和高层住宅疏散演练。", "capacity", "每季度 1 次，每次 200 人",
        "capacityCount", 800, "serviceScope", "PAIRED"), today.minusMonths(2), today.plusYears(1));
    String p2 = claim("dongcang", training, "东仓社区高层住宅多，希望消防大队每季度来培训并组织一次疏散演练");
    complete("dongcang", p2, "Task_DraftAgreement", draft("高层住宅消防安全共建", 6000, "王芳", "李斌", today.minusMonths(1)));
    complete("xiaofang", p2, "Task_ConfirmAgreement", Map.of("confirmDecision", "AGREE", "confirmComment", "同意，按季度实施"));
    monthEnds(p2);

    String rehearsal = publish("nanyuan", "DEMAND", Map.of("category", "CULTURE", "title", "文艺团队冬季排练场地",
        "description", "南园社区广场舞队和合唱团共 60 人，冬季室外无法排练，希望借用共建单位的室内活动场地。",
        "beneficiaries", "社区文艺团队成员", "beneficiaryCount", 60), today.minusMonths(2), today.plusMonths(4));
    String unit = registry.pairings("nanyuan", null).get(0).unitCode();
    String p3 = claim(null, rehearsal, "我单位职工活动中心周末可供社区文艺团队使用", Map.of("claimantCode", unit));
    complete(null, p3, "Task_DraftAgreement", draft("职工活动中心向社区文艺团队开放", 3000, "钱晓燕", "周建华",
        today.minusMonths(2)));
    complete("nanyuan", p3, "Task_ConfirmAgreement", Map.of("confirmDecision", "AGREE"));
    monthEnds(p3);
    complete(null, p3, "Task_MonthlyReport", Map.of("progressPct", 100, "workDone",
        "活动中心每周六、周日向社区开放，合唱团和广场舞队共排练 16 次，参加 420 人次", "projectFinished", true));
    complete("nanyuan", p3, "Task_CommunityAcceptance", Map.of("acceptanceDecision", "ACCEPT",
        "acceptanceOpinion", "场地开放准时，团队排练得到保障，居民满意"));
  }

  private String publish(String user, String type, Map<String, Object> fields, LocalDate from, LocalDate to) {
    Map<String, Object> vars = new HashMap<>(fields);
    vars.put(ListItemProcess.ITEM_TYPE, type);
    vars.put("periodFrom", from.toString());
    vars.put("periodTo", to.toString());
    vars.put("contactName", "DEMAND".equals(type) ? "王芳" : "李斌");
    return as(user, () -> (String) runtime.createProcessInstanceByKey(ListItemProcess.KEY).setVariables(vars)
        .executeWithVariablesInReturn().getVariables().get(ListItemProcess.ITEM_NO));
  }

  private String claim(String user, String itemNo, String note) {
    return claim(user, itemNo, note, Map.of());
  }

  private String claim(String user, String itemNo, String note, Map<String, Object> extra) {
    Map<String, Object> vars = new HashMap<>(extra);
    vars.put(ProjectProcess.ITEM_NO, itemNo);
    vars.put(ProjectProcess.CLAIM_NOTE, note);
    String projectNo = as(user, () -> (String) runtime.createProcessInstanceByKey(ProjectProcess.KEY).setVariables(vars)
        .executeWithVariablesInReturn().getVariables().get(ProjectProcess.PROJECT_NO));
    return projects.project(projectNo).orElseThrow().processInstanceId();
  }

  private void complete(String user, String pid, String taskKey, Map<String, Object> vars) {
    String taskId = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(taskKey).singleResult().getId();
    as(user, () -> {
      tasks.complete(taskId, vars);
      return null;
    });
  }

  /** The month ended: the report of the project's first month opens (the timer, run now). */
  private void monthEnds(String pid) {
    Job timer = management.createJobQuery().processInstanceId(pid).activityId("Timer_MonthEnds").singleResult();
    management.executeJob(timer.getId());
  }

  private static Map<String, Object> draft(String title, int budget, String communityLead, String unitLead,
      LocalDate start) {
    Map<String, Object> d = new HashMap<>();
    d.put("projectTitle", title);
    d.put("goal", "全年为社区居民提供稳定服务，建立服务台账，居民满意度达到 90% 以上");
    d.put("measures", "双方明确联系人，按月排班实施；单位每月报送进展，社区做好组织和回访");
    d.put("budget", budget);
    d.put("startDate", start.toString());
    d.put("endDate", start.plusMonths(10).toString());
    d.put("communityLead", communityLead);
    d.put("unitLead", unitLead);
    d.put("draftConfirmed", true);
    return d;
  }

  /** Runs as the demo user (with the groups the web login would give), or as the system for null. */
  private <T> T as(String user, Supplier<T> work) {
    if (user == null) {
      return work.get();
    }
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
