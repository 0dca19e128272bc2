package cn.ronghe.reserve;

import java.time.LocalDate;

/** The records of the reserve plan. */
public final class ReserveRecords {

  private ReserveRecords() {
  }

  public record Cohort(String code, String name, int startYear, int endYear, boolean active) {
  }

  /** A reserve candidate (后备人选) with where the plan stands. */
  public record Candidate(long id, String caseNo, String cohortCode, String communityCode, String communityName,
      String streetCode, String fullName, String gender, int birthYear, String education, String currentPost,
      String mentor, String reasons, Long replacesId, String status, String statusNote, boolean sampleData) {
  }

  /** A lead-goose training round (TRAINING) or a quarterly forum (FORUM) and how many attended. */
  public record Session(long id, String cohortCode, String kind, String title, LocalDate heldOn, String place,
      int attendees) {
  }

  /** One year's assessment. */
  public record Assessment(int year, int trainingCount, int forumCount, String mentorOpinion, String suggested,
      String result, String comment, String decidedBy) {
  }
}
