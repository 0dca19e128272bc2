package cn.ronghe.cobuilding;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * CSV exports for spreadsheet users: UTF-8 with a byte-order mark (so Excel reads the Chinese), quoted cells,
 * and cells that a spreadsheet would run as a formula defused with a leading apostrophe.
 */
public final class Csv {

  private final StringBuilder out = new StringBuilder("\uFEFF");

  public Csv(List<String> header) {
    row(header.toArray());
  }

  public Csv row(Object... cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells[i]));
    }
    out.append("\r\n");
    return this;
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) {
      s = "'" + s;
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      s = "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  public ResponseEntity<byte[]> download(String fileName) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(out.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
