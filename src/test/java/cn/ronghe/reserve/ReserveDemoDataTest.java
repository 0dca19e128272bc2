package cn.ronghe.reserve;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RongheSpringTest;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo cohort: 59 candidates, four lead-goose rounds, quarterly forums, running plans of the active ones. */
@RongheSpringTest
class ReserveDemoDataTest {

  @Autowired
  ReserveDemoData demo;
  @Autowired
  ReserveRepository repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  JdbcClient jdbc;

  @Test
  void theCohortItsSessionsAndThePlans() {
    String cohort = ReserveDemoData.cohortCode();
    assertThat(repository.candidates(cohort, null, null)).hasSize(ReserveDemoData.CANDIDATES);
    assertThat(repository.sessions(cohort)).filteredOn(s -> s.kind().equals("TRAINING")).hasSizeBetween(2, 4)
        .allMatch(s -> s.attendees() > 30);
    assertThat(repository.sessions(cohort)).filteredOn(s -> s.kind().equals("FORUM")).hasSizeGreaterThanOrEqualTo(4);
    long active = repository.candidates(cohort, null, null).stream().filter(c -> c.status().equals("ACTIVE")).count();
    assertThat(active).isEqualTo(ReserveDemoData.CANDIDATES - 2);

    demo.seedCases();
    demo.seedCases();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ReserveProcesses.PLAN)
        .variableValueEquals("cohortStartYear", repository.cohort(cohort).orElseThrow().startYear()).count())
        .isEqualTo(active);
  }
}
