package cn.ronghe.career.review;

import cn.ronghe.career.CareerProcesses;
import cn.ronghe.career.GradeAction;
import cn.ronghe.identity.Groups;
import cn.ronghe.organisation.Community;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.platform.error.FieldProblem;
import cn.ronghe.platform.notification.Notifier;
import cn.ronghe.platform.process.CaseVariables;
import cn.ronghe.platform.process.FormInput;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of {@code annual-grade-review-street}: one street's batch in a review cycle. */
@Configuration
class StreetBatchSteps {

  /** Rows shown in a task's table; the API lists any number. */
  static final int TABLE_ROWS = 3000;

  private final ReviewBatches batches;
  private final ReviewRepository reviews;
  private final IdentityService identity;
  private final RegistryRepository registry;
  private final ObjectMapper json = new ObjectMapper();

  StreetBatchSteps(ReviewBatches batches, ReviewRepository reviews, IdentityService identity,
      RegistryRepository registry) {
    this.batches = batches;
    this.reviews = reviews;
    this.identity = identity;
    this.registry = registry;
  }

  @Bean
  JavaDelegate checkStreetProgress() {
    return execution -> execution.setVariable("nextStep", batches.nextStep(cycle(execution), street(execution)));
  }

  @Bean
  JavaDelegate proposeGrades() {
    return execution -> batches.propose(cycle(execution), street(execution), execution.getProcessInstanceId());
  }

  @Bean
  JavaDelegate applyGradeChanges() {
    return execution -> {
      batches.applyChunk(cycle(execution), street(execution), execution.getProcessInstanceId());
      execution.setVariable("moreToApply", batches.moreToApply(cycle(execution), street(execution)));
    };
  }

  @Bean
  JavaDelegate reportStreetDone(ReviewCycles cycles) {
    return execution -> cycles.checkCompletion(cycle(execution));
  }

  /** Create listener of every user task: the table of reviews it is about, a summary, and a telling name. */
  @Bean
  TaskListener prepareReviewTask() {
    return task -> {
      String cycleNo = cycle(task.getExecution());
      String street = street(task.getExecution());
      String key = task.getTaskDefinitionKey();
      String org = (String) task.getVariable("streetName");
      List<Review> rows;
      String title;
      String hint;
      if ("Task_EnterAssessments".equals(key)) {
        rows = reviews.reviews(cycleNo, street, null, List.of(ReviewStage.DUE), ReviewBatches.MAX_ROWS);
        title = "录入年度考核结果";
        hint = "请录入下列人员的 " + task.getVariable("reviewYear") + " 年度考核结果（优秀、称职、基本称职、不称职）：可在下方逐行填写"
            + "“工号,考核结果”，或通过接口导入 CSV 文件；全部录入后提交。";
      } else if ("Task_ReviseReturned".equals(key)) {
        rows = reviews.reviews(cycleNo, street, null, List.of(ReviewStage.RETURNED), ReviewBatches.MAX_ROWS);
        title = "处理退回的评定建议";
        hint = "社区退回了下列建议。请逐人填写一行“工号 考核结果 说明”：考核结果有误的填写更正后的结果（将重新生成建议），"
            + "无误的填写原结果并说明（建议退回社区再次确认）。";
      } else {
        BatchStep step = BatchStep.ofTask(key);
        String community = step.perCommunity() ? (String) task.getVariable("communityCode") : null;
        rows = batches.batch(step, cycleNo, street, community);
        title = step.title;
        hint = step.hint;
        if (community != null) {
          org = registry.community(community).map(Community::name).orElse(community);
          task.setVariableLocal(CaseVariables.CASE_ORG, org);
        }
      }
      String summary = org + " · " + task.getVariable("reviewYear") + " 年度 · " + counts(rows, key);
      // <step> · <case number> · <subject>, like every task name (InboxConventionsTest)
      task.setName(title + " · " + task.getVariable(CaseVariables.CASE_NO) + " · " + summary);
      task.setVariableLocal("summary", summary);
      task.setVariableLocal("stageHint", hint);
      task.setVariableLocal("proposals", SpinValues.jsonValue(table(rows)).create());
    };
  }

  /** Street's task: results typed in the form are stored, and then none may be missing. */
  @Bean
  ExecutionListener assessmentsEntered(AssessmentEntry entry) {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      FormInput in = FormInput.of(execution);
      String text = in.text("assessmentLines", "考核结果", 1_000_000, false);
      in.throwIfInvalid();
      List<FieldProblem> problems = new ArrayList<>();
      List<AssessmentEntry.Line> lines = AssessmentEntry.parse(text, "assessmentLines", problems);
      if (problems.isEmpty()) {
        problems.addAll(entry.enter((Integer) execution.getVariable("reviewYear"), street(execution), lines,
            "FORM", CareerProcesses.actor(identity), "assessmentLines"));
      }
      if (problems.isEmpty()) {
        List<Review> due = reviews.reviews(cycle(execution), street(execution), null,
            List.of(ReviewStage.DUE), 10);
        if (!due.isEmpty()) {
          problems.add(new FieldProblem("assessmentLines", "还有人员未录入考核结果，如：" + String.join("、",
              due.stream().map(r -> r.workerId() + " " + r.workerName()).toList()), "some results are still missing"));
        }
      }
      if (!problems.isEmpty()) {
        throw FormInput.invalid(problems);
      }
      execution.removeVariable("assessmentLines");
    };
  }

  @Bean
  ExecutionListener reviewRevision() {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      FormInput in = FormInput.of(execution);
      String text = in.text("revisionLines", "处理意见", 200_000, true);
      in.throwIfInvalid();
      batches.revise(cycle(execution), street(execution), text, CareerProcesses.actor(identity),
          execution.getProcessInstanceId());
      execution.removeVariable("revisionLines");
    };
  }

  /**
   * End listener of the three batch tasks (an execution listener: its form errors reach the caller as HTTP 400):
   * confirm all but the listed reviews, which go back with their reasons. The typed lines are removed afterwards:
   * parallel community tasks share the process scope, and one community's lines must not reach another's form.
   */
  @Bean
  ExecutionListener batchDecision() {
    return execution -> {
      if (execution.isCanceled()) {
        return;
      }
      FormInput in = FormInput.of(execution);
      String lines = in.text("sendBackLines", "退回的建议", 200_000, false);
      Boolean all = in.bool("confirmAll", "同意其余全部建议", true);
      String comment = in.text("comment", "意见", 500, false);
      if (Boolean.FALSE.equals(all)) {
        in.addProblem("confirmAll", "请勾选“同意其余全部建议”；不同意的请逐条列入退回", "confirm the rest of the batch");
      }
      in.throwIfInvalid();
      BatchStep step = BatchStep.ofTask(execution.getCurrentActivityId());
      String community = step.perCommunity() ? (String) execution.getVariable("communityCode") : null;
      batches.decide(step, cycle(execution), street(execution), community, lines, comment,
          CareerProcesses.actor(identity), execution.getProcessInstanceId());
      execution.removeVariables(List.of("sendBackLines", "confirmAll", "comment"));
    };
  }

  @Bean
  JavaDelegate remindPendingCommunities(TaskService tasks, Notifier notifier) {
    return execution -> {
      for (var t : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
          .taskDefinitionKey(BatchStep.CONFIRM.taskKey).list()) {
        String community = (String) tasks.getVariable(t.getId(), "communityCode");
        notifier.toGroup(Groups.community(community), "请尽快确认等级评定建议", t.getName() + "，将于 " + t.getDueDate()
                + " 到期。", (String) execution.getVariable(CaseVariables.CASE_NO), execution.getProcessInstanceId(),
            "review-confirm-reminder:" + t.getId());
      }
    };
  }

  private static String counts(List<Review> rows, String key) {
    if ("Task_EnterAssessments".equals(key) || "Task_ReviseReturned".equals(key)) {
      return rows.size() + " 人";
    }
    Map<GradeAction, Long> by = new LinkedHashMap<>();
    for (GradeAction a : GradeAction.values()) {
      by.put(a, rows.stream().filter(r -> r.proposal() == a).count());
    }
    return rows.size() + " 人（晋升 " + by.get(GradeAction.PROMOTE) + " · 保持 " + by.get(GradeAction.HOLD) + " · 降级 "
        + by.get(GradeAction.DEMOTE) + "）";
  }

  private String table(List<Review> rows) {
    List<Map<String, Object>> table = new ArrayList<>();
    for (Review r : rows.subList(0, Math.min(rows.size(), TABLE_ROWS))) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("workerId", r.workerId());
      row.put("name", r.workerName());
      row.put("community", r.communityName());
      row.put("post", r.post().label());
      row.put("grade", r.gradeBefore());
      row.put("result", r.assessment() == null ? "" : r.assessment().label());
      row.put("proposal", r.proposal() == null ? "" : r.proposal().label());
      row.put("newGrade", r.proposedGrade() == null ? "" : String.valueOf(r.proposedGrade()));
      row.put("reason", r.proposalReason() == null ? "" : r.proposalReason());
      row.put("note", r.stageNote() == null ? "" : r.stageNote());
      table.add(row);
    }
    try {
      return json.writeValueAsString(table);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String cycle(DelegateExecution execution) {
    return (String) execution.getVariable("cycleNo");
  }

  private static String street(DelegateExecution execution) {
    return (String) execution.getVariable("streetCode");
  }

}
