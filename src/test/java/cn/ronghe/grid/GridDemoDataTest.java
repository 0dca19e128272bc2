package cn.ronghe.grid;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RongheSpringTest;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 504 demo grids over every community, closed reports for the figures, three open reports at three levels. */
@RongheSpringTest
class GridDemoDataTest {

  @Autowired
  GridDemoData demo;
  @Autowired
  TaskService tasks;
  @Autowired
  JdbcClient jdbc;

  int count(String sql) {
    return jdbc.sql(sql).query(Integer.class).single();
  }

  @Test
  void gridsInEveryCommunityAndReportsAtEveryLevel() {
    assertThat(count("SELECT COUNT(*) FROM grid_unit WHERE code NOT LIKE 'G9%'")).isEqualTo(GridDemoData.GRIDS);
    assertThat(count("SELECT COUNT(*) FROM org_community c WHERE c.active AND NOT EXISTS (SELECT 1 FROM grid_unit g "
        + "WHERE g.community_code = c.code)")).isZero();
    assertThat(count("SELECT COUNT(*) FROM grid_report WHERE sample_data AND status = 'CLOSED'")).isEqualTo(160);

    demo.seedCases();
    demo.seedCases();
    for (String key : new String[] {"Task_CommunityHandle", "Task_StreetHandle", "Task_DeptHandle"}) {
      assertThat(tasks.createTaskQuery().processDefinitionKey(GridProcesses.REPORT).taskDefinitionKey(key)
          .processVariableValueEquals("communityCode", "dongcang").count()).as(key).isGreaterThanOrEqualTo(1);
    }
    assertThat(count("SELECT COUNT(*) FROM programme_demo_seed WHERE item = 'grid-cases'")).isEqualTo(1);
  }
}
