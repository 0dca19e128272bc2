package cn.ronghe.organisation;

import cn.ronghe.platform.error.FieldProblem;
import cn.ronghe.platform.error.RongheException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and validates a registry file. One file holds the whole registry, one record a line:
 * {@code record_type,code,name,parent_code,kind,sample_data} with record types street, community (parent =
 * street), unit and pairing (code = unit, parent = community). Lines starting with {@code #} are comments;
 * a comment "version X" names the file's version. Every problem names its line; any problem rejects the file.
 */
public final class RegistryCsv {

  static final List<String> HEADER = List.of("record_type", "code", "name", "parent_code", "kind", "sample_data");
  static final int MAX_PROBLEMS = 50;
  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_-]{1,31}");
  private static final Pattern VERSION = Pattern.compile("version\\s+(\\S{1,40})");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Cs}\\p{Co}\\p{Cn}]");

  private RegistryCsv() {
  }

  public static RegistrySnapshot parse(byte[] content, String fallbackLabel) {
    String text = decode(content);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<FieldProblem> problems = new ArrayList<>();
    String label = fallbackLabel;
    Matcher version = VERSION.matcher(text.lines().filter(l -> l.startsWith("#")).findFirst().orElse(""));
    if (version.find()) {
      label = version.group(1);
    }
    Map<String, Street> streets = new LinkedHashMap<>();
    Map<String, Community> communities = new LinkedHashMap<>();
    Map<String, Unit> units = new LinkedHashMap<>();
    Map<String, Pairing> pairings = new LinkedHashMap<>();
    Map<Pairing, Long> pairingLines = new LinkedHashMap<>();
    Map<Community, Long> communityLines = new LinkedHashMap<>();

    CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreEmptyLines(true)
        .setTrim(true).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      boolean headerSeen = false;
      for (CSVRecord r : parser) {
        long line = parser.getCurrentLineNumber();
        if (!headerSeen) {
          headerSeen = true;
          if (!HEADER.equals(r.toList())) {
            throw RongheException.invalid(List.of(problem(line, "表头应为 " + String.join(",", HEADER),
                "the header must be " + String.join(",", HEADER))));
          }
          continue;
        }
        if (problems.size() >= MAX_PROBLEMS) {
          break;
        }
        readRecord(r, line, problems, streets, communities, units, pairings, pairingLines, communityLines);
      }
      if (!headerSeen) {
        problems.add(problem(1, "文件为空", "the file is empty"));
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      problems.add(new FieldProblem("文件", "CSV 格式错误（引号不配对等）：" + shorten(e.getMessage()),
          "malformed CSV (unbalanced quotes or similar): " + shorten(e.getMessage())));
    }

    communityLines.forEach((c, line) -> {
      if (!streets.containsKey(c.streetCode())) {
        problems.add(problem(line, "社区 " + c.code() + " 所属镇街 " + c.streetCode() + " 不在文件中",
            "community " + c.code() + " names street " + c.streetCode() + ", which the file does not define"));
      }
    });
    pairingLines.forEach((p, line) -> {
      if (!units.containsKey(p.unitCode())) {
        problems.add(problem(line, "结对中的共建单位 " + p.unitCode() + " 不在文件中",
            "pairing names unit " + p.unitCode() + ", which the file does not define"));
      }
      if (!communities.containsKey(p.communityCode())) {
        problems.add(problem(line, "结对中的社区 " + p.communityCode() + " 不在文件中",
            "pairing names community " + p.communityCode() + ", which the file does not define"));
      }
    });
    if (problems.isEmpty() && (streets.isEmpty() || communities.isEmpty())) {
      problems.add(new FieldProblem("文件", "至少需要一个镇街和一个社区", "at least one street and one community are required"));
    }
    if (!problems.isEmpty()) {
      throw RongheException.invalid(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
    }
    return new RegistrySnapshot(label, List.copyOf(streets.values()), List.copyOf(communities.values()),
        List.copyOf(units.values()), List.copyOf(pairings.values()));
  }

  private static void readRecord(CSVRecord r, long line, List<FieldProblem> problems, Map<String, Street> streets,
      Map<String, Community> communities, Map<String, Unit> units, Map<String, Pairing> pairings,
      Map<Pairing, Long> pairingLines, Map<Community, Long> communityLines) {
    if (r.size() != HEADER.size()) {
      problems.add(problem(line, "应有 6 列，实际 " + r.size() + " 列", "expected 6 columns, found " + r.size()));
      return;
    }
    String type = r.get(0);
    String code = r.get(1);
    String name = r.get(2);
    String parent = r.get(3);
    String kind = r.get(4);
    String sampleText = r.get(5);
    int before = problems.size();
    if (!CODE.matcher(code).matches()) {
      problems.add(problem(line, "编码 \"" + shorten(code) + "\" 无效（小写字母开头，2–32 位小写字母、数字、-、_）",
          "code \"" + shorten(code) + "\" is invalid (2-32 of a-z, 0-9, - and _, starting with a letter)"));
    }
    Boolean sample = switch (sampleText.toLowerCase()) {
      case "true" -> true;
      case "false", "" -> false;
      default -> null;
    };
    if (sample == null) {
      problems.add(problem(line, "sample_data 只能是 true、false 或留空", "sample_data must be true, false or empty"));
    }
    if (!type.equals("pairing")) {
      checkName(name, type.equals("unit") ? 200 : 100, line, problems);
    }
    switch (type) {
      case "street" -> {
        StreetKind k = parseEnum(StreetKind.class, kind, line, problems, "TOWN、STREET 或 ZONE");
        if (streets.containsKey(code)) {
          problems.add(duplicate(line, "镇街", code));
        } else if (problems.size() == before) {
          streets.put(code, new Street(code, name, k, sample, true));
        }
      }
      case "community" -> {
        if (parent.isEmpty()) {
          problems.add(problem(line, "社区必须填写所属镇街编码（parent_code）", "a community needs its street code in parent_code"));
        }
        if (communities.containsKey(code)) {
          problems.add(duplicate(line, "社区", code));
        } else if (problems.size() == before) {
          Community c = new Community(code, name, parent, sample, true);
          communities.put(code, c);
          communityLines.put(c, line);
        }
      }
      case "unit" -> {
        UnitKind k = parseEnum(UnitKind.class, kind, line, problems, "AGENCY、SOE 或 NEW_ORG");
        if (units.containsKey(code)) {
          problems.add(duplicate(line, "共建单位", code));
        } else if (problems.size() == before) {
          units.put(code, new Unit(code, name, k, sample, true));
        }
      }
      case "pairing" -> {
        String key = code + "->" + parent;
        if (pairings.containsKey(key)) {
          problems.add(problem(line, "结对 " + code + " → " + parent + " 重复", "duplicate pairing " + code + " -> " + parent));
        } else if (problems.size() == before) {
          Pairing p = new Pairing(code, parent, true);
          pairings.put(key, p);
          pairingLines.put(p, line);
        }
      }
      default -> problems.add(problem(line, "记录类型 \"" + shorten(type) + "\" 无效（street、community、unit、pairing）",
          "record type \"" + shorten(type) + "\" is invalid (street, community, unit, pairing)"));
    }
  }

  private static void checkName(String name, int max, long line, List<FieldProblem> problems) {
    if (name.isEmpty() || name.length() > max) {
      problems.add(problem(line, "名称必填且不超过 " + max + " 字", "name is required and at most " + max + " characters"));
    } else if (CONTROL.matcher(name).find() || name.contains("<") || name.contains(">")) {
      problems.add(problem(line, "名称含有不允许的字符（控制字符或尖括号）",
          "name contains characters that are not allowed (control characters or angle brackets)"));
    }
  }

  private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, long line, List<FieldProblem> problems,
      String allowedZh) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      problems.add(problem(line, "类型 \"" + shorten(value) + "\" 无效，应为 " + allowedZh,
          "kind \"" + shorten(value) + "\" is invalid, expected " + allowedZh.replace("、", ", ").replace("或", "or")));
      return null;
    }
  }

  private static FieldProblem duplicate(long line, String what, String code) {
    return problem(line, what + "编码 " + code + " 重复", "duplicate code " + code);
  }

  private static FieldProblem problem(long line, String zh, String en) {
    return new FieldProblem("第 " + line + " 行 (line " + line + ")", zh, en);
  }

  private static String decode(byte[] content) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      throw RongheException.invalid(List.of(new FieldProblem("文件", "文件不是有效的 UTF-8 编码",
          "the file is not valid UTF-8")));
    }
  }

  private static String shorten(String s) {
    if (s == null) {
      return "";
    }
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
