package cn.ronghe.cobuilding;

/** Process {@code co-building-project} (共建项目): from a claim (双向认领) to an agreed, executed, accepted project. */
public final class ProjectProcess {

  public static final String KEY = "co-building-project";
  public static final String MSG_CANCEL = "Msg_CancelProject";

  public static final String ITEM_NO = "itemNo";
  public static final String CLAIM_NOTE = "claimNote";
  public static final String CLAIMANT_CODE = "claimantCode";
  public static final String DIRECTION = "direction";
  public static final String DEMAND_ID = "demandId";
  public static final String RESOURCE_ID = "resourceId";
  public static final String PROJECT_ID = "projectId";
  public static final String PROJECT_NO = "projectNo";
  public static final String COMMUNITY_CODE = "communityCode";
  public static final String COMMUNITY_NAME = "communityName";
  public static final String UNIT_CODE = "unitCode";
  public static final String UNIT_NAME = "unitName";
  public static final String STREET_CODE = "streetCode";
  public static final String STREET_NAME = "streetName";
  public static final String CATEGORY = "category";
  public static final String CLAIMANT_GROUP = "claimantGroup";
  public static final String OWNER_GROUP = "ownerGroup";

  public static final String PROJECT_TITLE = "projectTitle";
  public static final String CONFIRM_DECISION = "confirmDecision";
  public static final String CONFIRM_COMMENT = "confirmComment";
  public static final String REVISION_COMMENT = "revisionComment";
  public static final String REPORT_MONTH = "reportMonth";
  public static final String REPORT_DUE = "reportDue";
  public static final String REPORT_REMINDER = "reportReminder";
  public static final String PROJECT_FINISHED = "projectFinished";
  public static final String LAST_WORK_DONE = "lastWorkDone";
  public static final String ACCEPTANCE_DECISION = "acceptanceDecision";
  public static final String CANCEL_REASON = "cancelReason";
  public static final String CANCELLED_BY = "cancelledBy";

  private ProjectProcess() {
  }
}
