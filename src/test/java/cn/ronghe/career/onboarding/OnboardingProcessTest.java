package cn.ronghe.career.onboarding;

import static cn.ronghe.career.CareerTestSupport.complete;
import static cn.ronghe.career.CareerTestSupport.completeOk;
import static cn.ronghe.career.CareerTestSupport.startForm;
import static cn.ronghe.career.CareerTestSupport.task;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import cn.ronghe.career.CareerProcesses;
import cn.ronghe.career.CareerTestSupport;
import cn.ronghe.career.GradeChange;
import cn.ronghe.career.Post;
import cn.ronghe.career.Worker;
import cn.ronghe.career.registry.WorkerRepository;
import cn.ronghe.platform.audit.DecisionLog;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 入职定级 through the engine REST API, as dongcang (东仓社区), loudong (娄东街道) and minzheng (市民政局). */
@RongheSpringTest
public class OnboardingProcessTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  HistoryService history;
  @Autowired
  WorkerRepository workers;
  @Autowired
  DecisionLog decisions;

  String name;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    name = CareerTestSupport.name();
  }

  Map<String, Object> proposal() {
    return proposal(name);
  }

  /** A sound proposal of a new worker; the audit trail test makes its sample with it too. */
  public static Map<String, Object> proposal(String name) {
    Map<String, Object> v = new HashMap<>();
    v.put("workerName", name);
    v.put("gender", "FEMALE");
    v.put("birthDate", "1996-04-12");
    v.put("post", "OTHER");
    v.put("duty", "网格员");
    v.put("education", "BACHELOR");
    v.put("qualification", "ASSISTANT");
    v.put("serviceStart", LocalDate.now().minusYears(4).toString());
    v.put("hireDate", LocalDate.now().plusDays(10).toString());
    v.put("documents", List.of("ID_CARD", "DIPLOMA", "RECRUITMENT", "QUALIFICATION", "WORK_PROOF"));
    return v;
  }

  String start(Map<String, Object> values) {
    RestClient.Response r = startForm(port, "dongcang", CareerProcesses.ONBOARDING, values);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("id").asText();
  }

  @Test
  void theStreetConfirmsCivilAffairsFilesAndTheWorkerEntersTheRegistry() {
    String pid = start(proposal());
    String caseNo = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult().getBusinessKey();
    assertThat(caseNo).startsWith("RZ-");
    var confirm = task(tasks, pid, "Task_ConfirmGrade");
    // 其他社区工作者 1 + 本科 2 + 满 3 年 1 + 助理社会工作师 1
    assertThat(runtime.getVariable(pid, "computedGrade")).isEqualTo(5);
    assertThat((String) runtime.getVariable(pid, "gradeExplanation")).contains("本科学历，加 2 级", "初始等级 5 级");
    assertThat(confirm.getName()).contains(caseNo).contains(name);
    assertThat(RestClient.as(port, "chengxiang").post("/engine-rest/task/" + confirm.getId() + "/complete",
        "{}").status()).isEqualTo(403);
    completeOk(port, "loudong", confirm.getId(), Map.of("streetDecision", "CONFIRM"));
    completeOk(port, "minzheng", task(tasks, pid, "Task_FileOnboarding").getId(), Map.of("fileDecision", "FILE"));

    BpmnAwareTests.assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult()).isNull();
    Worker w = workers.findByOrigin(caseNo).orElseThrow();
    assertThat(w.name()).isEqualTo(name);
    assertThat(w.grade()).isEqualTo(5);
    assertThat(w.communityCode()).isEqualTo("dongcang");
    assertThat(w.payCoefficient()).isEqualByComparingTo("1.22");
    List<GradeChange> h = workers.history(w.workerId());
    assertThat(h).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(GradeChange.ChangeKind.INITIAL);
      assertThat(c.caseNo()).isEqualTo(caseNo);
      assertThat(c.decidedBy()).isEqualTo("minzheng");
      assertThat(c.ruleVersion()).contains("career-initial-grade v");
      assertThat(c.processInstanceId()).isEqualTo(pid);
    });
    assertThat(decisions.forCase(caseNo)).extracting(e -> e.decision())
        .contains("PROPOSED", "INITIAL_GRADE_5", "CONFIRM", "FILE", "REGISTERED");
    JsonNode detail = RestClient.as(port, "dongcang").get("/api/career/workers/" + w.workerId()).json();
    assertThat(detail.get("history").get(0).get("kindLabel").asText()).isEqualTo("入职定级");
  }

  @Test
  void theStreetCorrectsInsideTheBandOnlyAndCivilAffairsMaySendItBack() {
    String pid = start(proposal());
    var confirm = task(tasks, pid, "Task_ConfirmGrade");
    RestClient.Response outside = complete(port, "loudong", confirm.getId(), Map.of("streetDecision", "CORRECT",
        "correctedGrade", 13, "streetReason", "有多年社区工作经验"));
    assertThat(outside.status()).isEqualTo(400);
    assertThat(outside.body()).contains("correctedGrade").contains("超出岗位等级区间");
    RestClient.Response noReason = complete(port, "loudong", confirm.getId(), Map.of("streetDecision", "CORRECT",
        "correctedGrade", 6));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("streetReason");
    assertThat(tasks.createTaskQuery().taskId(confirm.getId()).count()).isOne();

    completeOk(port, "loudong", confirm.getId(), Map.of("streetDecision", "CORRECT", "correctedGrade", 6,
        "streetReason", "曾在外区社区任网格长三年，按有关规定高定一级"));
    completeOk(port, "minzheng", task(tasks, pid, "Task_FileOnboarding").getId(), Map.of("fileDecision", "SEND_BACK",
        "fileReason", "请补充外区工作经历的证明材料"));
    var again = task(tasks, pid, "Task_ConfirmGrade");
    completeOk(port, "loudong", again.getId(), Map.of("streetDecision", "CORRECT", "correctedGrade", 6,
        "streetReason", "已补充外区工作经历证明，维持高定一级"));
    completeOk(port, "minzheng", task(tasks, pid, "Task_FileOnboarding").getId(), Map.of("fileDecision", "FILE"));

    String caseNo = (String) history.createHistoricVariableInstanceQuery().processInstanceId(pid)
        .variableName("caseNo").singleResult().getValue();
    Worker w = workers.findByOrigin(caseNo).orElseThrow();
    assertThat(w.grade()).isEqualTo(6);
    assertThat(workers.history(w.workerId()).get(0).reason()).contains("街道更正为 6 级");
    assertThat(decisions.forCase(caseNo)).extracting(e -> e.decision())
        .contains("CORRECT_6", "SEND_BACK", "FILE");
  }

  @Test
  void theStreetReturnsForDocumentsAndTheCommunityResubmitsOrWithdraws() {
    String pid = start(proposal());
    completeOk(port, "loudong", task(tasks, pid, "Task_ConfirmGrade").getId(), Map.of("streetDecision", "RETURN",
        "streetReason", "学历证书复印件不清晰"));
    var supplement = task(tasks, pid, "Task_SupplementDocuments");
    Map<String, Object> revised = proposal();
    revised.put("education", "MASTER");
    revised.put("supplementAction", "RESUBMIT");
    revised.put("documents", List.of("ID_CARD", "DIPLOMA", "RECRUITMENT"));
    RestClient.Response missing = complete(port, "dongcang", supplement.getId(), revised);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("documents").contains("社会工作职业资格证书");
    revised.put("documents", List.of("ID_CARD", "DIPLOMA", "RECRUITMENT", "QUALIFICATION", "WORK_PROOF"));
    completeOk(port, "dongcang", supplement.getId(), revised);
    assertThat(runtime.getVariable(pid, "computedGrade")).isEqualTo(6);

    completeOk(port, "loudong", task(tasks, pid, "Task_ConfirmGrade").getId(), Map.of("streetDecision", "RETURN",
        "streetReason", "岗位设置需重新研究"));
    RestClient.Response noNote = complete(port, "dongcang", task(tasks, pid, "Task_SupplementDocuments").getId(),
        Map.of("supplementAction", "WITHDRAW"));
    assertThat(noNote.status()).isEqualTo(400);
    completeOk(port, "dongcang", task(tasks, pid, "Task_SupplementDocuments").getId(),
        Map.of("supplementAction", "WITHDRAW", "supplementNote", "本人放弃入职"));
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult().getEndActivityId())
        .isEqualTo("End_OnboardingWithdrawn");
  }

  @Test
  void badProposalsAreRejectedNamingTheFieldAndNothingStarts() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(CareerProcesses.ONBOARDING).count();
    Map<String, Object> bad = proposal();
    bad.put("workerName", "Zhang San");
    bad.put("post", "BOSS");
    bad.put("birthDate", "2015-01-01");
    bad.put("documents", List.of("ID_CARD"));
    RestClient.Response r = startForm(port, "dongcang", CareerProcesses.ONBOARDING, bad);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("workerName", "post", "birthDate", "documents");
    RestClient.Response notCommunity = startForm(port, "loudong", CareerProcesses.ONBOARDING, proposal());
    assertThat(notCommunity.status()).isIn(400, 403);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(CareerProcesses.ONBOARDING).count())
        .isEqualTo(before);
    assertThat(Post.OTHER).isNotNull();
  }
}
