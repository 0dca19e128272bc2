package cn.ronghe.evaluation;

/**
 * Keys, messages and variables of the evaluation processes: {@code evaluation-cycle-scheduler} (the yearly
 * timer), {@code two-way-evaluation-cycle} (one per year and scope), {@code pairing-evaluation} (one per pairing,
 * started by the cycle in batches) and {@code evaluation-rating} (one per direction of a pairing).
 */
public final class EvaluationProcesses {

  public static final String CYCLE = "two-way-evaluation-cycle";
  public static final String PAIRING = "pairing-evaluation";
  public static final String RATING = "evaluation-rating";
  public static final String SCHEDULER = "evaluation-cycle-scheduler";

  public static final String MSG_ALL_RATED = "Msg_AllPairingsRated";
  public static final String MSG_PUBLISHED = "Msg_ResultsPublished";

  // Cycle
  public static final String EVAL_YEAR = "evalYear";
  public static final String SCOPE_TYPE = "scopeType";
  public static final String SCOPE_STREET = "streetCode";
  public static final String START_NOTE = "startNote";
  public static final String TRIGGER = "triggerKind";
  public static final String STARTED_BY = "startedBy";
  public static final String CYCLE_ID = "cycleId";
  public static final String CYCLE_NO = "cycleNo";
  public static final String REFUSAL = "refusalReason";
  public static final String MORE_TO_OPEN = "moreToOpen";
  public static final String MORE_TO_NOTIFY = "morePairingsToNotify";
  public static final String REVIEW_STREETS = "reviewStreets";
  public static final String REVIEW_STREET = "reviewStreet";

  // Pairing and rating
  public static final String PAIRING_ID = "pairingId";
  public static final String UNIT_CODE = "unitCode";
  public static final String UNIT_NAME = "unitName";
  public static final String COMMUNITY_CODE = "communityCode";
  public static final String COMMUNITY_NAME = "communityName";
  public static final String STREET_CODE = "pairingStreet";
  public static final String STREET_NAME = "streetName";
  public static final String PERIOD_FROM = "periodFrom";
  public static final String PERIOD_TO = "periodTo";
  public static final String RATING_REMINDER = "ratingReminder";
  public static final String RATING_DUE = "ratingDue";
  public static final String RATING_CLOSE = "ratingClose";
  public static final String DIRECTION = "direction";
  public static final String RATER_GROUP = "raterGroup";
  public static final String RATED_BY = "ratedBy";
  public static final String RATING_COMMENT = "ratingComment";
  public static final String PAIRING_DISSOLVED = "pairingDissolved";
  public static final String RECTIFICATION_SIDES = "rectificationSides";
  public static final String RATED_SIDE = "ratedSide";
  public static final String RECTIFICATION_DUE = "rectificationDue";
  public static final String CHECK_DECISION = "checkDecision";

  private EvaluationProcesses() {
  }
}
