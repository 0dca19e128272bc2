package cn.ronghe.career.registry;

import cn.ronghe.career.Education;
import cn.ronghe.career.Gender;
import cn.ronghe.career.Labelled;
import cn.ronghe.career.Post;
import cn.ronghe.career.Qualification;
import cn.ronghe.career.Worker;
import cn.ronghe.career.WorkerStatus;
import cn.ronghe.career.policy.Band;
import cn.ronghe.career.policy.GradeRules;
import cn.ronghe.organisation.Community;
import cn.ronghe.platform.error.FieldProblem;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A file of community workers for the registry (名册导入): how a city brings the workers it already employs into
 * the system at go-live, or a district its register after a merger. One worker a line, with a header:
 * <pre>工号,姓名,性别,出生日期,社区代码,岗位,职务,等级,定级日期,学历,职业资格,参加工作日期,入职日期</pre>
 * 工号 may be empty (the registry assigns W000123-style ids); codes or Chinese labels are accepted for 性别, 岗位,
 * 学历 and 职业资格; dates are ISO ({@code 2019-03-01}). Every line is checked — the grade against the post's band in
 * the DMN table, dates against each other and today — and every problem names its line: one bad line rejects the
 * whole file.
 */
public final class WorkerFile {

  static final List<String> HEADER = List.of("工号", "姓名", "性别", "出生日期", "社区代码", "岗位", "职务", "等级", "定级日期",
      "学历", "职业资格", "参加工作日期", "入职日期");
  static final int MAX_LINES = 50_000;
  static final int MAX_PROBLEMS = 100;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,19}");
  private static final Pattern ASSIGNED = Pattern.compile("W\\d{6}");
  private static final Pattern BAD_TEXT = Pattern.compile("[\\p{Cntrl}\\p{Cs}\\p{Co}\\p{Cn}]");
  private static final LocalDate EARLIEST = LocalDate.of(1940, 1, 1);

  /** The workers of a valid file, ids still empty where the file left them empty; or the file's problems. */
  public record Parsed(List<Worker> workers, List<FieldProblem> problems, int problemCount) {
    public boolean valid() {
      return problems.isEmpty();
    }
  }

  private final GradeRules rules;
  private final Function<String, Community> communities;
  private final Set<String> existingIds;
  private final LocalDate today;
  private final Map<Post, Band> bands = new EnumMap<>(Post.class);
  private final List<FieldProblem> problems = new ArrayList<>();
  private int problemCount;

  /**
   * @param communities active community by code, null when unknown or inactive
   * @param existingIds worker ids already in the registry (of those the file names)
   */
  public WorkerFile(GradeRules rules, Function<String, Community> communities, Set<String> existingIds,
      LocalDate today) {
    this.rules = rules;
    this.communities = communities;
    this.existingIds = existingIds;
    this.today = today;
  }

  /** The ids the file names, to look up which of them exist before {@link #parse}. */
  public static Set<String> namedIds(String text) {
    Set<String> ids = new java.util.HashSet<>();
    for (String line : text.split("\\r?\\n")) {
      int comma = line.indexOf(',');
      String id = (comma < 0 ? line : line.substring(0, comma)).replace("\"", "").strip();
      if (ID.matcher(id).matches()) {
        ids.add(id);
      }
    }
    return ids;
  }

  public Parsed parse(String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<Worker> workers = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreEmptyLines(true).setTrim(true)
        .get();
    try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
      boolean header = false;
      for (CSVRecord r : parser) {
        long line = parser.getCurrentLineNumber();
        if (!header) {
          header = true;
          if (!HEADER.equals(r.toList())) {
            problem(line, "表头应为 " + String.join(",", HEADER), "the header must be " + String.join(",", HEADER));
            break;
          }
          continue;
        }
        if (workers.size() + problemCount >= MAX_LINES) {
          problem(line, "一次最多导入 " + MAX_LINES + " 人，请分文件导入", "at most " + MAX_LINES + " workers per file");
          break;
        }
        Worker w = line(r, line, seen);
        if (w != null) {
          workers.add(w);
        }
      }
      if (!header) {
        problem(1, "文件为空", "the file is empty");
      } else if (workers.isEmpty() && problemCount == 0) {
        problem(2, "文件中没有社区工作者", "the file holds no workers");
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      problems.add(new FieldProblem("file", "CSV 格式错误（引号不配对等）", "malformed CSV (unbalanced quotes or similar)"));
      problemCount++;
    }
    return new Parsed(problemCount == 0 ? workers : List.of(), List.copyOf(problems), problemCount);
  }

  private Worker line(CSVRecord r, long line, Map<String, Long> seen) {
    int before = problemCount;
    if (r.size() != HEADER.size()) {
      problem(line, "应有 " + HEADER.size() + " 列，实有 " + r.size() + " 列", "expected " + HEADER.size() + " columns, found "
          + r.size());
      return null;
    }
    String id = r.get(0);
    if (!id.isEmpty()) {
      Long first = seen.putIfAbsent(id, line);
      if (!ID.matcher(id).matches()) {
        problem(line, "工号只能由字母、数字、- 和 _ 组成，最长 20 位", "the worker id may hold letters, digits, - and _ (20 at most)");
      } else if (first != null) {
        problem(line, "工号 " + id + " 与第 " + first + " 行重复", "worker id " + id + " repeats line " + first);
      } else if (ASSIGNED.matcher(id).matches()) {
        problem(line, "形如 W000123 的工号由系统分配，请留空或使用本单位原有工号", "ids like W000123 are assigned by the "
            + "registry: leave the id empty or use your own numbering");
      } else if (existingIds.contains(id)) {
        problem(line, "名册中已有工号 " + id, "the registry already has worker " + id);
      }
    }
    String name = text(r.get(1), "姓名", 50, line);
    Gender gender = label(Gender.class, r.get(2), "性别", line);
    LocalDate born = date(r.get(3), "出生日期", line);
    Community community = communities.apply(r.get(4));
    if (community == null) {
      problem(line, "没有代码为“" + shorten(r.get(4)) + "”的在册社区", "no active community " + shorten(r.get(4)));
    }
    Post post = label(Post.class, r.get(5), "岗位", line);
    String duty = text(r.get(6), "职务", 50, line);
    Integer grade = grade(r.get(7), post, line);
    LocalDate gradeSince = date(r.get(8), "定级日期", line);
    Education education = label(Education.class, r.get(9), "学历", line);
    Qualification qualification = label(Qualification.class, r.get(10), "职业资格", line);
    LocalDate serviceStart = date(r.get(11), "参加工作日期", line);
    LocalDate hired = date(r.get(12), "入职日期", line);
    if (born != null && hired != null && born.plusYears(16).isAfter(hired)) {
      problem(line, "入职时未满 16 周岁", "younger than 16 when hired");
    }
    if (serviceStart != null && hired != null && serviceStart.isAfter(hired)) {
      problem(line, "参加工作日期不能晚于入职日期", "the service start cannot be after the hire date");
    }
    if (gradeSince != null && hired != null && gradeSince.isBefore(hired)) {
      problem(line, "定级日期不能早于入职日期", "the grade cannot date from before the hire");
    }
    if (problemCount > before) {
      return null;
    }
    return new Worker(id.isEmpty() ? null : id, name, gender, born, community.code(), post, duty, grade, gradeSince,
        rules.payCoefficient(grade), education, qualification, serviceStart, hired, WorkerStatus.ACTIVE, hired, null,
        false, community.name(), community.streetCode());
  }

  private String text(String v, String label, int max, long line) {
    if (v.isEmpty()) {
      problem(line, label + "为必填项", label + " is required");
      return null;
    }
    if (v.length() > max || BAD_TEXT.matcher(v).find()) {
      problem(line, label + "不能超过 " + max + " 字，且不能含控制字符", label + ": at most " + max
          + " characters, no control characters");
      return null;
    }
    return v;
  }

  private <E extends Enum<E> & Labelled> E label(Class<E> type, String v, String label, long line) {
    return Labelled.parse(type, v).orElseGet(() -> {
      problem(line, label + "“" + shorten(v) + "”无效，可选：" + Labelled.labels(type), label + " is not a valid value");
      return null;
    });
  }

  private LocalDate date(String v, String label, long line) {
    try {
      LocalDate d = LocalDate.parse(v);
      if (d.isBefore(EARLIEST) || d.isAfter(today)) {
        problem(line, label + "须在 " + EARLIEST + " 到今天之间", label + " must be between " + EARLIEST + " and today");
        return null;
      }
      return d;
    } catch (DateTimeParseException e) {
      problem(line, label + "“" + shorten(v) + "”不是日期（如 2019-03-01）", label + " is not a date such as 2019-03-01");
      return null;
    }
  }

  private Integer grade(String v, Post post, long line) {
    int g;
    try {
      g = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      problem(line, "等级“" + shorten(v) + "”须为整数", "the grade must be a whole number");
      return null;
    }
    if (post == null) {
      return null;
    }
    Band band = bands.computeIfAbsent(post, rules::band);
    if (g < band.minGrade() || g > band.maxGrade()) {
      problem(line, "等级 " + g + " 不在" + band.describe() + "内", "grade " + g + " is outside the band of the post ("
          + band.minGrade() + "-" + band.maxGrade() + ")");
      return null;
    }
    return g;
  }

  private void problem(long line, String zh, String en) {
    problemCount++;
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(new FieldProblem("第 " + line + " 行", "第 " + line + " 行：" + zh, "line " + line + ": " + en));
    }
  }

  private static String shorten(String v) {
    return v.length() > 30 ? v.substring(0, 30) + "…" : v;
  }
}
