package cn.ronghe.career;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** One line of a worker's grade history (等级变动记录). */
public record GradeChange(Long id, String workerId, ChangeKind kind, Post fromPost, Post toPost, Integer fromGrade,
    int toGrade, BigDecimal payCoefficient, String reason, String decidedBy, LocalDate effectiveDate, String caseNo,
    String processInstanceId, String ruleVersion, LocalDateTime recordedAt) {

  public enum ChangeKind implements Labelled {
    INITIAL("入职定级"),
    PROMOTE("晋升"),
    DEMOTE("降级"),
    POST_CHANGE("岗位调整");

    private final String label;

    ChangeKind(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }
}
