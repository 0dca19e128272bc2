package cn.ronghe.evaluation;

import cn.ronghe.platform.process.FormInput;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads the grade adjustments a street submits: the form's adjustment slots ({@code adjustment1Pairing} ...
 * {@code adjustment5Reason}) and, through the REST API, a JSON list {@code adjustments}. Each names a pairing of
 * the street, the rated side, a new grade different from the current one, and a reason of at least
 * {@link #MIN_REASON} characters. Slots and rows left entirely empty are ignored.
 *
 * <p>The form uses fixed slots rather than a dynamic list: in Tasklist 7.24 (form-js 1.8.7) any change inside a
 * dynamic-list row leaves an empty entry in the form's error map, and Tasklist keeps Complete disabled.
 */
final class Adjustments {

  static final int MIN_REASON = 10;
  static final int MAX_ITEMS = 200;
  static final int SLOTS = 5;

  record Adjustment(PairingResult pairing, RatingDirection.RatedSide side, Grade grade, String reason) {
  }

  private Adjustments() {
  }

  /** The form's slots, in order: pairing, ratedSide, newGrade and reason of each. */
  static List<Map<String, Object>> slots(org.camunda.bpm.engine.delegate.VariableScope scope) {
    List<Map<String, Object>> slots = new ArrayList<>();
    for (int i = 1; i <= SLOTS; i++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("pairing", scope.getVariable("adjustment" + i + "Pairing"));
      m.put("ratedSide", scope.getVariable("adjustment" + i + "Side"));
      m.put("newGrade", scope.getVariable("adjustment" + i + "Grade"));
      m.put("reason", scope.getVariable("adjustment" + i + "Reason"));
      slots.add(m);
    }
    return slots;
  }

  static List<Adjustment> read(List<Map<String, Object>> slots, Object raw, FormInput in,
      Function<String, Optional<PairingResult>> pairingByKey) {
    List<Map<String, Object>> items = new ArrayList<>(slots);
    items.addAll(items(raw, in));
    List<Adjustment> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      Map<String, Object> item = items.get(i);
      String field = i < slots.size() ? "adjustment" + (i + 1) : "adjustments[" + (i + 1 - slots.size()) + "]";
      String label = i < slots.size() ? "调整 " + (i + 1) : "第 " + (i + 1 - slots.size()) + " 项调整";
      String key = text(item.get("pairing"));
      String side = text(item.get("ratedSide"));
      String grade = text(item.get("newGrade"));
      String reason = text(item.get("reason"));
      if (key == null && side == null && grade == null && reason == null) {
        continue;
      }
      Optional<PairingResult> pairing = key == null ? Optional.empty() : pairingByKey.apply(key);
      RatingDirection.RatedSide s = parse(RatingDirection.RatedSide.class, side);
      Grade g = parse(Grade.class, grade);
      if (key == null) {
        in.addProblem(field, label + "：须选择结对", field + ": choose the pairing");
        continue;
      }
      if (pairing.isEmpty()) {
        in.addProblem(field, label + "：所选结对不属于本街道本次考评", field
            + ": the pairing is not one of this street's pairings in this cycle");
        continue;
      }
      if (s == null || g == null) {
        in.addProblem(field, label + "：须选择被调整方和新等级", field
            + ": choose the rated side and the new grade");
        continue;
      }
      if (reason == null || reason.length() < MIN_REASON || reason.length() > 500) {
        in.addProblem(field, label + "：须写明 " + MIN_REASON + "–500 字的调整理由", field
            + ": a written reason of " + MIN_REASON + "-500 characters is required");
        continue;
      }
      if (g.name().equals(pairing.get().finalGrade(s))) {
        in.addProblem(field, label + "：新等级与现等级相同", field
            + ": the new grade equals the current one");
        continue;
      }
      if (!seen.add(key + "|" + s)) {
        in.addProblem(field, label + "：同一结对同一方重复调整", field
            + ": the same side of the same pairing is adjusted twice");
        continue;
      }
      out.add(new Adjustment(pairing.get(), s, g, reason));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(Object raw, FormInput in) {
    List<Map<String, Object>> items = new ArrayList<>();
    try {
      if (raw instanceof String s && !s.isBlank()) {
        raw = Spin.JSON(s);
      }
      if (raw instanceof SpinJsonNode node) {
        if (!node.isArray()) {
          throw new IllegalArgumentException("not an array");
        }
        for (SpinJsonNode e : node.elements()) {
          Map<String, Object> m = new LinkedHashMap<>();
          for (String f : e.fieldNames()) {
            SpinJsonNode v = e.prop(f);
            m.put(f, v.isNull() ? null : v.isString() ? v.stringValue() : v.toString());
          }
          items.add(m);
        }
      } else if (raw instanceof Collection<?> c) {
        for (Object e : c) {
          items.add((Map<String, Object>) e);
        }
      } else if (raw != null && !(raw instanceof String)) {
        throw new IllegalArgumentException("not a list");
      }
    } catch (RuntimeException e) {
      in.addProblem("adjustments", "等级调整格式错误", "adjustments must be a list of items");
      return List.of();
    }
    if (items.size() > MAX_ITEMS) {
      in.addProblem("adjustments", "等级调整最多 " + MAX_ITEMS + " 项", "at most " + MAX_ITEMS + " adjustments");
      return List.of();
    }
    return items;
  }

  private static String text(Object v) {
    return v == null || v.toString().isBlank() ? null : v.toString().strip();
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value) {
    try {
      return value == null ? null : Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
