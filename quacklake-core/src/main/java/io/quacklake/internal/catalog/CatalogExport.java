package io.quacklake.internal.catalog;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.jdbc.SqlDialect;
import io.quacklake.internal.text.DuckDbText;
import io.quacklake.types.LakeColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a SQLite catalog (an object-store catalog's version) into a new DuckDB catalog file, in
 * the storage version DuckDB 1.5 reads: the fixed tables as {@link CatalogInitializer} creates them
 * for the lake's version, every row, and every inlined-data and inlined-delete table with DuckDB's
 * column types, so that {@code ATTACH 'ducklake:FILE'} in DuckDB reads the same lake.
 */
public final class CatalogExport {
  private static final int BATCH = 1000;
  private static final SqlDialect DUCKDB = SqlDialect.of(CatalogKind.DUCKDB);

  private CatalogExport() {}

  /**
   * @param source a read session on a SQLite catalog
   * @param target the DuckDB file to create
   * @throws QuacklakeException ALREADY_EXISTS when {@code target} exists; UNSUPPORTED without
   *     DuckDB JDBC on the class path
   */
  public static void toDuckDb(CatalogSession source, Path target) {
    if (Files.exists(target)) {
      throw new QuacklakeException(
          ErrorKind.ALREADY_EXISTS, "cannot export to " + target + ": the file exists");
    }
    CatalogLocation location =
        new CatalogLocation(CatalogKind.DUCKDB, target.toAbsolutePath().toString());
    SqlDialect duckdb = SqlDialect.forLocation(location);
    boolean done = false;
    try (Connection out = duckdb.connectNew(location)) {
      out.setAutoCommit(false);
      try (Statement s = out.createStatement()) {
        for (String ddl : CatalogDdl.createTables(source.version())) {
          s.execute(ddl);
        }
      }
      Map<String, List<String[]>> fixed = targetColumns(out);
      for (Map.Entry<String, List<String[]>> t : fixed.entrySet()) {
        copy(source, out, t.getKey(), t.getValue(), null);
      }
      for (InlinedTableRecord inlined : inlinedTables(source)) {
        copyInlined(source, out, inlined);
      }
      for (String table : sourceTables(source)) {
        if (!fixed.containsKey(table) && table.startsWith("ducklake_inlined_delete_")) {
          List<String[]> columns = declaredColumns(source, table);
          createTable(out, table, columns);
          copy(source, out, table, columns, null);
        }
      }
      out.commit();
      done = true;
    } catch (SQLException e) {
      throw new QuacklakeException(
          ErrorKind.UNAVAILABLE,
          "cannot export the catalog to " + target + ": " + e.getMessage(),
          e);
    } finally {
      if (!done) {
        deleteQuietly(target);
        deleteQuietly(Path.of(target + ".wal"));
      }
    }
  }

  private static void copyInlined(CatalogSession source, Connection out, InlinedTableRecord inlined)
      throws SQLException {
    List<String> present = source.dialect().tableColumns(source.connection(), inlined.tableName());
    if (present.isEmpty()) {
      return;
    }
    List<LakeColumn> columns = InlinedDataGateway.columnsAt(source, inlined);
    Map<String, LakeColumn> byName = new LinkedHashMap<>();
    columns.forEach(c -> byName.put(c.name(), c));
    List<String[]> typed = new ArrayList<>();
    List<LakeColumn> user = new ArrayList<>();
    for (String name : present) {
      LakeColumn column = byName.get(name);
      typed.add(new String[] {name, column == null ? "BIGINT" : DUCKDB.inlinedColumnType(column)});
      user.add(column);
    }
    createTable(out, inlined.tableName(), typed);
    copy(source, out, inlined.tableName(), typed, user);
  }

  /**
   * Copies every row of {@code table}; values travel as text and DuckDB casts them. With {@code
   * user} (an inlined table), values of user columns are decoded as the source stores them and
   * rendered as DuckDB text.
   */
  private static void copy(
      CatalogSession source,
      Connection out,
      String table,
      List<String[]> columns,
      List<LakeColumn> user)
      throws SQLException {
    StringBuilder select = new StringBuilder("SELECT ");
    StringBuilder insert =
        new StringBuilder("INSERT INTO ").append(DUCKDB.quote(table)).append(" VALUES (");
    for (int i = 0; i < columns.size(); i++) {
      select.append(i == 0 ? "" : ", ").append(DUCKDB.quote(columns.get(i)[0]));
      insert.append(i == 0 ? "" : ", ").append("CAST(? AS ").append(columns.get(i)[1]).append(')');
    }
    select.append(" FROM ").append(DUCKDB.quote(table));
    insert.append(')');
    try (Statement s = source.connection().createStatement();
        ResultSet rs = s.executeQuery(select.toString());
        PreparedStatement ps = out.prepareStatement(insert.toString())) {
      int pending = 0;
      while (rs.next()) {
        for (int i = 0; i < columns.size(); i++) {
          LakeColumn column = user == null ? null : user.get(i);
          String text;
          if (column == null) {
            text = rs.getString(i + 1);
          } else {
            Object value = rs.getObject(i + 1);
            text =
                value == null
                    ? null
                    : DuckDbText.format(InlinedValues.decode(value, column), column);
          }
          ps.setString(i + 1, text);
        }
        ps.addBatch();
        if (++pending == BATCH) {
          ps.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        ps.executeBatch();
      }
    }
  }

  private static void createTable(Connection out, String table, List<String[]> columns)
      throws SQLException {
    StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(DUCKDB.quote(table)).append('(');
    for (int i = 0; i < columns.size(); i++) {
      ddl.append(i == 0 ? "" : ", ")
          .append(DUCKDB.quote(columns.get(i)[0]))
          .append(' ')
          .append(columns.get(i)[1]);
    }
    try (Statement s = out.createStatement()) {
      s.execute(ddl.append(')').toString());
    }
  }

  /** The target's tables with their columns as {name, DuckDB type}, in column order. */
  private static Map<String, List<String[]>> targetColumns(Connection out) throws SQLException {
    Map<String, List<String[]>> tables = new LinkedHashMap<>();
    try (Statement s = out.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT table_name, column_name, data_type FROM duckdb_columns()"
                    + " WHERE database_name = current_database()"
                    + " ORDER BY table_name, column_index")) {
      while (rs.next()) {
        tables
            .computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
            .add(new String[] {rs.getString(2), rs.getString(3)});
      }
    }
    return tables;
  }

  private static List<InlinedTableRecord> inlinedTables(CatalogSession source) {
    return Sql.query(
        source,
        "SELECT table_id, table_name, schema_version FROM ducklake_inlined_data_tables"
            + " ORDER BY table_id, schema_version",
        rs -> new InlinedTableRecord(rs.getLong(1), rs.getString(2), rs.getLong(3)));
  }

  private static List<String> sourceTables(CatalogSession source) {
    return Sql.query(
        source,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'ducklake%'"
            + " ORDER BY name",
        rs -> rs.getString(1));
  }

  private static List<String[]> declaredColumns(CatalogSession source, String table) {
    return Sql.query(
        source,
        "SELECT name, type FROM pragma_table_info(?) ORDER BY cid",
        rs -> new String[] {rs.getString(1), rs.getString(2)},
        table);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (java.io.IOException ignored) {
      // the export failed already; a leftover file is named in no catalog
    }
  }
}
