package cn.ronghe.admission;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.admission.ApplicationChecks.Banned;
import cn.ronghe.admission.ApplicationChecks.Outcome;
import cn.ronghe.admission.ApplicationChecks.Policy;
import cn.ronghe.admission.ApplicationChecks.Result;
import cn.ronghe.admission.catalogue.CatalogueItem;
import cn.ronghe.admission.catalogue.Frequency;
import cn.ronghe.admission.catalogue.ListType;
import cn.ronghe.platform.calendar.WorkingDays;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplicationChecksTest {

  /** Monday 2026-09-07; the National Day week (1–7 October) and the 调休 Sundays are on the calendar. */
  static final LocalDate TODAY = LocalDate.of(2026, 9, 7);
  static final WorkingDays CALENDAR = new WorkingDays(Map.of(
      LocalDate.of(2026, 9, 20), WorkingDays.Kind.WORKDAY,
      LocalDate.of(2026, 9, 25), WorkingDays.Kind.HOLIDAY,
      LocalDate.of(2026, 10, 1), WorkingDays.Kind.HOLIDAY, LocalDate.of(2026, 10, 2), WorkingDays.Kind.HOLIDAY,
      LocalDate.of(2026, 10, 5), WorkingDays.Kind.HOLIDAY, LocalDate.of(2026, 10, 6), WorkingDays.Kind.HOLIDAY,
      LocalDate.of(2026, 10, 7), WorkingDays.Kind.HOLIDAY, LocalDate.of(2026, 10, 10), WorkingDays.Kind.WORKDAY));
  static final Policy POLICY = new Policy(30, 0.6, 0.9, 3, List.of("协助", "开展", "做好", "工作", "社区"), "test");
  static final List<Banned> BANNED = List.of(new Banned("招商引资", "经济发展", "不再承担"),
      new Banned("协税护税", "税收征管", "不再承担"));
  static final List<CatalogueItem> CATALOGUE = List.of(
      item("XZ-01", "协助开展人口普查和人口抽样调查"),
      item("XZ-12", "协助组织老年人健康体检"),
      item("XZ-23", "协助生活垃圾分类宣传和督导"));

  static CatalogueItem item(String code, String name) {
    return new CatalogueItem(code, name, ListType.ASSISTANCE, "health", null, "内容", Frequency.YEARLY, 10,
        BigDecimal.ONE, false, false, false, null, LocalDate.of(2026, 1, 1), List.of(), true);
  }

  /** A sound assistance application starting on the earliest allowed day. */
  static Application good() {
    return new Application("协助开展社区适老化改造需求摸排", ListType.ASSISTANCE, null, "逐户了解老年人居家适老化改造需求",
        List.of(), earliest(), Frequency.YEARLY, 40, BigDecimal.valueOf(3000), false, true, false, null, "顾丽",
        "0512-53520000");
  }

  static LocalDate earliest() {
    // 30 working days from Monday 7 September 2026, counting the 调休 Sundays and skipping the holidays.
    return LocalDate.of(2026, 10, 23);
  }

  static Result check(Application a, int returns) {
    return ApplicationChecks.check(a, TODAY, CALENDAR, CATALOGUE, BANNED, returns, POLICY);
  }

  static Application with(Application a, String name, ListType type, String legalBasis, LocalDate start,
      BigDecimal funding, String note) {
    return new Application(name, type, legalBasis, a.content(), a.scopeStreets(), start, a.frequency(),
        a.workloadHours(), funding, a.addsSignboard(), a.addsLedger(), a.addsCertificate(), note, a.contactName(),
        a.contactPhone());
  }

  @Test
  void aSoundApplicationPasses() {
    Result r = check(good(), 0);
    assertThat(r.outcome()).isEqualTo(Outcome.PASS);
    assertThat(r.findings()).isEmpty();
    assertThat(r.closest()).isNotNull();
  }

  @Test
  void theStartMustBeThirtyWorkingDaysAheadOnTheHolidayCalendar() {
    assertThat(CALENDAR.plusWorkingDays(TODAY, 30)).isEqualTo(earliest());
    Application a = good();
    assertThat(check(with(a, a.matterName(), a.listType(), null, earliest(), a.funding(), null), 0).outcome())
        .isEqualTo(Outcome.PASS);
    Result early = check(with(a, a.matterName(), a.listType(), null, earliest().minusDays(1), a.funding(), null), 0);
    assertThat(early.outcome()).isEqualTo(Outcome.RETURN);
    assertThat(early.findings()).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("LEAD_TIME");
      assertThat(f.messageZh()).contains("最早可为 2026-10-23");
    });
  }

  @Test
  void aByLawMatterNeedsItsLegalBasis() {
    Application a = good();
    Result missing = check(with(a, a.matterName(), ListType.BY_LAW, "  ", a.expectedStart(), null, null), 0);
    assertThat(missing.outcome()).isEqualTo(Outcome.RETURN);
    assertThat(missing.findings()).extracting(ApplicationChecks.Finding::rule).containsExactly("LEGAL_BASIS");
    // A by-law matter needs no funding offer.
    assertThat(check(with(a, a.matterName(), ListType.BY_LAW, "《某法》第三条", a.expectedStart(), null, null), 0)
        .outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void anAssistanceMatterNeedsPositiveFunding() {
    Application a = good();
    for (BigDecimal none : new BigDecimal[] {null, BigDecimal.ZERO, new BigDecimal("-1")}) {
      Result r = check(with(a, a.matterName(), a.listType(), null, a.expectedStart(), none, null), 0);
      assertThat(r.outcome()).as(String.valueOf(none)).isEqualTo(Outcome.RETURN);
      assertThat(r.findings()).extracting(ApplicationChecks.Finding::rule).containsExactly("FUNDING");
    }
    assertThat(check(with(a, a.matterName(), a.listType(), null, a.expectedStart(), new BigDecimal("0.01"), null), 0)
        .outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void aBannedCategoryInNameOrContentRejects() {
    Application a = good();
    Result byName = check(with(a, "协助街道招商引资项目走访", a.listType(), null, a.expectedStart(), a.funding(), null), 0);
    assertThat(byName.outcome()).isEqualTo(Outcome.REJECT);
    assertThat(byName.problemsZh()).contains("招商引资", "经济发展");
    Application content = new Application(a.matterName(), a.listType(), null, "入户宣传并协税 护税", List.of(),
        a.expectedStart(), a.frequency(), 40, a.funding(), false, false, false, null, "顾丽", "1");
    assertThat(check(content, 0).outcome()).isEqualTo(Outcome.REJECT);
  }

  @Test
  void aRejectionWinsOverReturnsAndOverTheReturnLimit() {
    Application a = good();
    Result r = check(with(a, "招商引资信息报送", a.listType(), null, TODAY, null, null), 3);
    assertThat(r.outcome()).isEqualTo(Outcome.REJECT);
    assertThat(r.findings()).extracting(ApplicationChecks.Finding::rule)
        .contains("BANNED_CATEGORY", "LEAD_TIME", "FUNDING");
    assertThat(r.rules()).isEqualTo("BANNED_CATEGORY, LEAD_TIME, FUNDING");
  }

  @Test
  void aDuplicateRejectsAndNamesTheItem() {
    Application a = good();
    Result r = check(with(a, "人口普查和人口抽样调查", a.listType(), null, a.expectedStart(), a.funding(), null), 0);
    assertThat(r.outcome()).isEqualTo(Outcome.REJECT);
    assertThat(r.closest().code()).isEqualTo("XZ-01");
    assertThat(r.closest().score()).isEqualTo(1.0);
    assertThat(r.problemsZh()).contains("XZ-01", "协助开展人口普查和人口抽样调查", "重复");
  }

  @Test
  void aNearDuplicateReturnsUnlessTheDifferenceIsExplained() {
    Application a = good();
    // 老年人健康体检 vs 组织老年人健康体检: similarity 12/14 = 0.857, between the two thresholds.
    Result r = check(with(a, "协助开展老年人健康体检", a.listType(), null, a.expectedStart(), a.funding(), null), 0);
    assertThat(r.outcome()).isEqualTo(Outcome.RETURN);
    assertThat(r.closest().code()).isEqualTo("XZ-12");
    assertThat(r.problemsZh()).contains("XZ-12", "近似", "0.86");
    Result explained = check(with(a, "协助开展老年人健康体检", a.listType(), null, a.expectedStart(), a.funding(),
        "本事项为失能老人上门体检，原事项为集中体检"), 0);
    assertThat(explained.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void thresholdsAreInclusive() {
    Application a = good();
    // 垃圾分类督导 vs 生活垃圾分类宣传和督导 → similarity exactly at a chosen threshold counts as reaching it.
    Result r = check(with(a, "垃圾分类督导", a.listType(), null, a.expectedStart(), a.funding(), null), 0);
    double score = r.closest().score();
    Policy atScore = new Policy(30, score, 0.99, 3, POLICY.stopwords(), "t");
    assertThat(ApplicationChecks.check(with(a, "垃圾分类督导", a.listType(), null, a.expectedStart(), a.funding(),
        null), TODAY, CALENDAR, CATALOGUE, BANNED, 0, atScore).outcome()).isEqualTo(Outcome.RETURN);
    Policy above = new Policy(30, score + 0.01, 0.99, 3, POLICY.stopwords(), "t");
    assertThat(ApplicationChecks.check(with(a, "垃圾分类督导", a.listType(), null, a.expectedStart(), a.funding(),
        null), TODAY, CALENDAR, CATALOGUE, BANNED, 0, above).outcome()).isEqualTo(Outcome.PASS);
    Policy duplicateAtScore = new Policy(30, 0.1, score, 3, POLICY.stopwords(), "t");
    assertThat(ApplicationChecks.check(with(a, "垃圾分类督导", a.listType(), null, a.expectedStart(), a.funding(),
        null), TODAY, CALENDAR, CATALOGUE, BANNED, 0, duplicateAtScore).outcome()).isEqualTo(Outcome.REJECT);
  }

  @Test
  void missingRequiredFieldsReturnWithTheirNames() {
    Application empty = new Application(" ", null, null, null, List.of(), null, null, null, null, false, false, false,
        null, null, null);
    Result r = check(empty, 0);
    assertThat(r.outcome()).isEqualTo(Outcome.RETURN);
    assertThat(r.findings()).singleElement().satisfies(f ->
        assertThat(f.messageZh()).contains("事项名称", "清单类型", "工作内容", "拟开始日期", "频次", "工作量", "联系人"));
  }

  @Test
  void theFourthFailedCheckLapsesAfterThreeReturns() {
    Application late = with(good(), good().matterName(), ListType.ASSISTANCE, null, TODAY, BigDecimal.TEN, null);
    assertThat(check(late, 0).outcome()).isEqualTo(Outcome.RETURN);
    assertThat(check(late, 2).outcome()).isEqualTo(Outcome.RETURN);
    assertThat(check(late, 3).outcome()).isEqualTo(Outcome.LAPSE);
    assertThat(check(good(), 3).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void anEmptyCatalogueHasNoClosestItem() {
    Result r = ApplicationChecks.check(good(), TODAY, CALENDAR, List.of(), List.of(), 0, POLICY);
    assertThat(r.outcome()).isEqualTo(Outcome.PASS);
    assertThat(r.closest()).isNull();
  }
}
