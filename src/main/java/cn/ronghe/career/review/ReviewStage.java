package cn.ronghe.career.review;

import cn.ronghe.career.Labelled;
import java.util.EnumSet;
import java.util.Set;

/** Where one worker's annual review stands. */
public enum ReviewStage implements Labelled {
  DUE("待录入考核结果"),
  ASSESSED("待生成建议"),
  PROPOSED("待社区确认"),
  RETURNED("社区退回，待街道处理"),
  CONFIRMED("待街道审核"),
  REVIEWED("待市民政局审批"),
  NO_CHANGE("已批准，等级不变"),
  IN_NOTICE("公示中"),
  OBJECTED("有异议，暂缓"),
  RELEASED("公示期满，待生效"),
  EFFECTIVE("已生效"),
  WITHDRAWN("异议成立，已撤销"),
  SKIPPED("未执行（人员或等级已变动）");

  public static final Set<ReviewStage> FINAL = EnumSet.of(NO_CHANGE, EFFECTIVE, WITHDRAWN, SKIPPED);

  private final String label;

  ReviewStage(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
