package cn.ronghe.admission;

import cn.ronghe.admission.catalogue.Frequency;
import cn.ronghe.admission.catalogue.ListType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a department applies to push down to communities, as last submitted (at the start or after a
 * correction). Fields may be null only where the automatic checks are the ones to report it.
 *
 * @param scopeStreets street codes of the communities concerned; empty = every community
 * @param funding      yuan per community per year; null when none is offered
 */
record Application(String matterName, ListType listType, String legalBasis, String content,
    List<String> scopeStreets, LocalDate expectedStart, Frequency frequency, Integer workloadHours,
    BigDecimal funding, boolean addsSignboard, boolean addsLedger, boolean addsCertificate, String distinctionNote,
    String contactName, String contactPhone) {

  Application {
    scopeStreets = scopeStreets == null ? List.of() : List.copyOf(scopeStreets);
  }

  /** The application in a few lines, for reviewers' forms and messages. */
  String summary(String departmentName, java.util.function.UnaryOperator<String> streetName) {
    StringBuilder s = new StringBuilder();
    s.append("申请部门：").append(departmentName).append('\n');
    s.append("事项名称：").append(matterName).append('\n');
    s.append("清单类型：").append(listType == null ? "" : listType.label()).append('\n');
    s.append("法律依据：").append(legalBasis == null ? "（未填）" : legalBasis).append('\n');
    s.append("工作内容：").append(content).append('\n');
    s.append("适用范围：").append(scopeStreets.isEmpty() ? "全部社区"
        : String.join("、", scopeStreets.stream().map(streetName).toList()) + "的社区").append('\n');
    s.append("拟开始日期：").append(expectedStart).append('\n');
    s.append("频次：").append(frequency == null ? "" : frequency.label()).append("；每个社区每年约 ")
        .append(workloadHours).append(" 小时\n");
    s.append("经费：").append(funding == null ? "未落实" : funding.stripTrailingZeros().toPlainString() + " 元/社区/年")
        .append('\n');
    s.append("新增挂牌：").append(addsSignboard ? "是" : "否").append("；新增台账：").append(addsLedger ? "是" : "否")
        .append("；新增证明：").append(addsCertificate ? "是" : "否").append('\n');
    if (distinctionNote != null) {
      s.append("与相似事项的区别：").append(distinctionNote).append('\n');
    }
    s.append("联系人：").append(contactName).append(' ').append(contactPhone);
    return s.toString();
  }
}
