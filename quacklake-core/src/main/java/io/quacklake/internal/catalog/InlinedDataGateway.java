package io.quacklake.internal.catalog;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.jdbc.SqlDialect;
import io.quacklake.types.LakeColumn;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads data inlined in the catalog ({@code ducklake_inlined_data_<table>_<schema_version>}). Each
 * inlined table has the columns of its schema version; they are matched to the current columns by
 * column id, so renamed columns keep their values and dropped ones disappear.
 */
public final class InlinedDataGateway {
  private InlinedDataGateway() {}

  public static List<InlinedTableRecord> inlinedTables(CatalogSession c, long tableId) {
    return Sql.query(
        c,
        "SELECT table_id, table_name, schema_version FROM ducklake_inlined_data_tables"
            + " WHERE table_id = ? ORDER BY schema_version",
        rs -> new InlinedTableRecord(rs.getLong(1), rs.getString(2), rs.getLong(3)),
        tableId);
  }

  /**
   * Whether small inserts into the table can be inlined: it has an inlined-data table for its
   * current schema version (on MySQL and MariaDB that table is created just after the commit that
   * changed the schema, so it can be missing for a moment, or for good after a crash).
   */
  public static boolean inliningReady(CatalogSession c, long tableId) {
    List<InlinedTableRecord> all = inlinedTables(c, tableId);
    if (all.isEmpty()) {
      return false;
    }
    if (c.transactionalDdl()) {
      // schema changes create their inlined table in the same commit there
      return true;
    }
    Long current =
        Sql.one(
            c,
            "SELECT MAX(schema_version) FROM ducklake_schema_versions WHERE table_id = ?",
            rs -> {
              long v = rs.getLong(1);
              return rs.wasNull() ? null : v;
            },
            tableId);
    return current == null || all.get(all.size() - 1).schemaVersion() >= current;
  }

  /**
   * The rows of one inlined table visible at {@code snapshot}, holding those of {@code current}
   * columns the inlined table has.
   */
  public static InlinedRows read(
      CatalogSession c,
      CatalogConnection catalog,
      InlinedTableRecord inlined,
      List<LakeColumn> current,
      long snapshot) {
    return read(c, catalog, inlined, current, snapshot, false).rows();
  }

  /**
   * Every version of the rows of one inlined table inserted at or before {@code snapshot}, deleted
   * or not, ordered by row id and insertion, as DuckDB's flush reads them.
   */
  public static Versions readAllVersions(
      CatalogSession c,
      CatalogConnection catalog,
      InlinedTableRecord inlined,
      List<LakeColumn> current,
      long snapshot) {
    return read(c, catalog, inlined, current, snapshot, true);
  }

  /**
   * Rows with their lifetimes.
   *
   * @param rows the rows
   * @param spans per row {@code {begin_snapshot, end_snapshot}}, end -1 while the row lives; empty
   *     when only live rows were read
   */
  public record Versions(InlinedRows rows, List<long[]> spans) {}

  private static Versions read(
      CatalogSession c,
      CatalogConnection catalog,
      InlinedTableRecord inlined,
      List<LakeColumn> current,
      long snapshot,
      boolean allVersions) {
    SqlDialect dialect = catalog.dialect();
    List<String> present;
    try {
      present = dialect.tableColumns(c.connection(), inlined.tableName());
    } catch (SQLException e) {
      throw new CatalogSqlFailure(e);
    }
    if (present.isEmpty()) {
      return new Versions(
          new InlinedRows(inlined.tableName(), List.of(), new long[0], List.of(), new long[0]),
          List.of());
    }
    long schemaSnapshot = schemaSnapshot(c, inlined);
    Map<Long, String> namesThen = new HashMap<>();
    List<ColumnRecord> rowsThen = ObjectGateway.columns(c, inlined.tableId(), schemaSnapshot);
    for (ColumnRecord r : rowsThen) {
      if (r.parentColumn() == null) {
        namesThen.put(r.columnId(), r.name());
      }
    }
    // nested values are text in their shape then; fields renamed, dropped or added since are
    // carried over by id
    Map<Long, LakeColumn> nestedThen = new HashMap<>();
    for (LakeColumn col : ColumnTree.build(inlined.tableId(), rowsThen)) {
      if (!col.children().isEmpty()) {
        nestedThen.put(col.id(), col);
      }
    }
    List<LakeColumn> held = new ArrayList<>();
    StringBuilder select = new StringBuilder("SELECT ");
    boolean prefixed = catalog.version().prefixedInlinedColumns();
    String rowId = prefixed ? "_ducklake_row_id" : "row_id";
    String begin = prefixed ? "_ducklake_begin_snapshot" : "begin_snapshot";
    String end = prefixed ? "_ducklake_end_snapshot" : "end_snapshot";
    Set<String> has = new HashSet<>();
    present.forEach(name -> has.add(name.toLowerCase(Locale.ROOT)));
    for (String system : List.of(rowId, begin, end)) {
      requireColumn(catalog, inlined, has, system);
    }
    select.append(rowId).append(", ").append(begin);
    if (allVersions) {
      select.append(", ").append(end);
    }
    String table = dialect.quote(inlined.tableName());
    for (LakeColumn col : current) {
      String nameThen = namesThen.get(col.id());
      if (nameThen != null) {
        requireColumn(catalog, inlined, has, nameThen);
        held.add(col);
        // Qualified, so that no database reads a missing column's quoted name as a string.
        String column = table + "." + dialect.quote(nameThen);
        select.append(", ").append(dialect.selectInlinedColumn(column, col));
      }
    }
    select.append(" FROM ").append(table).append(" WHERE ").append(begin).append(" <= ?");
    if (allVersions) {
      select.append(" ORDER BY ").append(rowId).append(", ").append(begin);
    } else {
      select
          .append(" AND (")
          .append(end)
          .append(" IS NULL OR ")
          .append(end)
          .append(" > ?) ORDER BY ")
          .append(rowId);
    }
    int first = allVersions ? 4 : 3;
    List<Long> rowIds = new ArrayList<>();
    List<Long> begins = new ArrayList<>();
    List<long[]> spans = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    Object[] args = allVersions ? new Object[] {snapshot} : new Object[] {snapshot, snapshot};
    Sql.each(
        c,
        select.toString(),
        rs -> {
          rowIds.add(rs.getLong(1));
          long beginSnapshot = rs.getLong(2);
          begins.add(beginSnapshot);
          if (allVersions) {
            long endSnapshot = rs.getLong(3);
            spans.add(new long[] {beginSnapshot, rs.wasNull() ? -1 : endSnapshot});
          }
          Object[] row = new Object[held.size()];
          for (int i = 0; i < row.length; i++) {
            LakeColumn now = held.get(i);
            LakeColumn then = nestedThen.get(now.id());
            row[i] =
                then == null
                    ? InlinedValues.decode(rs.getObject(i + first), now)
                    : NestedValueRemap.remap(
                        InlinedValues.decode(rs.getObject(i + first), then), then, now);
          }
          rows.add(row);
        },
        args);
    return new Versions(
        new InlinedRows(
            inlined.tableName(),
            held,
            rowIds.stream().mapToLong(Long::longValue).toArray(),
            rows,
            begins.stream().mapToLong(Long::longValue).toArray()),
        spans);
  }

  private static void requireColumn(
      CatalogConnection catalog, InlinedTableRecord inlined, Set<String> has, String column) {
    if (!has.contains(column.toLowerCase(Locale.ROOT))) {
      throw QuacklakeException.corrupt(
          "catalog %s: inlined data table %s has no column '%s', which the catalog lists for table"
              + " %d at schema version %d; the catalog is damaged: restore it from a backup",
          catalog.location(),
          inlined.tableName(),
          column,
          inlined.tableId(),
          inlined.schemaVersion());
    }
  }

  /** The snapshot whose schema an inlined table was created with (DuckDB's rule). */
  /** The columns of a table at the schema version of one of its inlined-data tables. */
  static List<LakeColumn> columnsAt(CatalogSession c, InlinedTableRecord inlined) {
    return ColumnTree.build(
        inlined.tableId(), ObjectGateway.columns(c, inlined.tableId(), schemaSnapshot(c, inlined)));
  }

  private static long schemaSnapshot(CatalogSession c, InlinedTableRecord inlined) {
    Long versioned =
        Sql.one(
            c,
            "SELECT begin_snapshot FROM ducklake_schema_versions"
                + " WHERE table_id = ? AND schema_version = ?",
            rs -> rs.getLong(1),
            inlined.tableId(),
            inlined.schemaVersion());
    if (versioned != null) {
      return versioned;
    }
    return Sql.one(
        c,
        "SELECT MIN(begin_snapshot) FROM ducklake_table WHERE table_id = ?",
        rs -> rs.getLong(1),
        inlined.tableId());
  }
}
