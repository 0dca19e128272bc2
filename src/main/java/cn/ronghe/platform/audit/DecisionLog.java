package cn.ronghe.platform.audit;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The audit trail of decisions (table {@code audit_decision}). Written in the engine's transaction, so a
 * decision is recorded exactly when the step that took it commits.
 */
@Service
public class DecisionLog {

  private final JdbcClient jdbc;

  public DecisionLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String caseNo, String processKey, String processInstanceId, String step, String decision,
      String reason, String actor, String ruleVersion) {
    jdbc.sql("INSERT INTO audit_decision (case_no, process_key, process_instance_id, step, decision, reason, actor, "
            + "rule_version, decided_at) VALUES (:c, :k, :p, :s, :d, :r, :a, :v, :t)")
        .param("c", caseNo).param("k", processKey).param("p", processInstanceId).param("s", step)
        .param("d", decision).param("r", truncate(reason, 2000)).param("a", actor == null ? "system" : actor)
        .param("v", truncate(ruleVersion, 200))
        .param("t", LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault()))
        .update();
  }

  /** Records a decision taken in a process step; the case number is the instance's business key. */
  public void record(DelegateExecution execution, String decision, String reason, String actor, String ruleVersion) {
    String processKey = execution.getProcessDefinitionId().split(":")[0];
    record(execution.getProcessBusinessKey(), processKey, execution.getProcessInstanceId(),
        execution.getCurrentActivityId(), decision, reason, actor, ruleVersion);
  }

  public List<AuditEntry> forCase(String caseNo) {
    return jdbc.sql("SELECT id, case_no, process_key, process_instance_id, step, decision, reason, actor, "
            + "rule_version, decided_at FROM audit_decision WHERE case_no = :c ORDER BY decided_at, id")
        .param("c", caseNo)
        .query((rs, i) -> new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
            rs.getTimestamp(10).toLocalDateTime()))
        .list();
  }

  /**
   * The other case numbers under which the given process instances recorded decisions (a rating cycle decides for
   * each branch or company under its own number): how many there are, and the first {@code limit} by number with
   * their decision counts.
   */
  public RelatedCases relatedCases(String caseNo, List<String> processInstanceIds, int limit) {
    if (processInstanceIds.isEmpty()) {
      return new RelatedCases(0, List.of());
    }
    String where = " FROM audit_decision WHERE process_instance_id IN (:p) AND case_no <> :c";
    long total = jdbc.sql("SELECT COUNT(DISTINCT case_no)" + where).param("p", processInstanceIds).param("c", caseNo)
        .query(Long.class).single();
    List<RelatedCase> first = total == 0 ? List.of() : jdbc.sql("SELECT case_no, COUNT(*)" + where
            + " GROUP BY case_no ORDER BY case_no FETCH FIRST " + limit + " ROWS ONLY")
        .param("p", processInstanceIds).param("c", caseNo)
        .query((rs, i) -> new RelatedCase(rs.getString(1), rs.getLong(2))).list();
    return new RelatedCases(total, first);
  }

  /** A case whose decisions were taken in another case's process, e.g. one branch's rating in a cycle. */
  public record RelatedCase(String caseNo, long decisions) {
  }

  public record RelatedCases(long total, List<RelatedCase> first) {
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
