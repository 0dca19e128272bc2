package cn.ronghe.admission.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * What changed between two versions of the catalogue: items added, items removed, and for items in both, each
 * field whose value differs (old and new value as shown to people).
 */
public record CatalogueDiff(int fromVersion, int toVersion, List<CatalogueItem> added, List<CatalogueItem> removed,
    List<ChangedItem> changed) {

  public record FieldChange(String field, String label, String oldValue, String newValue) {
  }

  public record ChangedItem(String code, String name, List<FieldChange> fields) {
  }

  /** Turns department and street codes into the names people read. */
  public record Naming(UnaryOperator<String> department, UnaryOperator<String> street) {
    public static final Naming CODES = new Naming(c -> c, c -> c);
  }

  private record Field(String key, String label, BiFunction<CatalogueItem, Naming, Object> value) {
  }

  private static final List<Field> FIELDS = List.of(
      new Field("name", "事项名称", (i, n) -> i.name()),
      new Field("listType", "清单类型", (i, n) -> i.listType().label()),
      new Field("departmentCode", "责任部门", (i, n) -> n.department().apply(i.departmentCode())),
      new Field("legalBasis", "法律依据", (i, n) -> i.legalBasis()),
      new Field("content", "工作内容", (i, n) -> i.content()),
      new Field("frequency", "频次", (i, n) -> i.frequency().label()),
      new Field("workloadHours", "工作量（小时/年）", (i, n) -> i.workloadHours()),
      new Field("funding", "经费（元/社区/年）", (i, n) -> i.funding()),
      new Field("addsSignboard", "新增挂牌", (i, n) -> i.addsSignboard()),
      new Field("addsLedger", "新增台账", (i, n) -> i.addsLedger()),
      new Field("addsCertificate", "新增证明", (i, n) -> i.addsCertificate()),
      new Field("admittedBy", "准入案号", (i, n) -> i.admittedBy()),
      new Field("effectiveDate", "生效日期", (i, n) -> i.effectiveDate()),
      new Field("scopeStreets", "适用范围", (i, n) -> i.scopeStreets().stream().map(n.street()).toList()));

  public static CatalogueDiff between(int fromVersion, List<CatalogueItem> from, int toVersion,
      List<CatalogueItem> to, Naming naming) {
    Map<String, CatalogueItem> before = byCode(from);
    Map<String, CatalogueItem> after = byCode(to);
    List<CatalogueItem> added = new ArrayList<>();
    List<ChangedItem> changed = new ArrayList<>();
    for (CatalogueItem item : after.values()) {
      CatalogueItem old = before.get(item.code());
      if (old == null) {
        added.add(item);
        continue;
      }
      List<FieldChange> fields = compare(old, item, naming);
      if (!fields.isEmpty()) {
        changed.add(new ChangedItem(item.code(), item.name(), fields));
      }
    }
    List<CatalogueItem> removed = before.values().stream().filter(i -> !after.containsKey(i.code())).toList();
    return new CatalogueDiff(fromVersion, toVersion, List.copyOf(added), removed, List.copyOf(changed));
  }

  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }

  /** Field-by-field differences of two states of one item. */
  public static List<FieldChange> compare(CatalogueItem old, CatalogueItem now, Naming naming) {
    List<FieldChange> changes = new ArrayList<>();
    for (Field f : FIELDS) {
      Object a = f.value().apply(old, naming);
      Object b = f.value().apply(now, naming);
      if (!same(a, b)) {
        changes.add(new FieldChange(f.key(), f.label(), show(a), show(b)));
      }
    }
    return changes;
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    return Objects.equals(a, b);
  }

  private static String show(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Boolean b) {
      return b ? "是" : "否";
    }
    if (v instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    if (v instanceof List<?> l) {
      return l.isEmpty() ? "全部社区" : String.join("、", l.stream().map(String::valueOf).toList());
    }
    return v.toString();
  }

  private static Map<String, CatalogueItem> byCode(List<CatalogueItem> items) {
    Map<String, CatalogueItem> map = new LinkedHashMap<>();
    items.forEach(i -> map.put(i.code(), i));
    return map;
  }
}
