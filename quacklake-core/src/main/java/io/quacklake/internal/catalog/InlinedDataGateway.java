package io.quacklake.internal.catalog;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

  public static List<InlinedTableRecord> inlinedTables(Connection c, long tableId)
      throws SQLException {
    List<InlinedTableRecord> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT table_id, table_name, schema_version FROM ducklake_inlined_data_tables"
                + " WHERE table_id = ? ORDER BY schema_version")) {
      ps.setLong(1, tableId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new InlinedTableRecord(rs.getLong(1), rs.getString(2), rs.getLong(3)));
        }
      }
    }
    return out;
  }

  /**
   * The rows of one inlined table visible at {@code snapshot}, holding those of {@code current}
   * columns the inlined table has.
   */
  public static InlinedRows read(
      Connection c,
      CatalogConnection catalog,
      InlinedTableRecord inlined,
      List<LakeColumn> current,
      long snapshot)
      throws SQLException {
    SqlDialect dialect = catalog.dialect();
    List<String> present = dialect.tableColumns(c, inlined.tableName());
    if (present.isEmpty()) {
      return new InlinedRows(inlined.tableName(), List.of(), new long[0], List.of());
    }
    long schemaSnapshot = schemaSnapshot(c, inlined);
    Map<Long, String> namesThen = new HashMap<>();
    for (ColumnRecord r : ObjectGateway.columns(c, inlined.tableId(), schemaSnapshot)) {
      if (r.parentColumn() == null) {
        namesThen.put(r.columnId(), r.name());
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
    select.append(rowId);
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
    select
        .append(" FROM ")
        .append(table)
        .append(" WHERE ")
        .append(begin)
        .append(" <= ? AND (")
        .append(end)
        .append(" IS NULL OR ")
        .append(end)
        .append(" > ?) ORDER BY ")
        .append(rowId);
    List<Long> rowIds = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(select.toString())) {
      ps.setLong(1, snapshot);
      ps.setLong(2, snapshot);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rowIds.add(rs.getLong(1));
          Object[] row = new Object[held.size()];
          for (int i = 0; i < row.length; i++) {
            row[i] = InlinedValues.decode(rs.getObject(i + 2), held.get(i));
          }
          rows.add(row);
        }
      }
    }
    return new InlinedRows(
        inlined.tableName(), held, rowIds.stream().mapToLong(Long::longValue).toArray(), rows);
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
  private static long schemaSnapshot(Connection c, InlinedTableRecord inlined) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT begin_snapshot FROM ducklake_schema_versions"
                + " WHERE table_id = ? AND schema_version = ?")) {
      ps.setLong(1, inlined.tableId());
      ps.setLong(2, inlined.schemaVersion());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return rs.getLong(1);
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT MIN(begin_snapshot) FROM ducklake_table WHERE table_id = ?")) {
      ps.setLong(1, inlined.tableId());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
