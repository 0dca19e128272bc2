package cn.ronghe.platform.audit;

import java.time.LocalDateTime;

/**
 * One recorded decision on a case.
 *
 * @param step         the process step (BPMN element id), e.g. Task_FinalApproval
 * @param decision     a short code: APPROVED, REJECTED, RETURNED, PROMOTE, ADJUSTED...
 * @param ruleVersion  for rule decisions: the DMN decision key and version or the policy values applied
 */
public record AuditEntry(long id, String caseNo, String processKey, String processInstanceId, String step,
    String decision, String reason, String actor, String ruleVersion, LocalDateTime decidedAt) {
}
