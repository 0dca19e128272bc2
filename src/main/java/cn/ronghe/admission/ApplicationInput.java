package cn.ronghe.admission;

import static cn.ronghe.admission.MatterAdmission.*;

import cn.ronghe.admission.catalogue.Frequency;
import cn.ronghe.admission.catalogue.ListType;
import cn.ronghe.platform.process.FormInput;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an application from the submitted form variables (start form and correction form). Only form-level
 * problems are reported here, as HTTP 400 / a message in Tasklist; what a reviewer would judge (legal basis,
 * funding, lead time, similarity) is left to the automatic checks, which return the application instead.
 */
final class ApplicationInput {

  static final String SCOPE_ALL = "ALL";
  static final String SCOPE_STREETS = "STREETS";
  private static final Pattern PHONE = Pattern.compile("^[0-9+\\- ]{5,30}$");
  private static final BigDecimal MAX_FUNDING = BigDecimal.valueOf(10_000_000);

  private ApplicationInput() {
  }

  /** @param streets codes of the active streets */
  static Application read(FormInput in, Set<String> streets) {
    String name = in.text(MATTER_NAME, "事项名称", 100, true);
    String type = in.choice(LIST_TYPE, "清单类型", Arrays.stream(ListType.values()).map(Enum::name).toList(), true);
    String legalBasis = in.text(LEGAL_BASIS, "法律依据", 500, false);
    String content = in.text(CONTENT, "工作内容", 2000, true);
    String scope = in.choice(TARGET_SCOPE, "适用范围", List.of(SCOPE_ALL, SCOPE_STREETS), true);
    List<String> chosen = List.of();
    if (SCOPE_STREETS.equals(scope)) {
      List<String> raw = in.texts(TARGET_STREETS, "涉及的镇区（街道）", 50, 32, true);
      if (raw != null) {
        chosen = List.copyOf(new LinkedHashSet<>(raw));
        List<String> unknown = chosen.stream().filter(s -> !streets.contains(s)).toList();
        if (!unknown.isEmpty()) {
          in.addProblem(TARGET_STREETS, "未知的镇区（街道）：" + String.join("、", unknown),
              "unknown streets: " + String.join(", ", unknown));
        }
      }
    }
    var start = in.date(EXPECTED_START, "拟开始日期", true);
    String frequency = in.choice(FREQUENCY, "频次", Frequency.names(), true);
    Integer hours = in.integer(WORKLOAD_HOURS, "每个社区年工作量（小时）", 0, 10_000, true);
    BigDecimal funding = in.decimal(FUNDING, "每个社区年经费（元）", BigDecimal.ZERO, MAX_FUNDING, false);
    if (funding != null && funding.stripTrailingZeros().scale() > 2) {
      in.addProblem(FUNDING, "每个社区年经费（元）最多保留两位小数", "funding has at most two decimals");
    }
    Boolean signboard = in.bool(ADDS_SIGNBOARD, "是否新增挂牌", false);
    Boolean ledger = in.bool(ADDS_LEDGER, "是否新增台账", false);
    Boolean certificate = in.bool(ADDS_CERTIFICATE, "是否新增证明事项", false);
    String note = in.text(DISTINCTION_NOTE, "与相似事项的区别", 500, false);
    String contact = in.text(CONTACT_NAME, "联系人", 50, true);
    String phone = in.text(CONTACT_PHONE, "联系电话", 30, true);
    if (phone != null && !PHONE.matcher(phone).matches()) {
      in.addProblem(CONTACT_PHONE, "联系电话只能包含数字、空格、+ 和 -", "the phone number may hold digits, spaces, + and -");
    }
    if (!in.valid()) {
      return null;
    }
    return new Application(name, ListType.valueOf(type), legalBasis, content, chosen, start,
        Frequency.valueOf(frequency), hours, funding, Boolean.TRUE.equals(signboard), Boolean.TRUE.equals(ledger),
        Boolean.TRUE.equals(certificate), note, contact, phone);
  }
}
