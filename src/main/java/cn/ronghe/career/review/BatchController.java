package cn.ronghe.career.review;

import cn.ronghe.career.CareerProcesses;
import cn.ronghe.notice.FormErrors;
import cn.ronghe.platform.error.RongheException;
import cn.ronghe.platform.security.ApiUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The approvers' inbox of the annual review as an API: one task per community or street, its reviews, and one
 * call that decides the whole batch (the same check as the Tasklist form). What a caller sees and completes is
 * decided by the engine's task authorizations.
 */
@RestController
@RequestMapping("/api/career/batches")
@Tag(name = "评定批次 Review batches", description = "年度等级评定的批量确认、审核、审批")
class BatchController {

  record BatchTask(String taskId, String name, String step, String caseNo, String summary, Date created, Date due) {
  }

  record BatchRow(String workerId, String name, String community, String post, int grade, String result,
      String proposal, Integer newGrade, String reason, String note, String caseNo) {
  }

  record BatchDetail(BatchTask task, List<BatchRow> reviews) {
  }

  record SendBack(String workerId, String reason) {
  }

  record Decision(List<SendBack> sendBack, String comment) {
  }

  record Decided(String taskId, int sentBack) {
  }

  private final TaskService tasks;
  private final ReviewBatches batches;

  BatchController(TaskService tasks, ReviewBatches batches) {
    this.tasks = tasks;
    this.batches = batches;
  }

  @GetMapping
  @Operation(summary = "My open batch tasks of the annual review (community confirmation, street review, approval)")
  List<BatchTask> mine(ApiUser user) {
    return tasks.createTaskQuery().processDefinitionKey(CareerProcesses.REVIEW_STREET)
        .taskDefinitionKeyIn(BatchStep.CONFIRM.taskKey, BatchStep.REVIEW.taskKey, BatchStep.APPROVE.taskKey)
        .orderByTaskCreateTime().asc().list().stream().map(this::summary).toList();
  }

  @GetMapping("/{taskId}")
  @Operation(summary = "One batch task and every review it decides")
  BatchDetail get(ApiUser user, @PathVariable String taskId) {
    Task t = task(taskId);
    BatchStep step = BatchStep.ofTask(t.getTaskDefinitionKey());
    String community = step.perCommunity() ? (String) tasks.getVariable(taskId, "communityCode") : null;
    List<BatchRow> rows = batches.batch(step, (String) tasks.getVariable(taskId, "cycleNo"),
            (String) tasks.getVariable(taskId, "streetCode"), community).stream()
        .map(r -> new BatchRow(r.workerId(), r.workerName(), r.communityName(), r.post().label(), r.gradeBefore(),
            r.assessment() == null ? null : r.assessment().label(), r.proposal() == null ? null : r.proposal().label(),
            r.proposedGrade(), r.proposalReason(), r.stageNote(), r.caseNo())).toList();
    return new BatchDetail(summary(t), rows);
  }

  @PostMapping("/{taskId}/decision")
  @Operation(summary = "Decide a whole batch: every review moves on except those sent back, each with its reason")
  Decided decide(ApiUser user, @PathVariable String taskId, @RequestBody Decision decision) {
    Task t = task(taskId);
    StringBuilder lines = new StringBuilder();
    List<SendBack> back = decision == null || decision.sendBack() == null ? List.of() : decision.sendBack();
    for (SendBack b : back) {
      lines.append(b.workerId() == null ? "" : b.workerId().strip()).append(' ')
          .append(b.reason() == null ? "" : b.reason().replace('\n', ' ').strip()).append('\n');
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put("sendBackLines", lines.toString());
    vars.put("confirmAll", true);
    vars.put("comment", decision == null ? null : decision.comment());
    try {
      tasks.complete(t.getId(), vars);
    } catch (FormFieldValidationException e) {
      throw FormErrors.toApiError(e);
    }
    return new Decided(t.getId(), back.size());
  }

  private Task task(String taskId) {
    Task t = tasks.createTaskQuery().taskId(taskId).processDefinitionKey(CareerProcesses.REVIEW_STREET)
        .singleResult();
    if (t == null || !List.of(BatchStep.CONFIRM.taskKey, BatchStep.REVIEW.taskKey, BatchStep.APPROVE.taskKey)
        .contains(t.getTaskDefinitionKey())) {
      throw RongheException.notFound("评定批次任务", taskId);
    }
    return t;
  }

  private BatchTask summary(Task t) {
    return new BatchTask(t.getId(), t.getName(), BatchStep.ofTask(t.getTaskDefinitionKey()).name(),
        (String) tasks.getVariable(t.getId(), "caseNo"), (String) tasks.getVariableLocal(t.getId(), "summary"),
        t.getCreateTime(), t.getDueDate());
  }
}
