package cn.ronghe.career.review;

import cn.ronghe.career.AssessmentResult;
import cn.ronghe.career.CareerProcesses;
import cn.ronghe.career.Labelled;
import cn.ronghe.career.Worker;
import cn.ronghe.career.WorkerStatus;
import cn.ronghe.career.registry.WorkerRepository;
import cn.ronghe.platform.audit.DecisionLog;
import cn.ronghe.platform.calendar.Deadlines;
import cn.ronghe.platform.error.FieldProblem;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;

/**
 * The street's annual assessment results (年度考核结果), entered one by one, pasted into the task form or imported
 * as CSV. A file is checked whole before anything is stored: every bad line is named, and one bad line stores
 * nothing.
 */
@Service
public class AssessmentEntry {

  /** One line: worker id, optional name (checked against the registry), result as typed. */
  public record Line(int number, String workerId, String name, String result) {
  }

  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setTrim(true).get();

  private final WorkerRepository workers;
  private final ReviewRepository reviews;
  private final DecisionLog log;
  private final Deadlines clock;

  AssessmentEntry(WorkerRepository workers, ReviewRepository reviews, DecisionLog log, Deadlines clock) {
    this.workers = workers;
    this.reviews = reviews;
    this.log = log;
    this.clock = clock;
  }

  /**
   * Lines {@code 工号,考核结果} or {@code 工号,姓名,考核结果}; a first line starting with 工号 or workerId is a header.
   * Tabs (pasted from a spreadsheet) and Chinese commas count as commas.
   */
  public static List<Line> parse(String text, String field, List<FieldProblem> problems) {
    List<Line> lines = new ArrayList<>();
    if (text == null) {
      return lines;
    }
    String[] raw = text.replace("\uFEFF", "").split("\\r?\\n");
    for (int i = 0; i < raw.length; i++) {
      String l = raw[i].replace('\t', ',').replace('，', ',').strip();
      if (l.isEmpty() || l.startsWith("#") || (i == 0 && (l.startsWith("工号") || l.startsWith("workerId")))) {
        continue;
      }
      List<String> cells = cells(l);
      if (cells.size() == 2) {
        lines.add(new Line(i + 1, cells.get(0), null, cells.get(1)));
      } else if (cells.size() == 3) {
        lines.add(new Line(i + 1, cells.get(0), cells.get(1), cells.get(2)));
      } else {
        problems.add(new FieldProblem(field, "第 " + (i + 1) + " 行：应为“工号,考核结果”或“工号,姓名,考核结果”",
            "line " + (i + 1) + ": expected workerId,result or workerId,name,result"));
      }
    }
    return lines;
  }

  private static List<String> cells(String line) {
    try (CSVParser p = CSVParser.parse(line, FORMAT)) {
      List<CSVRecord> records = p.getRecords();
      return records.isEmpty() ? List.of() : records.get(0).toList();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  /**
   * Checks every line for the year and — when given — the street, then stores all of them; returns the problems
   * instead when there is any (and stores nothing).
   */
  public List<FieldProblem> enter(int year, String street, List<Line> lines, String source, String actor,
      String field) {
    List<FieldProblem> problems = new ArrayList<>();
    if (year < 2000 || year > clock.today().getYear()) {
      problems.add(new FieldProblem("year", "考核年度须在 2000 年到今年之间", "the year must be 2000 to this year"));
      return problems;
    }
    Map<String, Worker> found = workers.findAll(lines.stream().map(Line::workerId).toList());
    Map<String, Review> open = reviews.reviewsOf(found.keySet(), year);
    Map<String, Integer> seen = new HashMap<>();
    List<Object[]> accepted = new ArrayList<>();
    for (Line line : lines) {
      String at = "第 " + line.number() + " 行：";
      String en = "line " + line.number() + ": ";
      Optional<AssessmentResult> result = Labelled.parse(AssessmentResult.class, line.result());
      Worker w = found.get(line.workerId());
      Integer first = seen.putIfAbsent(line.workerId(), line.number());
      Optional<Review> review = w == null ? Optional.empty() : Optional.ofNullable(open.get(w.workerId()));
      if (result.isEmpty()) {
        problems.add(new FieldProblem(field, at + "考核结果“" + line.result() + "”无效，只能是"
            + Labelled.labels(AssessmentResult.class), en + "the result must be 优秀, 称职, 基本称职 or 不称职"));
      } else if (w == null) {
        problems.add(new FieldProblem(field, at + "名册中没有工号 " + line.workerId(), en + "no worker " + line.workerId()));
      } else if (first != null) {
        problems.add(new FieldProblem(field, at + "工号 " + w.workerId() + " 与第 " + first + " 行重复",
            en + "worker " + w.workerId() + " repeats line " + first));
      } else if (street != null && !street.equals(w.streetCode())) {
        problems.add(new FieldProblem(field, at + w.workerId() + " " + w.name() + " 是" + w.communityName()
            + "的社区工作者，不属于本街道", en + "worker " + w.workerId() + " belongs to another street"));
      } else if (w.status() != WorkerStatus.ACTIVE) {
        problems.add(new FieldProblem(field, at + w.workerId() + " " + w.name() + " 不在岗（" + w.status().label() + "）",
            en + "worker " + w.workerId() + " is not active"));
      } else if (line.name() != null && !line.name().equals(w.name())) {
        problems.add(new FieldProblem(field, at + "工号 " + w.workerId() + " 的姓名是 " + w.name() + "，不是 "
            + line.name(), en + "the name does not match worker " + w.workerId()));
      } else if (review.isPresent() && review.get().stage() != ReviewStage.DUE
          && review.get().stage() != ReviewStage.ASSESSED) {
        problems.add(new FieldProblem(field, at + w.workerId() + " " + w.name() + " 的 " + year + " 年度评定已"
            + review.get().stage().label() + "，不能再改考核结果（如需更正，请在处理退回建议时更正）",
            en + "the " + year + " review of " + w.workerId() + " is past assessment"));
      } else {
        accepted.add(new Object[] {w, result.get(), review.orElse(null)});
      }
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    LocalDateTime now = ReviewCycles.now();
    Map<String, AssessmentResult> byWorker = new java.util.LinkedHashMap<>();
    Map<Long, AssessmentResult> byReview = new HashMap<>();
    for (Object[] a : accepted) {
      Worker w = (Worker) a[0];
      AssessmentResult result = (AssessmentResult) a[1];
      Review review = (Review) a[2];
      byWorker.put(w.workerId(), result);
      if (review != null) {
        byReview.put(review.id(), result);
        log.record(review.caseNo(), CareerProcesses.REVIEW_STREET, null, "assessment", "ASSESSED_" + result.name(),
            year + " 年度考核结果：" + result.label() + "（" + source + "）", actor, null);
      }
    }
    workers.putAssessments(year, byWorker, source, actor);
    reviews.setAssessments(byReview, actor, now);
    return problems;
  }
}
