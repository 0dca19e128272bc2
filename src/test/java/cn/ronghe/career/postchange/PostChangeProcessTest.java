package cn.ronghe.career.postchange;

import static cn.ronghe.career.CareerTestSupport.complete;
import static cn.ronghe.career.CareerTestSupport.completeOk;
import static cn.ronghe.career.CareerTestSupport.runJobs;
import static cn.ronghe.career.CareerTestSupport.startForm;
import static cn.ronghe.career.CareerTestSupport.task;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import cn.ronghe.career.AssessmentResult;
import cn.ronghe.career.CareerProcesses;
import cn.ronghe.career.CareerTestSupport;
import cn.ronghe.career.GradeChange;
import cn.ronghe.career.Post;
import cn.ronghe.career.Worker;
import cn.ronghe.career.policy.DeployedDecisionTables;
import cn.ronghe.career.registry.WorkerRepository;
import cn.ronghe.platform.audit.DecisionLog;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 岗位调整 through the engine REST API as dongcang, loudong and minzheng. */
@RongheSpringTest
class PostChangeProcessTest {

  @LocalServerPort
  int port;
  @Autowired
  TaskService tasks;
  @Autowired
  HistoryService history;
  @Autowired
  ManagementService management;
  @Autowired
  WorkerRepository workers;
  @Autowired
  DeployedDecisionTables decisions;
  @Autowired
  DecisionLog log;
  @Autowired
  JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  Worker worker(Post post, int grade) {
    return CareerTestSupport.worker(workers, decisions, "dongcang", "loudong", post, grade, LocalDate.of(2022, 3, 1),
        Map.of(2024, AssessmentResult.COMPETENT));
  }

  Map<String, Object> change(Worker w, String newPost, LocalDate effective) {
    Map<String, Object> v = new HashMap<>();
    v.put("workerId", w.workerId());
    v.put("newPost", newPost);
    v.put("newDuty", "居委会副主任");
    v.put("changeKind", "ELECTION");
    v.put("basis", "东仓社区第十二届居民委员会选举结果公告");
    v.put("effectiveDate", effective.toString());
    return v;
  }

  String start(Map<String, Object> v) {
    RestClient.Response r = startForm(port, "dongcang", CareerProcesses.POST_CHANGE, v);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("id").asText();
  }

  String caseNo(String pid) {
    return history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult().getBusinessKey();
  }

  @Test
  void anElectedWorkerMovesToTheNewBandOnTheEffectiveDate() {
    Worker w = worker(Post.OTHER, 3);
    String pid = start(change(w, "DEPUTY", LocalDate.now()));
    assertThat(caseNo(pid)).startsWith("GW-");
    var confirm = task(tasks, pid, "Task_ConfirmPostChange");
    assertThat(tasks.getVariable(confirm.getId(), "proposedGrade")).isEqualTo(4);
    completeOk(port, "loudong", confirm.getId(), Map.of("streetDecision", "CONFIRM"));
    completeOk(port, "minzheng", task(tasks, pid, "Task_ApprovePostChange").getId(),
        Map.of("approvalDecision", "APPROVE"));
    runJobs(management, List.of(pid));

    Worker after = workers.find(w.workerId()).orElseThrow();
    assertThat(after.post()).isEqualTo(Post.DEPUTY);
    assertThat(after.grade()).isEqualTo(4);
    assertThat(after.duty()).isEqualTo("居委会副主任");
    assertThat(after.gradeSince()).isEqualTo(LocalDate.now());
    assertThat(after.payCoefficient()).isEqualByComparingTo("1.16");
    GradeChange last = workers.history(w.workerId()).get(1);
    assertThat(last.kind()).isEqualTo(GradeChange.ChangeKind.POST_CHANGE);
    assertThat(last.fromPost()).isEqualTo(Post.OTHER);
    assertThat(last.toGrade()).isEqualTo(4);
    assertThat(last.caseNo()).isEqualTo(caseNo(pid));
    assertThat(last.decidedBy()).isEqualTo("minzheng");
    assertThat(last.ruleVersion()).contains("career-post-change v");
    assertThat(log.forCase(caseNo(pid))).extracting(e -> e.decision())
        .contains("PROPOSED", "MAPPED_4", "CONFIRM", "APPROVE", "APPLIED");
  }

  @Test
  void theStreetCorrectsInsideTheNewBandAndTheChangeWaitsForItsDate() {
    Worker w = worker(Post.DEPUTY, 9);
    LocalDate later = LocalDate.now().plusDays(40);
    String pid = start(change(w, "PRINCIPAL", later));
    var confirm = task(tasks, pid, "Task_ConfirmPostChange");
    assertThat(tasks.getVariable(confirm.getId(), "proposedGrade")).isEqualTo(9);
    RestClient.Response low = complete(port, "loudong", confirm.getId(), Map.of("streetDecision", "CORRECT",
        "correctedGrade", 6, "streetReason", "新任书记"));
    assertThat(low.status()).isEqualTo(400);
    assertThat(low.body()).contains("correctedGrade", "超出新岗位等级区间");
    completeOk(port, "loudong", confirm.getId(), Map.of("streetDecision", "CORRECT", "correctedGrade", 10,
        "streetReason", "兼任社区居务监督委员会主任，高定一级"));
    completeOk(port, "minzheng", task(tasks, pid, "Task_ApprovePostChange").getId(),
        Map.of("approvalDecision", "SEND_BACK", "approvalReason", "高定一级缺少依据"));
    completeOk(port, "loudong", task(tasks, pid, "Task_ConfirmPostChange").getId(),
        Map.of("streetDecision", "CONFIRM"));
    completeOk(port, "minzheng", task(tasks, pid, "Task_ApprovePostChange").getId(),
        Map.of("approvalDecision", "APPROVE"));
    runJobs(management, List.of(pid));
    assertThat(workers.find(w.workerId()).orElseThrow().post()).isEqualTo(Post.DEPUTY);

    ClockUtil.setCurrentTime(Date.from(later.atTime(1, 0).atZone(ZoneId.systemDefault()).toInstant()));
    runJobs(management, List.of(pid));
    Worker after = workers.find(w.workerId()).orElseThrow();
    assertThat(after.post()).isEqualTo(Post.PRINCIPAL);
    assertThat(after.grade()).isEqualTo(9);
    assertThat(after.gradeSince()).as("the grade did not change").isEqualTo(LocalDate.of(2022, 3, 1));
    assertThat(workers.history(w.workerId()).get(1).effectiveDate()).isEqualTo(later);
  }

  @Test
  void theStreetOrCivilAffairsMayRefuse() {
    Worker a = worker(Post.OTHER, 6);
    String first = start(change(a, "DEPUTY", LocalDate.now()));
    RestClient.Response noReason = complete(port, "loudong", task(tasks, first, "Task_ConfirmPostChange").getId(),
        Map.of("streetDecision", "REJECT"));
    assertThat(noReason.status()).isEqualTo(400);
    completeOk(port, "loudong", task(tasks, first, "Task_ConfirmPostChange").getId(),
        Map.of("streetDecision", "REJECT", "streetReason", "选举程序有瑕疵，待重新选举"));
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(first).singleResult().getEndActivityId())
        .isEqualTo("End_PostChangeRejected");

    String second = start(change(a, "DEPUTY", LocalDate.now()));
    completeOk(port, "loudong", task(tasks, second, "Task_ConfirmPostChange").getId(),
        Map.of("streetDecision", "CONFIRM"));
    completeOk(port, "minzheng", task(tasks, second, "Task_ApprovePostChange").getId(),
        Map.of("approvalDecision", "REJECT", "approvalReason", "超出副职职数"));
    assertThat(workers.find(a.workerId()).orElseThrow().post()).isEqualTo(Post.OTHER);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE case_no = :c AND recipient_group = 'community-dongcang'")
        .param("c", caseNo(second)).query(Integer.class).single()).isOne();
  }

  @Test
  void badRequestsAreRejectedNamingTheField() {
    Worker w = worker(Post.OTHER, 5);
    String open = start(change(w, "DEPUTY", LocalDate.now()));
    RestClient.Response twice = startForm(port, "dongcang", CareerProcesses.POST_CHANGE,
        change(w, "PRINCIPAL", LocalDate.now()));
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.body()).contains("已有进行中的岗位调整").contains(caseNo(open));

    Worker same = worker(Post.OTHER, 5);
    assertThat(startForm(port, "dongcang", CareerProcesses.POST_CHANGE, change(same, "OTHER", LocalDate.now()))
        .body()).contains("newPost");
    Worker other = CareerTestSupport.worker(workers, decisions, "taiping", "chengxiang", Post.OTHER, 5,
        LocalDate.of(2022, 3, 1), Map.of());
    RestClient.Response foreign = startForm(port, "dongcang", CareerProcesses.POST_CHANGE,
        change(other, "DEPUTY", LocalDate.now()));
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.body()).contains("workerId", "不是本社区或本街道的社区工作者");
    Map<String, Object> unknown = change(same, "DEPUTY", LocalDate.now().plusYears(3));
    unknown.put("workerId", "W999999");
    RestClient.Response r = startForm(port, "dongcang", CareerProcesses.POST_CHANGE, unknown);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("effectiveDate");
  }

  @Test
  void aChangeWhoseBasisMovedIsNotApplied() {
    Worker w = worker(Post.OTHER, 7);
    String pid = start(change(w, "DEPUTY", LocalDate.now()));
    completeOk(port, "loudong", task(tasks, pid, "Task_ConfirmPostChange").getId(), Map.of("streetDecision", "CONFIRM"));
    completeOk(port, "minzheng", task(tasks, pid, "Task_ApprovePostChange").getId(),
        Map.of("approvalDecision", "APPROVE"));
    jdbc.sql("UPDATE career_worker SET grade = 8 WHERE worker_id = :w").param("w", w.workerId()).update();
    runJobs(management, List.of(pid));
    Worker after = workers.find(w.workerId()).orElseThrow();
    assertThat(after.post()).isEqualTo(Post.OTHER);
    assertThat(workers.history(w.workerId())).hasSize(1);
    assertThat(log.forCase(caseNo(pid))).extracting(e -> e.decision()).contains("NOT_APPLIED");
  }
}
