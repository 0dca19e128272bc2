package cn.ronghe.career.review;

/**
 * The three batch decisions of the annual review. Each acts on the reviews at {@code from} in its scope (a
 * community, or a whole street); the ones sent back go to {@code back}, the rest move on.
 */
enum BatchStep {
  CONFIRM("Task_ConfirmProposals", ReviewStage.PROPOSED, ReviewStage.CONFIRMED, ReviewStage.RETURNED,
      "社区确认评定建议", "退回街道", "核对本社区每人的考核结果和评定建议。同意的不必逐条操作：勾选“同意其余全部建议”即可；"
          + "有误的逐条退回街道并写明理由。"),
  REVIEW("Task_ReviewProposals", ReviewStage.CONFIRMED, ReviewStage.REVIEWED, ReviewStage.PROPOSED,
      "街道审核评定建议", "退回社区", "审核本街道全部经社区确认的评定建议。同意其余全部建议即报市民政局审批；"
          + "个别有疑问的逐条退回社区重新确认。"),
  APPROVE("Task_ApproveProposals", ReviewStage.REVIEWED, null, ReviewStage.CONFIRMED,
      "审批评定建议", "退回街道", "批准后，保持等级的即告结束，晋升和降级的进入公示（默认 5 个工作日），"
          + "公示期满无异议的于生效日期调整等级；个别有疑问的逐条退回街道重新审核。");

  final String taskKey;
  final ReviewStage from;
  final ReviewStage to;
  final ReviewStage back;
  final String title;
  final String backLabel;
  final String hint;

  BatchStep(String taskKey, ReviewStage from, ReviewStage to, ReviewStage back, String title, String backLabel,
      String hint) {
    this.taskKey = taskKey;
    this.from = from;
    this.to = to;
    this.back = back;
    this.title = title;
    this.backLabel = backLabel;
    this.hint = hint;
  }

  static BatchStep ofTask(String taskKey) {
    for (BatchStep s : values()) {
      if (s.taskKey.equals(taskKey)) {
        return s;
      }
    }
    throw new IllegalArgumentException("Not a batch task: " + taskKey);
  }

  boolean perCommunity() {
    return this == CONFIRM;
  }
}
