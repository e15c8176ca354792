package io.quacklake.internal.catalog;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import java.util.List;
import java.util.Locale;

/**
 * Moves a catalog from DuckLake 1.0 to 1.1-dev1 as DuckDB's migration does ({@code MigrateV10}):
 * the inlined-data tables' system columns get the {@code _ducklake_} prefix (refused when a user
 * column already has such a name), data and delete files gain {@code row_group_count}, {@code
 * ducklake_view_column_tag} is created, and the version row says 1.1-dev1. To the released 1.1
 * (from 1.0 or 1.1-dev1) it also adds 1.1's columns and makes the repairs the specification names
 * (see {@link #toV11}).
 */
public final class CatalogMigration {
  private CatalogMigration() {}

  /** The statements that turn a 1.0 table layout into 1.1-dev1's (new catalogs too). */
  static List<String> toV11Dev1Tables() {
    return List.of(
        "ALTER TABLE ducklake_data_file ADD COLUMN row_group_count BIGINT",
        "ALTER TABLE ducklake_delete_file ADD COLUMN row_group_count BIGINT",
        "CREATE TABLE ducklake_view_column_tag(view_id BIGINT, column_name VARCHAR,"
            + " begin_snapshot BIGINT, end_snapshot BIGINT, \"key\" VARCHAR, value VARCHAR)");
  }

  /**
   * Migrates the catalog of {@code c} (at 1.0) to 1.1-dev1 inside the caller's transaction.
   *
   * @throws QuacklakeException INVALID_ARGUMENT when an inlined table has a user column named like
   *     a prefixed system column (rename it and flush the inlined data first)
   */
  public static void toV11Dev1(CatalogSession c) {
    renameInlinedSystemColumns(c);
    for (String ddl : toV11Dev1Tables()) {
      applyOnce(c, ddl);
    }
    setVersion(c, SpecVersion.V1_1_DEV1);
  }

  /** The columns the released 1.1 adds to 1.1-dev1's tables, each last in its table. */
  static List<String> toV11Columns() {
    return List.of(
        "ALTER TABLE ducklake_schema ADD COLUMN parent_schema_id BIGINT",
        "ALTER TABLE ducklake_file_column_stats ADD COLUMN min_is_exact BOOLEAN",
        "ALTER TABLE ducklake_file_column_stats ADD COLUMN max_is_exact BOOLEAN",
        "ALTER TABLE ducklake_table_column_stats ADD COLUMN min_is_exact BOOLEAN",
        "ALTER TABLE ducklake_table_column_stats ADD COLUMN max_is_exact BOOLEAN");
  }

  /**
   * Migrates the catalog of {@code c} (at 1.0 or 1.1-dev1) to the released 1.1 inside the caller's
   * transaction: what {@link #toV11Dev1} does for a 1.0 catalog, then 1.1's columns (NULL for
   * existing rows), then the documented repairs: missing {@code ducklake_schema_versions} rows of
   * inlined-data tables are added, and column bounds that do not read as their column's current
   * type are cleared.
   *
   * @param boundReadable whether a stats text reads as a value of a column
   */
  public static void toV11(
      CatalogSession c,
      SpecVersion from,
      java.util.function.BiPredicate<String, LakeColumn> boundReadable) {
    if (from == SpecVersion.V1_0) {
      renameInlinedSystemColumns(c);
      for (String ddl : toV11Dev1Tables()) {
        applyOnce(c, ddl);
      }
    }
    for (String ddl : toV11Columns()) {
      applyOnce(c, ddl);
    }
    addMissingSchemaVersions(c);
    clearUnreadableBounds(c, boundReadable);
    setVersion(c, SpecVersion.V1_1);
  }

  /**
   * Runs a migration statement unless its column or table is there already: on MySQL and MariaDB
   * every DDL statement commits by itself, so a migration that failed halfway must be able to run
   * again.
   */
  private static void applyOnce(CatalogSession c, String ddl) {
    java.util.regex.Matcher add =
        java.util.regex.Pattern.compile("ALTER TABLE (\\w+) ADD COLUMN (\\w+) .*").matcher(ddl);
    java.util.regex.Matcher create =
        java.util.regex.Pattern.compile("CREATE TABLE (\\w+)\\(.*").matcher(ddl);
    try {
      if (add.matches()
          && c.dialect().tableColumns(c.connection(), add.group(1)).stream()
              .anyMatch(n -> n.equalsIgnoreCase(add.group(2)))) {
        return;
      }
      if (create.matches() && c.dialect().tableExists(c.connection(), create.group(1))) {
        return;
      }
    } catch (java.sql.SQLException e) {
      throw new CatalogSqlFailure(e);
    }
    Sql.execute(c, c.dialect().ddl(ddl));
  }

  private static void setVersion(CatalogSession c, SpecVersion version) {
    Sql.update(
        c, "UPDATE ducklake_metadata SET value = ? WHERE \"key\" = 'version'", version.text());
  }

  /**
   * An inlined-data table registered at a schema version that {@code ducklake_schema_versions} does
   * not list gets its row, beginning at the first snapshot of that schema version.
   */
  private static void addMissingSchemaVersions(CatalogSession c) {
    Sql.update(
        c,
        "INSERT INTO ducklake_schema_versions SELECT (SELECT MIN(s.snapshot_id) FROM"
            + " ducklake_snapshot s WHERE s.schema_version = i.schema_version), i.schema_version,"
            + " i.table_id FROM ducklake_inlined_data_tables i WHERE NOT EXISTS (SELECT 1 FROM"
            + " ducklake_schema_versions v WHERE v.table_id = i.table_id AND v.schema_version ="
            + " i.schema_version) AND EXISTS (SELECT 1 FROM ducklake_snapshot s WHERE"
            + " s.schema_version = i.schema_version)");
  }

  private static void clearUnreadableBounds(
      CatalogSession c, java.util.function.BiPredicate<String, LakeColumn> readable) {
    Long latest = Sql.one(c, "SELECT MAX(snapshot_id) FROM ducklake_snapshot", rs -> rs.getLong(1));
    List<Long> tables =
        Sql.query(
            c,
            "SELECT DISTINCT table_id FROM ducklake_table WHERE end_snapshot IS NULL",
            rs -> rs.getLong(1));
    for (long tableId : tables) {
      java.util.Map<Long, LakeColumn> leaves = new java.util.HashMap<>();
      collectLeaves(ColumnTree.build(tableId, ObjectGateway.columns(c, tableId, latest)), leaves);
      for (String[] t : BOUND_TABLES) {
        List<Object[]> rows =
            Sql.query(
                c,
                "SELECT "
                    + t[1]
                    + ", column_id, min_value, max_value FROM "
                    + t[0]
                    + " WHERE table_id = ?",
                rs -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)},
                tableId);
        for (Object[] r : rows) {
          LakeColumn leaf = leaves.get((Long) r[1]);
          if (leaf == null) {
            continue;
          }
          for (int b = 0; b < 2; b++) {
            String bound = (String) r[2 + b];
            if (bound != null && !readable.test(bound, leaf)) {
              String column = b == 0 ? "min_value" : "max_value";
              Sql.update(
                  c,
                  "UPDATE "
                      + t[0]
                      + " SET "
                      + column
                      + " = NULL WHERE "
                      + t[1]
                      + " = ? AND column_id = ?",
                  r[0],
                  r[1]);
            }
          }
        }
      }
    }
  }

  /** The column-statistics tables and the key that, with the column id, names a row. */
  private static final String[][] BOUND_TABLES = {
    {"ducklake_file_column_stats", "data_file_id"}, {"ducklake_table_column_stats", "table_id"}
  };

  private static void collectLeaves(List<LakeColumn> columns, java.util.Map<Long, LakeColumn> out) {
    for (LakeColumn col : columns) {
      if (col.children().isEmpty()) {
        out.put(col.id(), col);
      } else {
        collectLeaves(col.children(), out);
      }
    }
  }

  private static void renameInlinedSystemColumns(CatalogSession c) {
    InlinedColumnNames from = InlinedColumnNames.of(SpecVersion.V1_0);
    InlinedColumnNames to = InlinedColumnNames.of(SpecVersion.V1_1_DEV1);
    String[][] renames = {
      {from.rowId(), to.rowId()},
      {from.beginSnapshot(), to.beginSnapshot()},
      {from.endSnapshot(), to.endSnapshot()}
    };
    List<String> tables =
        Sql.query(c, "SELECT table_name FROM ducklake_inlined_data_tables", rs -> rs.getString(1));
    for (String table : tables) {
      if (!table.matches("ducklake_inlined_data_\\d+_\\d+")) {
        continue;
      }
      List<String> columns;
      try {
        columns = c.dialect().tableColumns(c.connection(), table);
      } catch (java.sql.SQLException e) {
        throw new CatalogSqlFailure(e);
      }
      if (columns.isEmpty()) {
        continue;
      }
      List<String> user =
          columns.subList(Math.min(3, columns.size()), columns.size()).stream()
              .map(n -> n.toLowerCase(Locale.ROOT))
              .toList();
      for (String[] r : renames) {
        boolean present =
            columns.stream().anyMatch(n -> n.equalsIgnoreCase(r[0]))
                && columns.stream().noneMatch(n -> n.equalsIgnoreCase(r[1]));
        if (!present) {
          continue;
        }
        if (user.contains(r[1])) {
          throw QuacklakeException.invalid(
              "inlined table %s has a column named %s, which 1.1-dev1 reserves; rename the column"
                  + " and flush the inlined data before migrating",
              table, r[1]);
        }
        Sql.execute(
            c,
            "ALTER TABLE " + c.dialect().quote(table) + " RENAME COLUMN " + r[0] + " TO " + r[1]);
      }
    }
  }
}
