package cn.ronghe.property;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The records of the property capability. */
public final class PropertyRecords {

  private PropertyRecords() {
  }

  /** A property-management company (物业服务企业) with the grade of its last published rating. */
  public record Company(String code, String name, String creditCode, String manager, String phone,
      String currentGrade, BigDecimal currentScore, boolean active, boolean sampleData) {
  }

  /** A residential compound (小区) in a community, served by one company. */
  public record Compound(String code, String name, String communityCode, String communityName, String streetCode,
      String address, int households, String companyCode, String companyName, LocalDate servedSince,
      boolean sampleData) {
  }

  /** A positive or negative entry with its evidence. */
  public record CreditEntry(long id, String caseNo, String companyCode, String compoundCode, String compoundName,
      String category, String categoryLabel, String kind, BigDecimal points, boolean forcesBlack,
      LocalDate occurredOn, String evidence, String recorderOrg, String recordedBy, String status, String statusNote) {
  }

  /** One company in one rating. */
  public record Rating(long id, String cycleNo, String companyCode, String companyName, BigDecimal baseScore,
      BigDecimal positivePoints, BigDecimal negativePoints, int entryCount, BigDecimal score, String grade,
      String listKind, String explanation, String stage, String stageNote, String ruleVersion) {
  }

  /** A place on the published red or black list. */
  public record ListEntry(long id, String companyCode, String companyName, String creditCode, String listKind,
      String grade, BigDecimal score, String cycleNo, LocalDate listedOn, LocalDate expiresOn, String status,
      String compounds) {
  }
}
