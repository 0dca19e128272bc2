package cn.ronghe.career.review;

import cn.ronghe.platform.error.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lines a person types to pick single reviews out of a batch: a worker id, then free text (a reason) or a
 * result and a note, separated by spaces or commas: {@code W000123 考核结果录入有误}.
 */
final class SendBackLines {

  record Line(int number, String workerId, String rest) {
  }

  private static final Pattern LINE = Pattern.compile("^\\s*(W\\d{6})[\\s,，、:：]*(.*?)\\s*$");

  private SendBackLines() {
  }

  static List<Line> parse(String text, String field, List<FieldProblem> problems) {
    List<Line> lines = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return lines;
    }
    String[] raw = text.split("\\r?\\n");
    for (int i = 0; i < raw.length; i++) {
      if (raw[i].isBlank()) {
        continue;
      }
      Matcher m = LINE.matcher(raw[i]);
      if (!m.matches()) {
        problems.add(new FieldProblem(field, "第 " + (i + 1) + " 行：应以工号开头（如 W000123 理由）",
            "line " + (i + 1) + ": must start with a worker id such as W000123"));
        continue;
      }
      lines.add(new Line(i + 1, m.group(1), m.group(2)));
    }
    return lines;
  }
}
