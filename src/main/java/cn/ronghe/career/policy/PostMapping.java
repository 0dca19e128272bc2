package cn.ronghe.career.policy;

/** The grade a worker takes in a new post. */
public record PostMapping(Band band, int newGrade, String reason, String ruleVersion) {
}
