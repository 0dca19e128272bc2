package cn.ronghe.reserve;

import cn.ronghe.career.policy.DecisionTables;
import java.util.Map;

/** The assessment suggestion and the readiness suggestion (DMN {@code reserve-assessment}, {@code reserve-readiness}). */
public final class ReserveRules {

  public record Readiness(String ready, String note) {
  }

  private final DecisionTables tables;

  public ReserveRules(DecisionTables tables) {
    this.tables = tables;
  }

  /** EXCELLENT, COMPETENT or WEAK. */
  public String suggest(int trainingCount, int forumCount, String mentorOpinion) {
    return (String) tables.single(ReserveProcesses.ASSESSMENT_TABLE, Map.of("trainingCount", trainingCount,
        "forumCount", forumCount, "mentorOpinion", mentorOpinion)).get("result");
  }

  public Readiness readiness(int weakYears, int excellentYears) {
    Map<String, Object> r = tables.single(ReserveProcesses.READINESS_TABLE, Map.of("weakYears", weakYears,
        "excellentYears", excellentYears));
    return new Readiness((String) r.get("ready"), (String) r.get("note"));
  }

  public String version() {
    return tables.version(ReserveProcesses.ASSESSMENT_TABLE) + "; " + tables.version(ReserveProcesses.READINESS_TABLE);
  }

  static String resultLabel(String result) {
    return switch (result) {
      case "EXCELLENT" -> "优秀";
      case "COMPETENT" -> "合格";
      default -> "待改进";
    };
  }
}
