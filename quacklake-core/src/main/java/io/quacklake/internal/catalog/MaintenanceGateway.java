package io.quacklake.internal.catalog;

import io.quacklake.internal.catalog.jdbc.SqlDialect;
import io.quacklake.storage.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The catalog reads and writes of table maintenance that no commit makes: files scheduled for
 * deletion, the paths the catalog knows, and the removal of expired snapshots with everything only
 * they referenced (DuckDB's {@code DeleteSnapshots}).
 */
public final class MaintenanceGateway {
  private MaintenanceGateway() {}

  /** Every row of {@code ducklake_files_scheduled_for_deletion}. */
  public static List<ScheduledFile> scheduledFiles(CatalogSession c) {
    SqlDialect d = c.dialect();
    return Sql.query(
        c,
        "SELECT data_file_id, path, path_is_relative, schedule_start"
            + " FROM ducklake_files_scheduled_for_deletion ORDER BY data_file_id",
        rs ->
            new ScheduledFile(
                rs.getLong(1), rs.getString(2), rs.getBoolean(3), d.readInstant(rs, 4)));
  }

  /** Removes the scheduling rows of files that were deleted. */
  public static void unschedule(CatalogSession c, List<Long> fileIds) {
    List<Object[]> rows = new ArrayList<>();
    fileIds.forEach(id -> rows.add(new Object[] {id}));
    if (!rows.isEmpty()) {
      Sql.batch(
          c, "DELETE FROM ducklake_files_scheduled_for_deletion WHERE data_file_id = ?", rows);
    }
  }

  /** The location of a scheduled file; a relative path hangs off the data path. */
  public static Location location(ScheduledFile f, Location dataRoot) {
    return RowPaths.file(
        dataRoot,
        f.path(),
        f.relative(),
        () -> "ducklake_files_scheduled_for_deletion row data_file_id=" + f.fileId());
  }

  /**
   * The directory of every table the catalog has a row for, dropped tables included (the newest row
   * of each table decides).
   */
  public static Map<Long, Location> tableDirectories(CatalogSession c, Location dataRoot) {
    Map<Long, SchemaRecord> schemas = new HashMap<>();
    Sql.each(
        c,
        "SELECT schema_id, begin_snapshot, schema_name, path, path_is_relative FROM"
            + " ducklake_schema ORDER BY begin_snapshot",
        rs ->
            schemas.put(
                rs.getLong(1),
                new SchemaRecord(
                    rs.getLong(1),
                    null,
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getObject(5) == null || rs.getBoolean(5))));
    Map<Long, Location> dirs = new TreeMap<>();
    Sql.each(
        c,
        "SELECT table_id, schema_id, path, path_is_relative, table_name FROM ducklake_table"
            + " ORDER BY begin_snapshot",
        rs -> {
          SchemaRecord s = schemas.get(rs.getLong(2));
          if (s == null) {
            return;
          }
          long tableId = rs.getLong(1);
          String path = rs.getString(3);
          boolean relative = rs.getObject(4) == null || rs.getBoolean(4);
          Location schemaDir = s.directory(dataRoot);
          dirs.put(
              tableId,
              RowPaths.directory(
                  schemaDir, path, relative, () -> "ducklake_table row table_id=" + tableId));
        });
    return dirs;
  }

  /**
   * Every file location the catalog refers to: data files and delete files of any snapshot, and
   * files scheduled for deletion. Rows whose paths cannot be resolved are left out (they are
   * reported as corrupt where they are read).
   */
  public static Set<String> knownFiles(CatalogSession c, Location dataRoot) {
    Set<String> known = referencedFiles(c, dataRoot);
    for (ScheduledFile f : scheduledFiles(c)) {
      try {
        known.add(location(f, dataRoot).value());
      } catch (io.quacklake.exceptions.QuacklakeException e) {
        // a hostile scheduled path names nothing under the data path
      }
    }
    return known;
  }

  /** Every location a data or delete file row of any snapshot refers to. */
  public static Set<String> referencedFiles(CatalogSession c, Location dataRoot) {
    Map<Long, Location> dirs = tableDirectories(c, dataRoot);
    Set<String> known = new LinkedHashSet<>();
    for (String table : List.of("ducklake_data_file", "ducklake_delete_file")) {
      Sql.each(
          c,
          "SELECT table_id, path, path_is_relative FROM " + table,
          rs -> {
            Location dir = dirs.get(rs.getLong(1));
            boolean relative = rs.getBoolean(3);
            if (dir == null && relative) {
              return;
            }
            known.add(
                RowPaths.file(relative ? dir : dataRoot, rs.getString(2), relative, () -> table)
                    .value());
          });
    }
    return known;
  }

  /** The newest schema version of a table that began at or before each snapshot, by begin. */
  public static TreeMap<Long, Long> schemaVersions(CatalogSession c, long tableId) {
    TreeMap<Long, Long> out = new TreeMap<>();
    Sql.each(
        c,
        "SELECT begin_snapshot, schema_version FROM ducklake_schema_versions WHERE table_id = ?"
            + " ORDER BY begin_snapshot",
        rs -> out.put(rs.getLong(1), rs.getLong(2)),
        tableId);
    return out;
  }

  /**
   * Removes expired snapshots and what only they referenced, as DuckDB's {@code DeleteSnapshots}:
   * the snapshot rows and change logs, tables dropped before every remaining snapshot (with their
   * columns, statistics, partitioning and inlined-data tables), data and delete files no remaining
   * snapshot sees (scheduled for deletion), and ended schemas, views, tags and macros.
   */
  public static void expire(CatalogSession c, List<Long> snapshotIds, Location dataRoot) {
    List<Object[]> ids = new ArrayList<>();
    snapshotIds.forEach(id -> ids.add(new Object[] {id}));
    Sql.batch(c, "DELETE FROM ducklake_snapshot WHERE snapshot_id = ?", ids);
    Sql.batch(c, "DELETE FROM ducklake_snapshot_changes WHERE snapshot_id = ?", ids);
    String noSnapshotInRange =
        " NOT EXISTS (SELECT snapshot_id FROM ducklake_snapshot WHERE snapshot_id >= begin_snapshot"
            + " AND snapshot_id < end_snapshot)";
    List<Long> goneTables =
        Sql.query(
            c,
            "SELECT DISTINCT table_id FROM ducklake_table t WHERE end_snapshot IS NOT NULL AND"
                + noSnapshotInRange
                + " AND NOT EXISTS (SELECT 1 FROM ducklake_table t2 WHERE t2.table_id = t.table_id"
                + " AND (t2.end_snapshot IS NULL OR EXISTS (SELECT snapshot_id FROM"
                + " ducklake_snapshot WHERE snapshot_id >= t2.begin_snapshot AND snapshot_id <"
                + " t2.end_snapshot)))",
            rs -> rs.getLong(1));
    Map<Long, Location> dirs = tableDirectories(c, dataRoot);
    String tableFilter = goneTables.isEmpty() ? "" : "table_id IN (" + idList(goneTables) + ") OR";
    List<Long> files =
        retire(c, "ducklake_data_file", "data_file_id", tableFilter, "", dirs, dataRoot);
    String fileFilter = files.isEmpty() ? "" : " data_file_id IN (" + idList(files) + ") OR";
    for (String t :
        List.of(
            "ducklake_file_column_stats",
            "ducklake_file_variant_stats",
            "ducklake_file_partition_value")) {
      deleteIn(c, t, "data_file_id", files);
    }
    retire(c, "ducklake_delete_file", "delete_file_id", tableFilter, fileFilter, dirs, dataRoot);
    if (!goneTables.isEmpty()) {
      dropInlinedTables(c, goneTables);
      for (String t :
          List.of(
              "ducklake_table",
              "ducklake_table_stats",
              "ducklake_table_column_stats",
              "ducklake_partition_info",
              "ducklake_partition_column",
              "ducklake_column",
              "ducklake_column_tag",
              "ducklake_sort_info",
              "ducklake_sort_expression",
              "ducklake_schema_versions",
              "ducklake_inlined_data_tables",
              "ducklake_column_mapping")) {
        deleteIn(c, t, "table_id", goneTables);
      }
    }
    List<String> ended = new ArrayList<>(List.of("ducklake_schema", "ducklake_view"));
    if (InlinedWrites.tableExists(c, "ducklake_view_column_tag")) {
      ended.add("ducklake_view_column_tag");
    }
    ended.addAll(List.of("ducklake_tag", "ducklake_macro"));
    for (String t : ended) {
      Sql.update(c, "DELETE FROM " + t + " WHERE end_snapshot IS NOT NULL AND" + noSnapshotInRange);
    }
    for (String t : List.of("ducklake_macro_impl", "ducklake_macro_parameters")) {
      Sql.update(
          c,
          "DELETE FROM "
              + t
              + " WHERE NOT EXISTS (SELECT 1 FROM ducklake_macro m WHERE m.macro_id = "
              + t
              + ".macro_id)");
    }
    Sql.update(
        c,
        "DELETE FROM ducklake_name_mapping WHERE NOT EXISTS (SELECT 1 FROM"
            + " ducklake_column_mapping m WHERE m.mapping_id = ducklake_name_mapping.mapping_id)");
  }

  /**
   * Deletes the rows of files no remaining snapshot sees from {@code table} and schedules the files
   * under the data path for deletion; returns their ids.
   */
  private static List<Long> retire(
      CatalogSession c,
      String table,
      String idColumn,
      String tableFilter,
      String fileFilter,
      Map<Long, Location> dirs,
      Location dataRoot) {
    List<Object[]> rows =
        Sql.query(
            c,
            "SELECT "
                + idColumn
                + ", table_id, path, path_is_relative FROM "
                + table
                + " WHERE "
                + tableFilter
                + fileFilter
                + " (end_snapshot IS NOT NULL AND NOT EXISTS (SELECT snapshot_id FROM"
                + " ducklake_snapshot WHERE snapshot_id >= begin_snapshot AND snapshot_id <"
                + " end_snapshot)) ORDER BY "
                + idColumn,
            rs -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4)});
    List<Long> ids = new ArrayList<>();
    for (Object[] r : rows) {
      long id = (Long) r[0];
      ids.add(id);
      Location dir = dirs.get((Long) r[1]);
      boolean relative = (Boolean) r[3];
      if (relative && dir == null) {
        continue;
      }
      Location file =
          RowPaths.file(
              relative ? dir : dataRoot,
              (String) r[2],
              relative,
              () -> table + " row " + idColumn + "=" + id);
      String root = dataRoot.value();
      if (file.value().startsWith(root) && file.value().length() > root.length()) {
        FileWrites.scheduleForDeletion(c, id, file.value().substring(root.length()));
      }
    }
    deleteIn(c, table, idColumn, ids);
    return ids;
  }

  private static void dropInlinedTables(CatalogSession c, List<Long> tableIds) {
    List<String> names = new ArrayList<>();
    Sql.each(
        c,
        "SELECT table_name FROM ducklake_inlined_data_tables WHERE table_id IN ("
            + idList(tableIds)
            + ")",
        rs -> names.add(rs.getString(1)));
    tableIds.forEach(id -> names.add("ducklake_inlined_delete_" + id));
    for (String name : names) {
      if (name.matches("ducklake_inlined_(data_\\d+_\\d+|delete_\\d+)")) {
        Sql.execute(c, "DROP TABLE IF EXISTS " + c.dialect().quote(name));
      }
    }
  }

  /**
   * Removes retired data files entirely, as DuckDB's merge does: their rows, statistics, delete
   * files and partition values.
   */
  public static void removeDataFiles(CatalogSession c, List<Long> fileIds) {
    for (String t :
        List.of(
            "ducklake_data_file",
            "ducklake_file_column_stats",
            "ducklake_delete_file",
            "ducklake_file_partition_value",
            "ducklake_file_variant_stats")) {
      deleteIn(c, t, "data_file_id", fileIds);
    }
  }

  /** Rewrites a table's running statistics from its live files (no deletes, no inlined rows). */
  public static void recomputeTableStats(CatalogSession c, long tableId, long snapshot) {
    Long[] totals =
        Sql.one(
            c,
            "SELECT COUNT(*), SUM(record_count), SUM(file_size_bytes) FROM ducklake_data_file"
                + " WHERE table_id = ? AND begin_snapshot <= ? AND (end_snapshot IS NULL OR"
                + " end_snapshot > ?)",
            rs -> new Long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)},
            tableId,
            snapshot,
            snapshot);
    Sql.update(
        c,
        "UPDATE ducklake_table_stats SET record_count = ?, file_size_bytes = ? WHERE table_id = ?",
        totals[1],
        totals[2],
        tableId);
  }

  /** Rows of the table's inlined-data tables that are live at the snapshot. */
  public static long liveInlinedRows(CatalogSession c, long tableId, long snapshot) {
    long rows = 0;
    for (InlinedTableRecord t : InlinedDataGateway.inlinedTables(c, tableId)) {
      if (!t.tableName().matches("ducklake_inlined_data_\\d+_\\d+")
          || !InlinedWrites.tableExists(c, t.tableName())) {
        continue;
      }
      Long n =
          Sql.one(
              c,
              "SELECT COUNT(*) FROM "
                  + c.dialect().quote(t.tableName())
                  + String.format(
                      " WHERE %1$s <= ? AND (%2$s IS NULL OR %2$s > ?)",
                      c.inlinedNames().beginSnapshot(), c.inlinedNames().endSnapshot()),
              rs -> rs.getLong(1),
              snapshot,
              snapshot);
      rows += n == null ? 0 : n;
    }
    return rows;
  }

  private static void deleteIn(CatalogSession c, String table, String column, List<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>();
    ids.forEach(id -> rows.add(new Object[] {id}));
    Sql.batch(c, "DELETE FROM " + table + " WHERE " + column + " = ?", rows);
  }

  private static String idList(List<Long> ids) {
    StringBuilder b = new StringBuilder();
    for (Long id : ids) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(id.longValue());
    }
    return b.toString();
  }
}
