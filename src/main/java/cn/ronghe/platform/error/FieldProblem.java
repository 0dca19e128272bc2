package cn.ronghe.platform.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One thing wrong with an input: the field (or CSV line), and what is wrong, in Chinese and English.
 *
 * @param field form field key, JSON property or "第 N 行"-style location
 */
public record FieldProblem(String field, String messageZh, String messageEn) {

  public static String joinZh(List<FieldProblem> problems) {
    return problems.stream().map(p -> p.field() + "：" + p.messageZh()).collect(Collectors.joining("；"));
  }

  public static String joinEn(List<FieldProblem> problems) {
    return problems.stream().map(p -> p.field() + ": " + p.messageEn()).collect(Collectors.joining("; "));
  }
}
