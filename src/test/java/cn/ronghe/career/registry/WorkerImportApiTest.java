package cn.ronghe.career.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import cn.ronghe.career.GradeChange;
import cn.ronghe.career.Worker;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Civil affairs brings existing workers into the registry from a file: all or nothing, recorded. */
@RongheSpringTest
class WorkerImportApiTest {

  @LocalServerPort
  int port;
  @Autowired
  WorkerRepository workers;
  @Autowired
  JdbcClient jdbc;

  private String file(String... lines) {
    return WorkerFileTest.HEADER + String.join("\n", lines) + "\n";
  }

  private RestClient.Response upload(String user, String csv) {
    return RestClient.as(port, user).postBytes("/api/career/workers/import", "text/csv",
        csv.getBytes(StandardCharsets.UTF_8));
  }

  private int registrySize() {
    return jdbc.sql("SELECT COUNT(*) FROM career_worker").query(Integer.class).single();
  }

  @Test
  void civilAffairsImportsWorkersWithTheirHistoryAndAudit() {
    String own = "IMP-" + UUID.randomUUID().toString().substring(0, 8);
    RestClient.Response r = upload("minzheng", file(
        own + ",顾晓岚,女,1988-02-14,dongcang,其他社区工作者,网格员,4,2023-03-01,大专,助理社会工作师,2012-07-01,2014-05-06",
        ",钱卫东,男,1976-08-30,taiping,社区正职,党委书记、居委会主任,11,2021-06-01,本科,社会工作师,1998-07-01,2002-03-01"));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode body = r.json();
    assertThat(body.get("imported").asInt()).isEqualTo(2);
    assertThat(body.get("firstWorkerId").asText()).isEqualTo(own);
    String assigned = body.get("lastWorkerId").asText();
    assertThat(assigned).matches("W\\d{6}");

    Worker w = workers.find(assigned).orElseThrow();
    assertThat(w.name()).isEqualTo("钱卫东");
    assertThat(w.grade()).isEqualTo(11);
    assertThat(w.streetCode()).isEqualTo("chengxiang");
    List<GradeChange> history = workers.history(assigned);
    assertThat(history).singleElement().satisfies(h -> {
      assertThat(h.kind()).isEqualTo(GradeChange.ChangeKind.INITIAL);
      assertThat(h.reason()).startsWith("名册导入");
      assertThat(h.decidedBy()).isEqualTo("minzheng");
      assertThat(h.ruleVersion()).contains("career-pay-coefficient");
    });
    JsonNode audit = RestClient.as(port, "minzheng").get("/api/audit/" + assigned).json();
    assertThat(audit.get("decisions")).anySatisfy(d -> {
      assertThat(d.get("decision").asText()).isEqualTo("IMPORTED");
      assertThat(d.get("actor").asText()).isEqualTo("minzheng");
    });
  }

  @Test
  void oneBadLineImportsNothingAndNamesTheLine() {
    int before = registrySize();
    RestClient.Response r = upload("minzheng", file(
        ",甲,女,1988-02-14,dongcang,其他社区工作者,网格员,4,2023-03-01,大专,无,2012-07-01,2014-05-06",
        ",乙,女,1988-02-14,dongcang,其他社区工作者,网格员,14,2023-03-01,大专,无,2012-07-01,2014-05-06"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("problems").get(0).get("messageZh").asText()).startsWith("第 3 行：等级 14");
    assertThat(r.json().get("messageEn").asText()).contains("line 3");
    assertThat(registrySize()).isEqualTo(before);
  }

  @Test
  void onlyCivilAffairsMayImport() {
    int before = registrySize();
    String csv = file(",丙,女,1988-02-14,dongcang,其他社区工作者,网格员,4,2023-03-01,大专,无,2012-07-01,2014-05-06");
    assertThat(upload("dongcang", csv).status()).isEqualTo(403);
    assertThat(upload("loudong", csv).status()).isEqualTo(403);
    assertThat(registrySize()).isEqualTo(before);
  }
}
