package cn.ronghe.admission.catalogue;

import cn.ronghe.platform.error.FieldProblem;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The catalogue as CSV: the seed file of the first version (machine-readable, English header) and the download
 * for people (Chinese header, UTF-8 with a byte-order mark so that Excel shows the Chinese text).
 */
public final class CatalogueCsv {

  static final String[] SEED_HEADER = {"list_type", "code", "name", "department", "legal_basis", "content",
      "frequency", "workload_hours", "funding", "adds_signboard", "adds_ledger", "adds_certificate",
      "effective_date", "sample_data"};
  static final String[] DOWNLOAD_HEADER = {"清单类型", "编号", "事项名称", "责任部门", "法律依据", "工作内容", "频次",
      "工作量（小时/年）", "经费（元/社区/年）", "新增挂牌", "新增台账", "新增证明", "准入案号", "生效日期", "适用范围",
      "示例数据"};
  private static final Pattern PUBLISHED = Pattern.compile("^#\\s*published\\s+(\\d{4}-\\d{2}-\\d{2})\\s*$");
  private static final Pattern CODE = Pattern.compile("^(YF|XZ)-\\d{2,4}$");

  /** The parsed seed file; {@code problems} is empty when every line is valid. */
  public record Seed(LocalDate publishedOn, List<CatalogueItem> items, List<FieldProblem> problems) {
  }

  private CatalogueCsv() {
  }

  /**
   * Reads a seed file. {@code departments} are the known department codes. Every bad line is reported with
   * its number; the file is used only when there is none.
   */
  public static Seed readSeed(String text, Set<String> departments) {
    List<FieldProblem> problems = new ArrayList<>();
    List<CatalogueItem> items = new ArrayList<>();
    LocalDate publishedOn = null;
    StringBuilder data = new StringBuilder();
    List<Integer> lineNumbers = new ArrayList<>();
    String[] lines = text.replace("\uFEFF", "").split("\\R");
    for (int i = 0; i < lines.length; i++) {
      Matcher m = PUBLISHED.matcher(lines[i]);
      if (m.matches()) {
        publishedOn = LocalDate.parse(m.group(1));
      }
      if (lines[i].isBlank() || lines[i].startsWith("#")) {
        continue;
      }
      data.append(lines[i]).append('\n');
      lineNumbers.add(i + 1);
    }
    List<CSVRecord> records = parse(data.toString());
    if (records.isEmpty() || !List.of(SEED_HEADER).equals(records.get(0).toList())) {
      problems.add(new FieldProblem("header", "表头应为 " + String.join(",", SEED_HEADER),
          "the header must be " + String.join(",", SEED_HEADER)));
      return new Seed(publishedOn, List.of(), problems);
    }
    Set<String> codes = new HashSet<>();
    for (int r = 1; r < records.size(); r++) {
      String where = "第 " + lineNumbers.get(r) + " 行";
      CatalogueItem item = item(records.get(r), departments, where, problems);
      if (item != null && !codes.add(item.code())) {
        problems.add(new FieldProblem(where, "编号 " + item.code() + " 重复", "duplicate code " + item.code()));
      } else if (item != null) {
        items.add(item);
      }
    }
    return new Seed(publishedOn, items, problems);
  }

  private static CatalogueItem item(CSVRecord rec, Set<String> departments, String where,
      List<FieldProblem> problems) {
    int before = problems.size();
    if (rec.size() != SEED_HEADER.length) {
      problems.add(new FieldProblem(where, "应有 " + SEED_HEADER.length + " 列，实有 " + rec.size() + " 列",
          "expected " + SEED_HEADER.length + " columns, found " + rec.size()));
      return null;
    }
    ListType type = enumValue(ListType.class, rec.get(0), where, "list_type", problems);
    String code = rec.get(1).strip();
    if (!CODE.matcher(code).matches() || (type != null && !code.startsWith(type.codePrefix() + "-"))) {
      problems.add(new FieldProblem(where, "编号 " + code + " 应为 YF-nn（依法）或 XZ-nn（协助）",
          "code " + code + " must be YF-nn (by law) or XZ-nn (assistance)"));
    }
    String name = required(rec.get(2), 100, where, "name", problems);
    String department = rec.get(3).strip();
    if (!departments.contains(department)) {
      problems.add(new FieldProblem(where, "未知部门 " + department, "unknown department " + department));
    }
    String legalBasis = rec.get(4).isBlank() ? null : rec.get(4).strip();
    if (type == ListType.BY_LAW && legalBasis == null) {
      problems.add(new FieldProblem(where, "依法履职事项须有法律依据", "a by-law matter needs its legal basis"));
    }
    String content = required(rec.get(5), 2000, where, "content", problems);
    Frequency frequency = enumValue(Frequency.class, rec.get(6), where, "frequency", problems);
    Integer workload = null;
    BigDecimal funding = null;
    LocalDate effective = null;
    try {
      workload = Integer.valueOf(rec.get(7).strip());
      funding = new BigDecimal(rec.get(8).strip());
      effective = LocalDate.parse(rec.get(12).strip());
      if (workload < 0 || funding.signum() < 0) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      problems.add(new FieldProblem(where, "工作量、经费须为非负数，生效日期须为 YYYY-MM-DD",
          "workload and funding must be non-negative numbers, effective_date YYYY-MM-DD"));
    }
    Boolean[] flags = new Boolean[4];
    int[] columns = {9, 10, 11, 13};
    for (int k = 0; k < 4; k++) {
      String v = rec.get(columns[k]).strip();
      flags[k] = "true".equals(v) ? Boolean.TRUE : "false".equals(v) ? Boolean.FALSE : null;
      if (flags[k] == null) {
        problems.add(new FieldProblem(where, SEED_HEADER[columns[k]] + " 须为 true 或 false",
            SEED_HEADER[columns[k]] + " must be true or false"));
      }
    }
    if (problems.size() > before) {
      return null;
    }
    return new CatalogueItem(code, name, type, department, legalBasis, content, frequency, workload, funding,
        flags[0], flags[1], flags[2], null, effective, List.of(), flags[3]);
  }

  /** The items of one version for people: Chinese header and names, UTF-8 with BOM. */
  public static byte[] download(List<CatalogueItem> items, CatalogueDiff.Naming naming) {
    StringWriter out = new StringWriter();
    out.write('\uFEFF');
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(DOWNLOAD_HEADER).get())) {
      for (CatalogueItem i : items) {
        printer.printRecord(i.listType().label(), i.code(), i.name(), naming.department().apply(i.departmentCode()),
            nullToEmpty(i.legalBasis()), i.content(), i.frequency().label(), i.workloadHours(),
            i.funding().stripTrailingZeros().toPlainString(), yesNo(i.addsSignboard()), yesNo(i.addsLedger()),
            yesNo(i.addsCertificate()), nullToEmpty(i.admittedBy()), i.effectiveDate(),
            i.appliesToAllCommunities() ? "全部社区"
                : String.join("、", i.scopeStreets().stream().map(naming.street()).toList()),
            yesNo(i.sampleData()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static List<CSVRecord> parse(String data) {
    try (Reader reader = new java.io.StringReader(data)) {
      return CSVFormat.DEFAULT.parse(reader).getRecords();
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      return List.of();
    }
  }

  private static String required(String v, int max, String where, String column, List<FieldProblem> problems) {
    String s = v.strip();
    if (s.isEmpty() || s.length() > max) {
      problems.add(new FieldProblem(where, column + " 须为 1–" + max + " 字", column + " must be 1-" + max
          + " characters"));
      return null;
    }
    return s;
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String v, String where, String column,
      List<FieldProblem> problems) {
    try {
      return Enum.valueOf(type, v.strip());
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem(where, column + " 取值无效：" + v, column + " has an invalid value: " + v));
      return null;
    }
  }

  private static String yesNo(boolean b) {
    return b ? "是" : "否";
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
