package cn.ronghe.branch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RongheSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo branches: 132 action branches with their central tasks, ordinary branches in every community. */
@RongheSpringTest
class BranchDemoDataTest {

  @Autowired
  JdbcClient jdbc;

  int count(String sql) {
    return jdbc.sql(sql).query(Integer.class).single();
  }

  @Test
  void everyCommunityHasActionAndOrdinaryBranches() {
    String demo = "SELECT COUNT(*) FROM branch_party_branch WHERE name NOT LIKE '测试%' AND kind = ";
    assertThat(count(demo + "'ACTION'")).isEqualTo(BranchDemoData.ACTION_BRANCHES);
    assertThat(count(demo + "'ACTION' AND central_task IS NULL")).isZero();
    assertThat(count("SELECT COUNT(*) FROM org_community c WHERE c.active AND NOT EXISTS (SELECT 1 FROM "
        + "branch_party_branch b WHERE b.community_code = c.code AND b.kind = 'ACTION')")).isZero();
    assertThat(count("SELECT COUNT(*) FROM org_community c WHERE c.active AND NOT EXISTS (SELECT 1 FROM "
        + "branch_party_branch b WHERE b.community_code = c.code AND b.kind = 'REGULAR')")).isZero();
    assertThat(count("SELECT COUNT(*) FROM branch_star_history")).isGreaterThan(100);
  }
}
