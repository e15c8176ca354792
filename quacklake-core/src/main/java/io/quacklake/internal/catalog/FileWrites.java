package io.quacklake.internal.catalog;

import io.quacklake.storage.Location;
import java.time.Instant;

/** Writes data files, their column stats and partition values, and delete files. */
public final class FileWrites {
  private FileWrites() {}

  public static void insertDataFile(CatalogSession c, long tableId, DataFileRecord f) {
    insertDataFile(c, tableId, f, null);
  }

  /**
   * Inserts a data file row; from DuckLake 1.1-dev1 on with its {@code row_group_count} (null when
   * unknown).
   */
  public static void insertDataFile(
      CatalogSession c, long tableId, DataFileRecord f, Integer rowGroupCount) {
    boolean counted = c.version().hasRowGroupCount();
    Sql.update(
        c,
        "INSERT INTO ducklake_data_file VALUES (?, ?, ?, NULL, NULL, ?, ?, 'parquet', ?, ?, ?, ?, ?,"
            + " ?, ?, ?"
            + (counted ? ", " + (rowGroupCount == null ? "NULL" : rowGroupCount.toString()) : "")
            + ")",
        f.dataFileId(),
        tableId,
        f.beginSnapshot(),
        f.path(),
        f.pathIsRelative(),
        f.recordCount(),
        f.fileSizeBytes(),
        f.footerSize(),
        f.rowIdStart(),
        f.partitionId(),
        f.encryptionKey(),
        f.mappingId(),
        f.partialMax());
  }

  /**
   * Registers a name mapping ({@code ducklake_column_mapping}, type {@code map_by_name}) and its
   * entries ({@code ducklake_name_mapping}).
   */
  public static void insertNameMapping(
      CatalogSession c, long mappingId, long tableId, java.util.List<NameMappingRecord> entries) {
    Sql.update(
        c, "INSERT INTO ducklake_column_mapping VALUES (?, ?, 'map_by_name')", mappingId, tableId);
    java.util.List<Object[]> rows = new java.util.ArrayList<>();
    for (NameMappingRecord e : entries) {
      rows.add(
          new Object[] {
            mappingId,
            e.columnId(),
            e.sourceName(),
            e.targetFieldId(),
            e.parentColumn(),
            e.partition()
          });
    }
    if (!rows.isEmpty()) {
      Sql.batch(c, "INSERT INTO ducklake_name_mapping VALUES (?, ?, ?, ?, ?, ?)", rows);
    }
  }

  /**
   * Inserts a file's statistics for one column; in released 1.1 lakes with {@code min_is_exact} /
   * {@code max_is_exact}: null without a bound, else whether the bound is a value of the file.
   */
  public static void insertColumnStats(
      CatalogSession c,
      long tableId,
      FileColumnStatsRecord s,
      Long size,
      boolean minExact,
      boolean maxExact,
      String extraStats) {
    boolean flagged = c.version().hasReleasedV11Columns();
    Object[] args = {
      s.dataFileId(),
      tableId,
      s.columnId(),
      size,
      s.valueCount(),
      s.nullCount(),
      s.minValue(),
      s.maxValue(),
      s.containsNan(),
      extraStats,
      s.minValue() == null ? null : minExact,
      s.maxValue() == null ? null : maxExact
    };
    Sql.update(
        c,
        "INSERT INTO ducklake_file_column_stats VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
            + (flagged ? ", ?, ?)" : ")"),
        flagged ? args : java.util.Arrays.copyOf(args, 10));
  }

  public static void insertPartitionValue(
      CatalogSession c, long dataFileId, long tableId, int keyIndex, String value) {
    Sql.update(
        c,
        "INSERT INTO ducklake_file_partition_value VALUES (?, ?, ?, ?)",
        dataFileId,
        tableId,
        keyIndex,
        value);
  }

  /** Ends a data file whose every row was deleted. */
  public static void endDataFile(CatalogSession c, long dataFileId, long snapshot) {
    Sql.update(
        c,
        "UPDATE ducklake_data_file SET end_snapshot = ? WHERE data_file_id = ?"
            + " AND end_snapshot IS NULL",
        snapshot,
        dataFileId);
    Sql.update(
        c,
        "UPDATE ducklake_delete_file SET end_snapshot = ? WHERE data_file_id = ?"
            + " AND end_snapshot IS NULL",
        snapshot,
        dataFileId);
  }

  public static void insertDeleteFile(
      CatalogSession c, long tableId, DeleteFileRecord d, long footer) {
    insertDeleteFile(c, tableId, d, footer, null);
  }

  /**
   * Inserts a delete file row; from DuckLake 1.1-dev1 on with its {@code row_group_count} (null
   * when unknown).
   */
  public static void insertDeleteFile(
      CatalogSession c, long tableId, DeleteFileRecord d, long footer, Integer rowGroupCount) {
    boolean counted = c.version().hasRowGroupCount();
    Sql.update(
        c,
        "INSERT INTO ducklake_delete_file VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?"
            + (counted ? ", " + (rowGroupCount == null ? "NULL" : rowGroupCount.toString()) : "")
            + ")",
        d.deleteFileId(),
        tableId,
        d.beginSnapshot(),
        d.dataFileId(),
        d.path(),
        d.pathIsRelative(),
        d.format(),
        d.deleteCount(),
        d.fileSizeBytes(),
        footer,
        d.encryptionKey(),
        d.partialMax());
  }

  /**
   * Removes a superseded delete file's row as DuckDB does (not ended); schedule the file with
   * {@link #scheduleForDeletion}.
   */
  public static void removeDeleteFile(CatalogSession c, long deleteFileId) {
    Sql.update(c, "DELETE FROM ducklake_delete_file WHERE delete_file_id = ?", deleteFileId);
  }

  /**
   * Schedules a file under the data path for deletion, as a path relative to it ({@code
   * path_is_relative} true), which DuckDB's {@code ducklake_cleanup_old_files} deletes later.
   *
   * @param pathFromDataRoot a path inside the data path: no leading {@code /}, no {@code ..}
   */
  public static void scheduleForDeletion(CatalogSession c, long fileId, String pathFromDataRoot) {
    if (!Location.staysInside(pathFromDataRoot)) {
      throw new IllegalArgumentException("not a path inside the data path: " + pathFromDataRoot);
    }
    Sql.update(
        c,
        "INSERT INTO ducklake_files_scheduled_for_deletion VALUES (?, ?, true, "
            + c.dialect().timestampParameter()
            + ")",
        fileId,
        pathFromDataRoot,
        CatalogTimestamps.format(Instant.now()));
  }
}
