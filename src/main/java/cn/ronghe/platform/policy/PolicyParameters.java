package cn.ronghe.platform.policy;

import cn.ronghe.platform.error.FieldProblem;
import cn.ronghe.platform.error.RongheException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes the policy table {@code policy_parameter}. Capabilities add their defaults in their own
 * Flyway migrations; an administrator changes them through {@code PUT /api/policy/{key}}, every change is
 * kept in {@code policy_parameter_change}.
 */
@Service
public class PolicyParameters {

  private final JdbcClient jdbc;

  public PolicyParameters(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<PolicyParameter> all() {
    return jdbc.sql("SELECT param_key, param_value, value_type, description, updated_at, updated_by "
        + "FROM policy_parameter ORDER BY param_key").query(PolicyParameters::map).list();
  }

  public PolicyParameter get(String key) {
    return jdbc.sql("SELECT param_key, param_value, value_type, description, updated_at, updated_by "
        + "FROM policy_parameter WHERE param_key = :k").param("k", key).query(PolicyParameters::map)
        .optional().orElseThrow(() -> RongheException.notFound("策略参数", key));
  }

  public int intValue(String key) {
    return Integer.parseInt(get(key).value());
  }

  public BigDecimal decimalValue(String key) {
    return new BigDecimal(get(key).value());
  }

  public String textValue(String key) {
    return get(key).value();
  }

  @Transactional
  public PolicyParameter update(String key, String value, String user) {
    PolicyParameter current = get(key);
    String normalised = validate(current, value);
    jdbc.sql("UPDATE policy_parameter SET param_value = :v, updated_at = :t, updated_by = :u WHERE param_key = :k")
        .param("v", normalised).param("t", LocalDateTime.now()).param("u", user).param("k", key).update();
    jdbc.sql("INSERT INTO policy_parameter_change (param_key, old_value, new_value, changed_at, changed_by) "
        + "VALUES (:k, :o, :n, :t, :u)").param("k", key).param("o", current.value()).param("n", normalised)
        .param("t", LocalDateTime.now()).param("u", user).update();
    return get(key);
  }

  private static String validate(PolicyParameter p, String value) {
    if (value == null || value.isBlank() || value.length() > 200) {
      throw problem(p.key(), "取值不能为空且不超过 200 字", "value must be 1-200 characters");
    }
    String v = value.strip();
    try {
      switch (p.type()) {
        case "INTEGER" -> {
          if (Integer.parseInt(v) < 0) {
            throw problem(p.key(), "须为非负整数", "must be a non-negative integer");
          }
        }
        case "DECIMAL" -> {
          if (new BigDecimal(v).signum() < 0) {
            throw problem(p.key(), "须为非负数", "must be a non-negative number");
          }
        }
        case "DATE" -> LocalDate.parse(v);
        default -> { }
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw problem(p.key(), "格式不符合类型 " + p.type(), "does not match type " + p.type());
    }
    return v;
  }

  private static RongheException problem(String key, String zh, String en) {
    return RongheException.invalid(List.of(new FieldProblem(key, zh, en)));
  }

  private static PolicyParameter map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new PolicyParameter(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getTimestamp(5).toLocalDateTime(), rs.getString(6));
  }
}
