package cn.ronghe.property;

import static cn.ronghe.career.CareerTestSupport.complete;
import static cn.ronghe.career.CareerTestSupport.completeOk;
import static cn.ronghe.career.CareerTestSupport.startForm;
import static cn.ronghe.career.CareerTestSupport.task;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.notification.Notifier;
import cn.ronghe.property.PropertyRecords.Compound;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 物业信用记录: communities record, streets verify; a street's own entry counts at once. */
@RongheSpringTest
class PropertyCreditEntryProcessTest {

  @LocalServerPort
  int port;
  @Autowired
  TaskService tasks;
  @Autowired
  HistoryService history;
  @Autowired
  PropertyRepository repository;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  DecisionLog log;
  @Autowired
  Notifier notifier;

  Map<String, Object> entry(Compound c, String category, LocalDate on, String evidence) {
    return Map.of("compoundCode", c.code().toLowerCase(), "category", category, "occurredOn", on.toString(),
        "evidence", evidence);
  }

  String start(String user, Map<String, Object> values) {
    RestClient.Response r = startForm(port, user, PropertyProcesses.ENTRY, values);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("id").asText();
  }

  String caseNo(String pid) {
    return history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult().getBusinessKey();
  }

  @Test
  void aCommunityEntryCountsOnceTheStreetHasVerifiedIt() {
    Compound c = PropertyTestSupport.compound(repository, jdbc, "dongcang");
    String pid = start("dongcang", entry(c, "NEG_SAFETY", LocalDate.now().minusDays(3),
        "3 号楼消防通道被杂物堵塞，社区两次书面提醒后仍未清理"));
    String caseNo = caseNo(pid);
    assertThat(caseNo).startsWith("WJ-");
    assertThat(repository.entry(caseNo).orElseThrow().status()).isEqualTo("PENDING");
    Task verify = task(tasks, pid, "Task_VerifyEntry");
    assertThat(verify.getName()).contains("核实物业信用记录", caseNo, c.companyName(), "−8");

    RestClient.Response foreign = complete(port, "chengxiang", verify.getId(), Map.of("verifyDecision", "CONFIRM"));
    assertThat(foreign.status()).as("another street cannot verify").isIn(403, 404);
    RestClient.Response noReason = complete(port, "loudong", verify.getId(), Map.of("verifyDecision", "REJECT"));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("verifyReason");
    assertThat(repository.entry(caseNo).orElseThrow().status()).as("nothing stored").isEqualTo("PENDING");
    completeOk(port, "loudong", verify.getId(), Map.of("verifyDecision", "CONFIRM"));

    assertThat(repository.entry(caseNo).orElseThrow().status()).isEqualTo("VERIFIED");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult().getEndActivityId())
        .isEqualTo("End_EntryRecorded");
    assertThat(log.forCase(caseNo)).singleElement().satisfies(e -> {
      assertThat(e.decision()).isEqualTo("NEGATIVE");
      assertThat(e.actor()).isEqualTo("loudong");
    });
    RestClient.Response company = RestClient.as(port, "zhujian").get("/api/property/companies/" + c.companyCode());
    assertThat(company.status()).isEqualTo(200);
    assertThat(company.body()).contains(caseNo, "VERIFIED", c.name());
  }

  @Test
  void anEntryFoundUntrueIsRejectedAndTheCommunityTold() {
    Compound c = PropertyTestSupport.compound(repository, jdbc, "nanyuan");
    String pid = start("nanyuan", entry(c, "NEG_COMPLAINT", LocalDate.now().minusDays(10),
        "居民反映电梯长时间停运，物业未及时报修"));
    String caseNo = caseNo(pid);
    completeOk(port, "loudong", task(tasks, pid, "Task_VerifyEntry").getId(), Map.of("verifyDecision", "REJECT",
        "verifyReason", "经现场核实，电梯停运系供电部门计划检修，已提前公告"));
    var e = repository.entry(caseNo).orElseThrow();
    assertThat(e.status()).isEqualTo("REJECTED");
    assertThat(e.statusNote()).contains("供电部门计划检修");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult().getEndActivityId())
        .isEqualTo("End_EntryRejected");
    assertThat(notifier.forCase(caseNo)).singleElement().satisfies(n -> assertThat(n.title()).contains("未通过"));
    assertThat(log.forCase(caseNo)).extracting(x -> x.decision()).containsExactly("REJECTED");
  }

  @Test
  void aStreetEntryCountsAtOnce() {
    Compound c = PropertyTestSupport.compound(repository, jdbc, "taiping");
    String pid = start("chengxiang", entry(c, "POS_RED_PROPERTY", LocalDate.now().minusDays(30),
        "物业项目成立党支部，设立红色议事厅，每月与社区联合开展议事协商"));
    String caseNo = caseNo(pid);
    assertThat(tasks.createTaskQuery().processInstanceId(pid).count()).isZero();
    var e = repository.entry(caseNo).orElseThrow();
    assertThat(e.status()).isEqualTo("VERIFIED");
    assertThat(e.points()).isEqualByComparingTo("8");
    assertThat(e.recorderOrg()).isEqualTo("城厢镇");
  }

  @Test
  void badEntriesAreRefusedAndNothingIsStored() {
    Compound c = PropertyTestSupport.compound(repository, jdbc, "dongcang");
    int before = repository.count("property_credit_entry");
    RestClient.Response bad = startForm(port, "dongcang", PropertyProcesses.ENTRY, Map.of("compoundCode", "XQ8888",
        "category", "NEG_NOPE", "occurredOn", LocalDate.now().plusDays(1).toString(), "evidence", "太短"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("compoundCode", "category", "occurredOn", "evidence");
    RestClient.Response old = startForm(port, "dongcang", PropertyProcesses.ENTRY, entry(c, "NEG_COMPLAINT",
        LocalDate.now().minusMonths(13), "一年多以前的投诉记录，已超过有效期"));
    assertThat(old.status()).isEqualTo(400);
    assertThat(old.body()).contains("occurredOn", "12 个月");
    RestClient.Response foreign = startForm(port, "taiping", PropertyProcesses.ENTRY, entry(c, "NEG_COMPLAINT",
        LocalDate.now(), "太平社区试图记录东仓社区小区的情况"));
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.body()).contains("不在您所在的社区或街道");
    RestClient.Response unit = startForm(port, "zuzhibu", PropertyProcesses.ENTRY, entry(c, "NEG_COMPLAINT",
        LocalDate.now(), "组织部不是记录主体，不能发起"));
    assertThat(unit.status()).isEqualTo(403);
    assertThat(repository.count("property_credit_entry")).isEqualTo(before);
  }
}
