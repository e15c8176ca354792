package io.quacklake.internal.catalog;

import io.quacklake.exceptions.QuacklakeException;
import java.util.List;
import java.util.Locale;

/**
 * Moves a catalog from DuckLake 1.0 to 1.1-dev1 as DuckDB's migration does ({@code MigrateV10}):
 * the inlined-data tables' system columns get the {@code _ducklake_} prefix (refused when a user
 * column already has such a name), data and delete files gain {@code row_group_count}, {@code
 * ducklake_view_column_tag} is created, and the version row says 1.1-dev1.
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
    for (String ddl : toV11Dev1Tables()) {
      Sql.execute(c, c.dialect().ddl(ddl));
    }
    Sql.update(
        c,
        "UPDATE ducklake_metadata SET value = ? WHERE \"key\" = 'version'",
        SpecVersion.V1_1_DEV1.text());
  }
}
