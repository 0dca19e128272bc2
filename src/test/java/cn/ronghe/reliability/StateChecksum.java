package cn.ronghe.reliability;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * A fingerprint of what the system holds: every row of the project's tables and of the engine's runtime tables
 * (executions, tasks, variables, jobs, incidents), one hash a table. Equal fingerprints before and after a test
 * mean the test changed nothing. The engine's metrics tables are left out: they count work, not state.
 */
final class StateChecksum {

  private StateChecksum() {
  }

  static Map<String, String> of(DataSource dataSource) {
    Map<String, String> hashes = new TreeMap<>();
    try (Connection c = dataSource.getConnection()) {
      for (String table : tables(c.getMetaData())) {
        hashes.put(table, hash(c, table));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return hashes;
  }

  private static List<String> tables(DatabaseMetaData meta) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String schema = String.valueOf(rs.getString("TABLE_SCHEM")).toLowerCase(Locale.ROOT);
        String name = rs.getString("TABLE_NAME");
        String upper = name.toUpperCase(Locale.ROOT);
        boolean engine = upper.startsWith("ACT_");
        boolean runtime = upper.startsWith("ACT_RU_") && !upper.contains("METER");
        if (schema.equals("public") && (!engine || runtime)) {
          tables.add(name);
        }
      }
    }
    return tables;
  }

  private static String hash(Connection c, String table) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(rs.getString(i)).append('\u0001');
        }
        rows.add(row.toString());
      }
    }
    rows.sort(null);
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      rows.forEach(r -> digest.update(r.getBytes(StandardCharsets.UTF_8)));
      return rows.size() + " rows " + HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
