package cn.ronghe.career.registry;

import cn.ronghe.career.AssessmentResult;
import cn.ronghe.career.GradeChange;
import cn.ronghe.career.Worker;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How the API shows workers: codes for programs, Chinese labels for people. */
public final class WorkerJson {

  private WorkerJson() {
  }

  public record WorkerSummary(String workerId, String name, String gender, String communityCode, String communityName,
      String streetCode, String post, String postLabel, String duty, int grade, LocalDate gradeSince,
      BigDecimal payCoefficient, String education, String educationLabel, String qualification,
      String qualificationLabel, LocalDate serviceStart, LocalDate hiredOn, String status, String statusLabel,
      LocalDate statusSince, String originCaseNo, boolean sampleData) {
  }

  public record Assessment(int year, String result, String label) {
  }

  public record HistoryLine(String kind, String kindLabel, String fromPost, String toPost, Integer fromGrade,
      int toGrade, BigDecimal payCoefficient, String reason, String decidedBy, LocalDate effectiveDate, String caseNo,
      String processInstanceId, String ruleVersion) {
  }

  public record WorkerDetail(WorkerSummary worker, LocalDate birthDate, List<Assessment> assessments,
      List<HistoryLine> history) {
  }

  public static WorkerSummary summary(Worker w) {
    return new WorkerSummary(w.workerId(), w.name(), w.gender().label(), w.communityCode(), w.communityName(),
        w.streetCode(), w.post().name(), w.post().label(), w.duty(), w.grade(), w.gradeSince(), w.payCoefficient(),
        w.education().name(), w.education().label(), w.qualification().name(), w.qualification().label(),
        w.serviceStart(), w.hiredOn(), w.status().name(), w.status().label(), w.statusSince(), w.originCaseNo(),
        w.sampleData());
  }

  public static WorkerDetail detail(Worker w, Map<Integer, AssessmentResult> results, List<GradeChange> history) {
    List<Assessment> assessments = new TreeMap<>(results).entrySet().stream()
        .map(e -> new Assessment(e.getKey(), e.getValue().name(), e.getValue().label())).toList();
    List<HistoryLine> lines = history.stream().map(h -> new HistoryLine(h.kind().name(), h.kind().label(),
        h.fromPost() == null ? null : h.fromPost().label(), h.toPost().label(), h.fromGrade(), h.toGrade(),
        h.payCoefficient(), h.reason(), h.decidedBy(), h.effectiveDate(), h.caseNo(), h.processInstanceId(),
        h.ruleVersion())).toList();
    return new WorkerDetail(summary(w), w.birthDate(), assessments, lines);
  }
}
