package cn.ronghe.platform.process;

import cn.ronghe.platform.error.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Server-side validation of what a person submitted (Camunda Forms validate only in the browser; the REST API
 * accepts anything). Read each field with its rule, collect every problem, then {@link #throwIfInvalid()}:
 * the engine turns the {@link FormFieldValidationException} into HTTP 400 for task completion and form
 * submission, and rolls the whole transaction back, so nothing is stored.
 */
public final class FormInput {

  private static final Pattern FORBIDDEN = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]|\\p{Cs}|\\p{Co}|\\p{Cn}|[\\uFFFE\\uFFFF]");

  private final VariableScope scope;
  private final List<FieldProblem> problems = new ArrayList<>();

  private FormInput(VariableScope scope) {
    this.scope = scope;
  }

  public static FormInput of(VariableScope scope) {
    return new FormInput(scope);
  }

  /** Text of at most {@code max} characters, trimmed; null when absent and not required. */
  public String text(String key, String label, int max, boolean required) {
    Object raw = scope.getVariable(key);
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      missing(key, label, required);
      return null;
    }
    if (!(raw instanceof String s)) {
      return problem(key, label + "须为文本", "must be text");
    }
    String v = s.strip();
    if (v.length() > max) {
      return problem(key, label + "不能超过 " + max + " 字（当前 " + v.length() + " 字）",
          "must be at most " + max + " characters (is " + v.length() + ")");
    }
    if (FORBIDDEN.matcher(v).find()) {
      return problem(key, label + "含有无效字符", "contains invalid characters");
    }
    return v;
  }

  public Integer integer(String key, String label, long min, long max, boolean required) {
    Object raw = scope.getVariable(key);
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      missing(key, label, required);
      return null;
    }
    BigDecimal v = number(raw);
    if (v == null || v.stripTrailingZeros().scale() > 0) {
      return problem(key, label + "须为整数", "must be a whole number");
    }
    if (v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
      return problem(key, label + "须在 " + min + " 到 " + max + " 之间", "must be between " + min + " and " + max);
    }
    return v.intValueExact();
  }

  public BigDecimal decimal(String key, String label, BigDecimal min, BigDecimal max, boolean required) {
    Object raw = scope.getVariable(key);
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      missing(key, label, required);
      return null;
    }
    BigDecimal v = number(raw);
    if (v == null) {
      return problem(key, label + "须为数字", "must be a number");
    }
    if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
      return problem(key, label + "须在 " + min.toPlainString() + " 到 " + max.toPlainString() + " 之间",
          "must be between " + min.toPlainString() + " and " + max.toPlainString());
    }
    return v;
  }

  /** A date: a {@link Date}, {@link LocalDate} or ISO text ({@code 2026-12-01}, or a date-time). */
  public LocalDate date(String key, String label, boolean required) {
    Object raw = scope.getVariable(key);
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      missing(key, label, required);
      return null;
    }
    if (raw instanceof LocalDate d) {
      return d;
    }
    if (raw instanceof Date d) {
      return d.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }
    if (raw instanceof String s) {
      String t = s.strip();
      try {
        return t.length() > 10 ? LocalDate.parse(t.substring(0, 10)) : LocalDate.parse(t);
      } catch (DateTimeParseException e) {
        // fall through to the problem below
      }
    }
    return problem(key, label + "须为日期（如 2026-12-01）", "must be a date such as 2026-12-01");
  }

  public Boolean bool(String key, String label, boolean required) {
    Object raw = scope.getVariable(key);
    if (raw == null) {
      missing(key, label, required);
      return null;
    }
    if (raw instanceof Boolean b) {
      return b;
    }
    if ("true".equals(raw) || "false".equals(raw)) {
      return Boolean.valueOf((String) raw);
    }
    return problem(key, label + "须为是或否", "must be true or false");
  }

  /** One of the allowed values (form select or radio). */
  public String choice(String key, String label, Collection<String> allowed, boolean required) {
    Object raw = scope.getVariable(key);
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      missing(key, label, required);
      return null;
    }
    if (!(raw instanceof String s) || !allowed.contains(s)) {
      return problem(key, label + "的取值无效，可选：" + String.join("、", allowed),
          "is not one of " + String.join(", ", allowed));
    }
    return s;
  }

  /** A list of texts: a Json array (Camunda Forms checklist/taglist), a Java list, or JSON array text. */
  public List<String> texts(String key, String label, int maxItems, int maxLength, boolean required) {
    Object raw = scope.getVariable(key);
    List<String> values = new ArrayList<>();
    if (raw instanceof SpinJsonNode node && node.isArray()) {
      for (SpinJsonNode e : node.elements()) {
        values.add(e.isString() ? e.stringValue() : null);
      }
    } else if (raw instanceof Collection<?> c) {
      c.forEach(e -> values.add(e instanceof String s ? s : null));
    } else if (raw instanceof String s && s.strip().startsWith("[")) {
      try {
        SpinJsonNode node = org.camunda.spin.Spin.JSON(s);
        for (SpinJsonNode e : node.elements()) {
          values.add(e.isString() ? e.stringValue() : null);
        }
      } catch (RuntimeException e) {
        return problem(key, label + "格式错误", "is not a valid list");
      }
    } else if (raw != null && !(raw instanceof String s && s.isBlank())) {
      return problem(key, label + "须为列表", "must be a list");
    }
    if (values.isEmpty()) {
      missing(key, label, required);
      return required ? null : List.of();
    }
    if (values.size() > maxItems) {
      return problem(key, label + "最多 " + maxItems + " 项", "must have at most " + maxItems + " items");
    }
    for (String v : values) {
      if (v == null || v.isBlank() || v.length() > maxLength || FORBIDDEN.matcher(v).find()) {
        return problem(key, label + "中有无效的项", "contains an invalid item");
      }
    }
    return values.stream().map(String::strip).toList();
  }

  /** A problem found by a rule that looks at several fields together. */
  public void addProblem(String key, String zh, String en) {
    problems.add(new FieldProblem(key, zh, en));
  }

  public boolean valid() {
    return problems.isEmpty();
  }

  public List<FieldProblem> problems() {
    return List.copyOf(problems);
  }

  public void throwIfInvalid() {
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
  }

  /** The exception the engine REST API answers with HTTP 400 and that Tasklist shows to the user. */
  public static FormFieldValidationException invalid(List<FieldProblem> problems) {
    // Chinese for the person at the form (each message starts with the field's label), English with the keys.
    String zh = problems.stream().map(FieldProblem::messageZh).collect(java.util.stream.Collectors.joining("；"));
    String message = "提交的数据有误：" + zh + " / Invalid input: " + FieldProblem.joinEn(problems);
    return new FormFieldValidationException(problems, message);
  }

  private void missing(String key, String label, boolean required) {
    if (required) {
      problems.add(new FieldProblem(key, label + "为必填项", "is required"));
    }
  }

  private <T> T problem(String key, String zh, String en) {
    problems.add(new FieldProblem(key, zh, en));
    return null;
  }

  private static BigDecimal number(Object raw) {
    try {
      if (raw instanceof Number n) {
        return new BigDecimal(n.toString());
      }
      return raw instanceof String s ? new BigDecimal(s.strip()) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
