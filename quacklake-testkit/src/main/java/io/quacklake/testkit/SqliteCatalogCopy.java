package io.quacklake.testkit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Copies every table of a DuckDB-file DuckLake catalog into a new SQLite file, with the SQLite
 * layout Quacklake uses (spec digest §6.5): catalog columns keep DuckDB's type names as declared
 * types; integers and booleans are stored as INTEGER, blobs as BLOB, and every other value as
 * DuckDB's VARCHAR text (timestamps with time zone in UTC, {@code +00}). Inlined user columns other
 * than integers, booleans and blobs are declared VARCHAR so that SQLite's numeric affinity cannot
 * round decimals, doubles or large unsigned integers.
 */
public final class SqliteCatalogCopy {
  private SqliteCatalogCopy() {}

  public static void copy(Path duckdbCatalog, Path sqliteFile) throws SQLException {
    Properties ro = new Properties();
    ro.setProperty("duckdb.read_only", "true");
    try (Connection src = DriverManager.getConnection("jdbc:duckdb:" + duckdbCatalog, ro);
        Connection dst = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile)) {
      try (Statement s = src.createStatement()) {
        s.execute("SET TimeZone = 'UTC'");
      }
      dst.setAutoCommit(false);
      for (String table : tables(src)) {
        copyTable(src, dst, table);
      }
      dst.commit();
    }
  }

  private static List<String> tables(Connection src) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = src.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = current_schema() ORDER BY table_name")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private record Column(String name, String duckType, Kind kind) {}

  private enum Kind {
    INTEGER,
    BOOLEAN,
    BLOB,
    TEXT
  }

  private static void copyTable(Connection src, Connection dst, String table) throws SQLException {
    boolean inlined = table.startsWith("ducklake_inlined_data_");
    List<Column> columns = new ArrayList<>();
    try (PreparedStatement ps =
        src.prepareStatement(
            "SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_name = ? AND table_schema = current_schema()"
                + " ORDER BY ordinal_position")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String type = rs.getString(2);
          columns.add(new Column(rs.getString(1), type, kind(type)));
        }
      }
    }
    StringBuilder create = new StringBuilder("CREATE TABLE ").append(quote(table)).append(" (");
    StringBuilder select = new StringBuilder("SELECT ");
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      String sep = i == 0 ? "" : ", ";
      String declared = inlined && c.kind == Kind.TEXT ? "VARCHAR" : c.duckType;
      create.append(sep).append(quote(c.name)).append(' ').append(declared);
      select
          .append(sep)
          .append(c.kind == Kind.TEXT ? "CAST(" + quote(c.name) + " AS VARCHAR)" : quote(c.name));
    }
    create.append(")");
    select.append(" FROM ").append(quote(table));
    try (Statement s = dst.createStatement()) {
      s.execute(create.toString());
    }
    String placeholders = String.join(", ", columns.stream().map(c -> "?").toList());
    try (Statement s = src.createStatement();
        ResultSet rs = s.executeQuery(select.toString());
        PreparedStatement insert =
            dst.prepareStatement(
                "INSERT INTO " + quote(table) + " VALUES (" + placeholders + ")")) {
      while (rs.next()) {
        for (int i = 0; i < columns.size(); i++) {
          bind(insert, i + 1, rs, columns.get(i).kind);
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void bind(PreparedStatement insert, int index, ResultSet rs, Kind kind)
      throws SQLException {
    switch (kind) {
      case INTEGER -> {
        long v = rs.getLong(index);
        if (rs.wasNull()) {
          insert.setNull(index, java.sql.Types.BIGINT);
        } else {
          insert.setLong(index, v);
        }
      }
      case BOOLEAN -> {
        boolean v = rs.getBoolean(index);
        if (rs.wasNull()) {
          insert.setNull(index, java.sql.Types.INTEGER);
        } else {
          insert.setInt(index, v ? 1 : 0);
        }
      }
      case BLOB -> insert.setBytes(index, rs.getBytes(index));
      case TEXT -> insert.setString(index, rs.getString(index));
    }
  }

  private static Kind kind(String duckType) {
    String t = duckType.toUpperCase(Locale.ROOT);
    return switch (t) {
      case "BIGINT", "INTEGER", "SMALLINT", "TINYINT", "UINTEGER", "USMALLINT", "UTINYINT" ->
          Kind.INTEGER;
      case "BOOLEAN" -> Kind.BOOLEAN;
      case "BLOB" -> Kind.BLOB;
      default -> Kind.TEXT;
    };
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
