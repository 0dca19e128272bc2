package cn.ronghe.cobuilding;

import java.time.LocalDateTime;

/** A monthly progress report (月度进展报告) of a project. */
public record ProgressReport(String reportMonth, int progressPct, String workDone, String nextSteps, String issues,
    boolean finished, LocalDateTime dueAt, LocalDateTime submittedAt, String submittedBy, boolean late) {
}
