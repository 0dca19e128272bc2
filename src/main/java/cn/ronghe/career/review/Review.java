package cn.ronghe.career.review;

import cn.ronghe.career.AssessmentResult;
import cn.ronghe.career.GradeAction;
import cn.ronghe.career.Post;
import java.time.LocalDate;

/** One worker's review in one year: a row of career_review, with the worker's name for display. */
public record Review(long id, String cycleNo, int reviewYear, String workerId, String workerName, String caseNo,
    String streetCode, String communityCode, String communityName, Post post, int gradeBefore,
    AssessmentResult assessment, GradeAction proposal, Integer proposedGrade, String proposalReason,
    String ruleVersion, ReviewStage stage, String stageNote, String stageBy, String approvedBy, String noticeNo,
    LocalDate effectiveDate) {
}
