package cn.ronghe.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ronghe.platform.error.FieldProblem;
import cn.ronghe.platform.error.RongheException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class RegistryCsvTest {

  private static final String HEADER = "record_type,code,name,parent_code,kind,sample_data\n";
  private static final String MINIMAL = HEADER
      + "street,loudong,娄东街道,,STREET,false\n"
      + "community,dongcang,东仓社区,loudong,,true\n"
      + "unit,u109,中国农业银行太仓分行,,SOE,false\n"
      + "pairing,u109,,dongcang,,\n";

  static byte[] shippedFile() throws IOException {
    try (InputStream in = RegistryCsvTest.class.getResourceAsStream("/data/registry.csv")) {
      return in.readAllBytes();
    }
  }

  @Test
  void theShippedRegistryHasTaicangsFigures() throws IOException {
    RegistrySnapshot s = RegistryCsv.parse(shippedFile(), "seed");
    assertThat(s.label()).isEqualTo("2026.1");
    assertThat(s.streets()).hasSize(11);
    assertThat(s.communities()).hasSize(65);
    assertThat(s.units()).hasSize(281);
    assertThat(s.pairings()).hasSize(281);
    Map<UnitKind, Long> kinds = s.units().stream().collect(Collectors.groupingBy(Unit::kind, Collectors.counting()));
    assertThat(kinds).containsOnlyKeys(UnitKind.values());
    // 红色"1+3": every community is paired with at least one unit of each kind.
    Map<String, UnitKind> unitKinds = s.units().stream().collect(Collectors.toMap(Unit::code, Unit::kind));
    for (Community c : s.communities()) {
      assertThat(s.pairings().stream().filter(p -> p.communityCode().equals(c.code()))
          .map(p -> unitKinds.get(p.unitCode())).distinct()).as(c.name()).hasSize(3);
    }
  }

  @Test
  void aMinimalFileIsRead() {
    RegistrySnapshot s = RegistryCsv.parse(MINIMAL.getBytes(StandardCharsets.UTF_8), "upload.csv");
    assertThat(s.label()).isEqualTo("upload.csv");
    assertThat(s.communities()).containsExactly(new Community("dongcang", "东仓社区", "loudong", true, true));
    assertThat(s.units().get(0).kind()).isEqualTo(UnitKind.SOE);
  }

  @Test
  void aByteOrderMarkAndAVersionCommentAreAccepted() {
    String text = "\uFEFF# 登记册 version 2027.1\n" + MINIMAL;
    assertThat(RegistryCsv.parse(text.getBytes(StandardCharsets.UTF_8), "x").label()).isEqualTo("2027.1");
  }

  @Test
  void wrongHeader() {
    assertProblem(() -> parse("type,code,name\nstreet,a,b\n"), "第 1 行", "表头应为");
  }

  @Test
  void wrongColumnCountNamesTheLine() {
    assertProblem(() -> parse(MINIMAL + "street,shaxi,沙溪镇,,TOWN\n"), "第 6 行", "应有 6 列");
  }

  @Test
  void invalidCodeKindTypeAndSampleFlag() {
    String bad = MINIMAL
        + "street,Shaxi!,沙溪镇,,TOWN,false\n"
        + "street,shaxi,沙溪镇,,CITY,false\n"
        + "village,x1,某村,,,false\n"
        + "unit,u999,某单位,,SOE,maybe\n";
    RongheException e = catchProblem(() -> parse(bad));
    assertThat(e.problems()).extracting(FieldProblem::field)
        .containsExactly("第 6 行 (line 6)", "第 7 行 (line 7)", "第 8 行 (line 8)", "第 9 行 (line 9)");
    assertThat(e.messageEn()).contains("code \"Shaxi!\" is invalid", "kind \"CITY\" is invalid",
        "record type \"village\"", "sample_data must be");
  }

  @Test
  void duplicatesAreRefused() {
    assertProblem(() -> parse(MINIMAL + "community,dongcang,东仓社区二,loudong,,true\n"), "第 6 行", "重复");
    assertProblem(() -> parse(MINIMAL + "pairing,u109,,dongcang,,\n"), "第 6 行", "重复");
  }

  @Test
  void danglingReferencesAreRefused() {
    assertProblem(() -> parse(MINIMAL + "community,nanyuan,南园社区,nowhere,,true\n"), "第 6 行", "nowhere");
    assertProblem(() -> parse(MINIMAL + "pairing,u404,,dongcang,,\n"), "第 6 行", "u404");
    assertProblem(() -> parse(MINIMAL + "pairing,u109,,nowhere,,\n"), "第 6 行", "nowhere");
  }

  @Test
  void namesMustBePresentShortAndPlain() {
    assertProblem(() -> parse(MINIMAL + "street,shaxi,,,TOWN,false\n"), "第 6 行", "名称必填");
    assertProblem(() -> parse(MINIMAL + "street,shaxi," + "镇".repeat(101) + ",,TOWN,false\n"), "第 6 行", "名称必填");
    assertProblem(() -> parse(MINIMAL + "street,shaxi,<script>alert(1)</script>,,TOWN,false\n"), "第 6 行", "不允许的字符");
  }

  @Test
  void invalidUtf8IsRefused() {
    byte[] bytes = (HEADER + "street,loudong,").getBytes(StandardCharsets.UTF_8);
    byte[] broken = new byte[bytes.length + 2];
    System.arraycopy(bytes, 0, broken, 0, bytes.length);
    broken[bytes.length] = (byte) 0xC3;
    broken[bytes.length + 1] = (byte) 0x28;
    assertProblem(() -> RegistryCsv.parse(broken, "x"), "文件", "UTF-8");
  }

  @Test
  void unbalancedQuotesAreRefused() {
    assertProblem(() -> parse(MINIMAL + "street,shaxi,\"沙溪镇,,TOWN,false\n"), "文件", "CSV");
  }

  @Test
  void emptyFilesAreRefused() {
    assertProblem(() -> parse(""), "第 1 行", "文件为空");
    assertProblem(() -> parse(HEADER), "文件", "至少需要");
  }

  @Test
  void atMostFiftyProblemsAreListed() {
    StringBuilder many = new StringBuilder(MINIMAL);
    for (int i = 0; i < 80; i++) {
      many.append("street,BAD").append(i).append(",x,,TOWN,false\n");
    }
    assertThat(catchProblem(() -> parse(many.toString())).problems()).hasSize(RegistryCsv.MAX_PROBLEMS);
  }

  private static RegistrySnapshot parse(String text) {
    return RegistryCsv.parse(text.getBytes(StandardCharsets.UTF_8), "test.csv");
  }

  private static void assertProblem(ThrowingCallable call, String field, String messagePart) {
    RongheException e = catchProblem(call);
    assertThat(e.status().value()).isEqualTo(400);
    assertThat(e.problems()).anySatisfy(p -> {
      assertThat(p.field()).startsWith(field);
      assertThat(p.messageZh() + p.messageEn()).contains(messagePart);
    });
  }

  private static RongheException catchProblem(ThrowingCallable call) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(t).isInstanceOf(RongheException.class);
    return (RongheException) t;
  }
}
