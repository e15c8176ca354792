package io.quacklake.testkit;

import io.quacklake.catalog.CatalogInitializer;
import io.quacklake.catalog.CatalogLocation;
import java.nio.charset.StandardCharsets;
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
 * Copies a DuckDB-file DuckLake catalog into an empty PostgreSQL database laid out as DuckDB's
 * postgres extension lays it out (spec digest §6.5): the fixed tables with PostgreSQL's native
 * types (created by Quacklake's PostgreSQL DDL; other tables such as inlined deletes with DuckDB's
 * type names, which PostgreSQL shares for them), and inlined-data tables whose user columns map as
 * DuckDB maps them (integers, floats, decimals, booleans and UUIDs native; VARCHAR, JSON and BLOB
 * as BYTEA; everything else as its DuckDB text in VARCHAR). Values travel as text, except bytes.
 */
public final class PostgresCatalogCopy {
  private PostgresCatalogCopy() {}

  /**
   * @param location a {@code postgres:} location of an empty database
   */
  public static void copy(Path duckdbCatalog, String location) throws SQLException {
    CatalogInitializer.create(CatalogLocation.parse(location), "copied/", "copy");
    Properties ro = new Properties();
    ro.setProperty("duckdb.read_only", "true");
    Properties pg = new Properties();
    pg.setProperty("stringtype", "unspecified");
    try (Connection src = DriverManager.getConnection("jdbc:duckdb:" + duckdbCatalog, ro);
        Connection dst = DriverManager.getConnection(TestCatalogs.jdbcUrl(location), pg)) {
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

  private record Column(String name, String duckType) {}

  private static void copyTable(Connection src, Connection dst, String table) throws SQLException {
    boolean inlined = table.matches("ducklake_inlined_data_\\d+_\\d+");
    List<Column> columns = new ArrayList<>();
    try (PreparedStatement ps =
        src.prepareStatement(
            "SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_name = ? AND table_schema = current_schema()"
                + " ORDER BY ordinal_position")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.add(new Column(rs.getString(1), rs.getString(2)));
        }
      }
    }
    try (Statement s = dst.createStatement()) {
      if (inlined) {
        StringBuilder create = new StringBuilder("CREATE TABLE ").append(quote(table)).append(" (");
        for (int i = 0; i < columns.size(); i++) {
          Column c = columns.get(i);
          create.append(i == 0 ? "" : ", ").append(quote(c.name())).append(' ');
          create.append(i < 3 ? "BIGINT" : inlinedType(c.duckType()));
        }
        s.execute(create.append(")").toString());
      } else if (exists(dst, table)) {
        s.execute("DELETE FROM " + quote(table));
        for (Column c : columns) {
          s.execute(
              "ALTER TABLE "
                  + quote(table)
                  + " ADD COLUMN IF NOT EXISTS "
                  + quote(c.name())
                  + " "
                  + pgType(c.duckType()));
        }
      } else {
        StringBuilder create = new StringBuilder("CREATE TABLE ").append(quote(table)).append(" (");
        for (int i = 0; i < columns.size(); i++) {
          Column c = columns.get(i);
          create.append(i == 0 ? "" : ", ").append(quote(c.name())).append(' ');
          create.append(pgType(c.duckType()));
        }
        s.execute(create.append(")").toString());
      }
    }
    StringBuilder select = new StringBuilder("SELECT ");
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      select.append(i == 0 ? "" : ", ");
      select.append(bytes(c) ? quote(c.name()) : "CAST(" + quote(c.name()) + " AS VARCHAR)");
    }
    select.append(" FROM ").append(quote(table));
    String placeholders = String.join(", ", columns.stream().map(c -> "?").toList());
    String names = String.join(", ", columns.stream().map(c -> quote(c.name())).toList());
    try (Statement s = src.createStatement();
        ResultSet rs = s.executeQuery(select.toString());
        PreparedStatement insert =
            dst.prepareStatement(
                "INSERT INTO " + quote(table) + " (" + names + ") VALUES (" + placeholders + ")")) {
      while (rs.next()) {
        for (int i = 0; i < columns.size(); i++) {
          Column c = columns.get(i);
          if (bytes(c)) {
            insert.setBytes(i + 1, rs.getBytes(i + 1));
          } else if (inlined && i >= 3 && isText(c.duckType())) {
            String v = rs.getString(i + 1);
            insert.setBytes(i + 1, v == null ? null : v.getBytes(StandardCharsets.UTF_8));
          } else {
            insert.setString(i + 1, rs.getString(i + 1));
          }
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static boolean bytes(Column c) {
    return c.duckType().equalsIgnoreCase("BLOB");
  }

  private static boolean isText(String duckType) {
    String t = duckType.toUpperCase(Locale.ROOT);
    return t.equals("VARCHAR") || t.equals("JSON");
  }

  /** DuckDB's postgres mapping for inlined user columns (as {@code PostgresDialect} writes). */
  private static String inlinedType(String duckType) {
    String t = duckType.toUpperCase(Locale.ROOT);
    if (t.startsWith("DECIMAL")) {
      return t.replace("DECIMAL", "NUMERIC");
    }
    return switch (t) {
      case "BOOLEAN" -> "BOOLEAN";
      case "TINYINT", "SMALLINT" -> "SMALLINT";
      case "INTEGER", "UTINYINT", "USMALLINT" -> "INTEGER";
      case "BIGINT", "UINTEGER" -> "BIGINT";
      case "FLOAT" -> "REAL";
      case "DOUBLE" -> "DOUBLE PRECISION";
      case "VARCHAR", "JSON", "BLOB" -> "BYTEA";
      case "UUID" -> "UUID";
      default -> "VARCHAR";
    };
  }

  /** A catalog column's type in PostgreSQL (newer spec versions add columns and tables). */
  private static String pgType(String duckType) {
    return switch (duckType.toUpperCase(Locale.ROOT)) {
      case "BLOB" -> "BYTEA";
      case "DOUBLE" -> "DOUBLE PRECISION";
      case "UBIGINT", "HUGEINT" -> "NUMERIC";
      default -> duckType;
    };
  }

  private static boolean exists(Connection c, String table) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM information_schema.tables WHERE table_name = ?"
                + " AND table_schema = current_schema()")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
