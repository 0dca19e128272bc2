package cn.ronghe.property;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo companies, compounds, entries and published lists, and the demo entries waiting for the street. */
@RongheSpringTest
class PropertyDemoDataTest {

  @LocalServerPort
  int port;
  @Autowired
  PropertyDemoData demo;
  @Autowired
  TaskService tasks;
  @Autowired
  JdbcClient jdbc;

  int count(String sql) {
    return jdbc.sql(sql).query(Integer.class).single();
  }

  @Test
  void everyCommunityHasCompoundsAndTheListsOfThePublishedRatingAreCurrent() {
    assertThat(count("SELECT COUNT(*) FROM property_company WHERE code LIKE 'PC%'")).isEqualTo(16);
    assertThat(count("SELECT COUNT(*) FROM org_community c WHERE c.active AND NOT EXISTS (SELECT 1 FROM "
        + "property_compound x WHERE x.community_code = c.code)")).isZero();
    assertThat(count("SELECT COUNT(*) FROM property_credit_entry WHERE kind = 'NEGATIVE' AND status = 'VERIFIED'"))
        .isGreaterThan(20);
    RestClient.Response page = RestClient.anonymous(port).get("/public/property-credit");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("太仓市娄东物业管理有限公司", "太仓市弇山物业服务有限公司");

    demo.seedCases();
    demo.seedCases();
    assertThat(tasks.createTaskQuery().processDefinitionKey(PropertyProcesses.ENTRY).taskCandidateGroup(
        "street-loudong").count()).isGreaterThanOrEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM programme_demo_seed WHERE item = 'property-cases'")).isEqualTo(1);
  }
}
