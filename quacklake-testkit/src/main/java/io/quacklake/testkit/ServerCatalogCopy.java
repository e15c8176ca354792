package io.quacklake.testkit;

import io.quacklake.internal.catalog.CatalogInitializer;
import io.quacklake.internal.catalog.CatalogLocation;
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
 * Copies a DuckDB-file DuckLake catalog into an empty PostgreSQL or MySQL/MariaDB database laid out
 * as DuckDB's postgres and mysql extensions lay it out (spec digest §6.5): the fixed tables with
 * the database's native types (created by Quacklake's DDL for that database; other tables such as
 * inlined deletes, and columns of newer spec versions, from DuckDB's type names), and inlined-data
 * tables whose user columns map as DuckDB maps them. PostgreSQL: integers, floats, decimals,
 * booleans and UUIDs native, VARCHAR/JSON/BLOB as BYTEA, the rest as DuckDB text. MySQL: integers
 * as BIGINT, booleans as BOOLEAN, BLOB as LONGBLOB, the rest as LONGTEXT. Values travel as text,
 * except bytes and booleans.
 */
public final class ServerCatalogCopy {
  private ServerCatalogCopy() {}

  /**
   * @param location a {@code postgres:} or {@code mysql:} location of an empty database
   */
  public static void copy(Path duckdbCatalog, String location) throws SQLException {
    boolean mysql = location.startsWith("mysql:");
    CatalogInitializer.create(CatalogLocation.parse(location), "copied/", "copy");
    Properties ro = new Properties();
    ro.setProperty("duckdb.read_only", "true");
    Properties target = new Properties();
    target.setProperty("stringtype", "unspecified");
    target.setProperty("sessionVariables", "sql_mode='ANSI_QUOTES,STRICT_TRANS_TABLES'");
    try (Connection src = DriverManager.getConnection("jdbc:duckdb:" + duckdbCatalog, ro);
        Connection dst = DriverManager.getConnection(TestCatalogs.jdbcUrl(location), target)) {
      try (Statement s = src.createStatement()) {
        s.execute("SET TimeZone = 'UTC'");
      }
      dst.setAutoCommit(false);
      for (String table : tables(src)) {
        copyTable(src, dst, table, mysql);
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

  private static void copyTable(Connection src, Connection dst, String table, boolean mysql)
      throws SQLException {
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
          create.append(
              i < 3
                  ? "BIGINT"
                  : mysql ? mysqlInlinedType(c.duckType()) : inlinedType(c.duckType()));
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
                  + columnType(c.duckType(), mysql));
        }
      } else {
        StringBuilder create = new StringBuilder("CREATE TABLE ").append(quote(table)).append(" (");
        for (int i = 0; i < columns.size(); i++) {
          Column c = columns.get(i);
          create.append(i == 0 ? "" : ", ").append(quote(c.name())).append(' ');
          create.append(columnType(c.duckType(), mysql));
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
          } else if (mysql && c.duckType().equalsIgnoreCase("BOOLEAN")) {
            boolean v = rs.getBoolean(i + 1);
            if (rs.wasNull()) {
              insert.setNull(i + 1, java.sql.Types.BOOLEAN);
            } else {
              insert.setBoolean(i + 1, v);
            }
          } else if (mysql && c.duckType().equalsIgnoreCase("TIMESTAMP WITH TIME ZONE")) {
            String v = rs.getString(i + 1);
            insert.setString(i + 1, v == null ? null : v.replaceAll("[+-]\\d\\d(:\\d\\d)?$", ""));
          } else if (!mysql && inlined && i >= 3 && isText(c.duckType())) {
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

  /** A catalog column's type (newer spec versions add columns and tables). */
  private static String columnType(String duckType, boolean mysql) {
    String t = duckType.toUpperCase(Locale.ROOT);
    if (mysql) {
      return switch (t) {
        case "VARCHAR" -> "TEXT";
        case "UUID" -> "VARCHAR(36)";
        case "TIMESTAMP WITH TIME ZONE" -> "DATETIME(6)";
        case "BLOB" -> "LONGBLOB";
        case "UBIGINT", "HUGEINT" -> "DECIMAL(38,0)";
        default -> duckType;
      };
    }
    return switch (t) {
      case "BLOB" -> "BYTEA";
      case "DOUBLE" -> "DOUBLE PRECISION";
      case "UBIGINT", "HUGEINT" -> "NUMERIC";
      default -> duckType;
    };
  }

  /** DuckDB's mysql mapping for inlined user columns (as {@code MySqlDialect} writes). */
  private static String mysqlInlinedType(String duckType) {
    return switch (duckType.toUpperCase(Locale.ROOT)) {
      case "BOOLEAN" -> "BOOLEAN";
      case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER" ->
          "BIGINT";
      case "BLOB" -> "LONGBLOB";
      default -> "LONGTEXT";
    };
  }

  private static boolean exists(Connection c, String table) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM information_schema.tables WHERE table_name = ?"
                + " AND table_schema = "
                + (c.getMetaData()
                        .getDatabaseProductName()
                        .toLowerCase(Locale.ROOT)
                        .contains("postgres")
                    ? "current_schema()"
                    : "DATABASE()"))) {
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
