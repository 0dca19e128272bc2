package cn.ronghe.grid;

import java.time.LocalDateTime;

/** The records of the grid capability. */
public final class GridRecords {

  private GridRecords() {
  }

  /** A grid party organisation (网格党组织) of a community. */
  public record Grid(String code, String name, String communityCode, String communityName, String streetCode,
      String secretary, int households, int partyMembers, boolean active, boolean sampleData) {
  }

  /** A reported problem and where it stands. */
  public record Report(String caseNo, String gridCode, String gridName, String communityCode, String streetCode,
      String category, String categoryLabel, String location, String description, String reporter,
      LocalDateTime reportedAt, String status, String deptCode, String resolvedLevel, String outcome, int escalations,
      int reopens, int overdueCount, LocalDateTime closedAt, String closedHow) {
  }

  /** Throughput of one grid, community or street. */
  public record Throughput(String code, String name, int reported, int open, int closed, int escalated,
      int toDepartment, int reopened, int overdue, Double averageDaysToClose) {
  }
}
