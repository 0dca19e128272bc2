package cn.ronghe.career.policy;

import cn.ronghe.career.GradeAction;

/** The annual review's proposal for one worker, with the reason people read and the rule versions. */
public record Proposal(GradeAction action, int gradeBefore, int newGrade, String reason, String ruleVersion) {
}
