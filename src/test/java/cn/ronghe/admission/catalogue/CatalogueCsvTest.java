package cn.ronghe.admission.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogueCsvTest {

  static final Set<String> DEPARTMENTS = Set.of("civil", "justice", "police", "health", "armed", "emergency",
      "veterans", "statistics", "medinsure", "hrss", "disabled", "market", "urban", "housing", "ecology", "education");
  static final String HEADER = String.join(",", CatalogueCsv.SEED_HEADER) + "\n";

  @Test
  void theShippedSeedFileHoldsFiftyEightValidSampleItems() throws IOException {
    String text = Files.readString(Path.of("src/main/resources/data/admission-catalogue.csv"), StandardCharsets.UTF_8);
    CatalogueCsv.Seed seed = CatalogueCsv.readSeed(text, DEPARTMENTS);
    assertThat(seed.problems()).isEmpty();
    assertThat(seed.items()).hasSize(58).allMatch(CatalogueItem::sampleData);
    assertThat(seed.items().stream().filter(i -> i.listType() == ListType.BY_LAW)).hasSize(16);
    assertThat(seed.publishedOn()).isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(seed.items().stream().filter(i -> i.listType() == ListType.ASSISTANCE))
        .allMatch(i -> i.funding().signum() > 0);
  }

  @Test
  void everyBadLineIsReportedWithItsNumber() {
    String text = "# comment\n" + HEADER
        + "BY_LAW,YF-01,名称,civil,,内容,YEARLY,10,0,false,false,false,2026-01-01,true\n"
        + "ASSISTANCE,YF-02,名称,nowhere,,内容,SOMETIMES,-1,1,maybe,false,false,2026-13-01,true\n"
        + "ASSISTANCE,XZ-01,名称,health,,内容,YEARLY,1,1,false,false,false,2026-01-01,true\n"
        + "ASSISTANCE,XZ-01,名称,health,,内容,YEARLY,1,1,false,false,false,2026-01-01,true\n"
        + "ASSISTANCE,XZ-02,too,few\n";
    CatalogueCsv.Seed seed = CatalogueCsv.readSeed(text, DEPARTMENTS);
    assertThat(seed.items()).extracting(CatalogueItem::code).containsExactly("XZ-01");
    assertThat(seed.problems()).extracting(p -> p.field()).contains("第 3 行", "第 4 行", "第 6 行", "第 7 行");
    assertThat(seed.problems()).anySatisfy(p -> assertThat(p.messageZh()).contains("法律依据"));
    assertThat(seed.problems()).anySatisfy(p -> assertThat(p.messageZh()).contains("未知部门 nowhere"));
    assertThat(seed.problems()).anySatisfy(p -> assertThat(p.messageZh()).contains("编号 XZ-01 重复"));
  }

  @Test
  void aWrongHeaderIsRefused() {
    CatalogueCsv.Seed seed = CatalogueCsv.readSeed("code,name\nXZ-01,甲\n", DEPARTMENTS);
    assertThat(seed.items()).isEmpty();
    assertThat(seed.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("header"));
  }

  @Test
  void theDownloadHasAByteOrderMarkChineseHeaderAndNames() {
    CatalogueItem item = new CatalogueItem("XZ-01", "协助, 含逗号", ListType.ASSISTANCE, "health", null, "内容",
        Frequency.YEARLY, 10, new BigDecimal("2500.50"), false, true, false, "ZR-2026-0001",
        LocalDate.of(2026, 3, 1), List.of("loudong"), false);
    String csv = new String(CatalogueCsv.download(List.of(item), CatalogueDiffTest.NAMES), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFF清单类型,编号,事项名称");
    assertThat(csv).contains("社区协助政府工作事项,XZ-01,\"协助, 含逗号\",市卫健委,,内容,每年,10,2500.5,否,是,否,ZR-2026-0001,"
        + "2026-03-01,娄东街道,否");
  }
}
