package cn.ronghe.admission;

import static cn.ronghe.admission.MatterAdmission.*;

import cn.ronghe.platform.audit.DecisionLog;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Table adm_street_opinion, and the delegate {@code recordMissingStreetOpinions} that records "no opinion" for
 * every affected street that did not answer before the deadline.
 */
@Component("recordMissingStreetOpinions")
class StreetOpinions implements JavaDelegate {

  record Opinion(String streetCode, String opinion, String text, String actor, LocalDateTime decidedAt) {
    String label() {
      return switch (opinion) {
        case "AGREE" -> "同意";
        case "AGREE_WITH_CONDITIONS" -> "有条件同意";
        case "DISAGREE" -> "不同意";
        default -> "无意见（逾期未答复）";
      };
    }
  }

  private final JdbcClient jdbc;
  private final AdmissionNames names;
  private final DecisionLog decisions;

  StreetOpinions(JdbcClient jdbc, AdmissionNames names, DecisionLog decisions) {
    this.jdbc = jdbc;
    this.names = names;
    this.decisions = decisions;
  }

  /** Records the opinion once; a repeated call for the same street changes nothing. */
  boolean record(String caseNo, String street, String opinion, String text, String actor) {
    boolean exists = jdbc.sql("SELECT COUNT(*) FROM adm_street_opinion WHERE case_no = :c AND street_code = :s")
        .param("c", caseNo).param("s", street).query(Integer.class).single() > 0;
    if (exists) {
      return false;
    }
    jdbc.sql("INSERT INTO adm_street_opinion (case_no, street_code, opinion, opinion_text, actor, decided_at) "
            + "VALUES (:c, :s, :o, :t, :a, :at)")
        .param("c", caseNo).param("s", street).param("o", opinion).param("t", text).param("a", actor)
        .param("at", ApplicationRepository.now()).update();
    return true;
  }

  List<Opinion> forCase(String caseNo) {
    return jdbc.sql("SELECT street_code, opinion, opinion_text, actor, decided_at FROM adm_street_opinion "
            + "WHERE case_no = :c ORDER BY decided_at, street_code")
        .param("c", caseNo)
        .query((rs, i) -> new Opinion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toLocalDateTime())).list();
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNo = execution.getProcessBusinessKey();
    Set<String> answered = new HashSet<>(forCase(caseNo).stream().map(Opinion::streetCode).toList());
    for (String street : names.affectedStreets(execution)) {
      if (!answered.contains(street) && record(caseNo, street, NO_OPINION, null, Actors.SYSTEM)) {
        decisions.record(execution, NO_OPINION, names.street(street) + "逾期未答复，记为无意见", Actors.SYSTEM,
            Actors.processVersion(execution));
      }
    }
  }
}
