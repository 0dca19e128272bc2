package cn.ronghe.platform.process;

import cn.ronghe.platform.error.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lines a person types into a textarea to pick single items out of a batch: an item's code, then the rest
 * (numbers, a reason), separated by spaces or commas — {@code PB00017 4 群众满意度偏低}. Blank lines are skipped; a
 * line that does not start with a code is a problem naming the line.
 */
public final class CodedLines {

  /** One line: its number (from 1), the code and the rest, trimmed. */
  public record Line(int number, String code, String rest) {

    /** The rest split at spaces and commas into at most {@code parts} pieces. */
    public String[] parts(int parts) {
      return rest.isEmpty() ? new String[0] : rest.split("[\\s,，、;；]+", parts);
    }

    public FieldProblem problem(String field, String zh, String en) {
      return new FieldProblem(field, "第 " + number + " 行：" + zh, "line " + number + ": " + en);
    }
  }

  private CodedLines() {
  }

  /**
   * @param codePattern a regular expression for the code, e.g. {@code PB\d{5}}
   * @param example     an example line shown when a line does not start with a code
   */
  public static List<Line> parse(String text, String field, String codePattern, String example,
      List<FieldProblem> problems) {
    List<Line> lines = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return lines;
    }
    Pattern pattern = Pattern.compile("^\\s*(" + codePattern + ")(?:[\\s,，、:：;；]+(.*?))?\\s*$");
    String[] raw = text.split("\\r?\\n");
    for (int i = 0; i < raw.length; i++) {
      if (raw[i].isBlank()) {
        continue;
      }
      Matcher m = pattern.matcher(raw[i]);
      if (!m.matches()) {
        problems.add(new FieldProblem(field, "第 " + (i + 1) + " 行：格式应为“" + example + "”",
            "line " + (i + 1) + ": expected a line such as " + example));
        continue;
      }
      lines.add(new Line(i + 1, m.group(1), m.group(2) == null ? "" : m.group(2).strip()));
    }
    return lines;
  }
}
