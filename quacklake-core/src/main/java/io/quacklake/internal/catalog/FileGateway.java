package io.quacklake.internal.catalog;

import io.quacklake.internal.catalog.jdbc.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the files of a table at a snapshot: data files, delete files, inlined file deletions,
 * per-file column statistics, partition specs and partition values. Every method takes the open
 * session so that a scan plan reads one consistent view.
 */
public final class FileGateway {
  private FileGateway() {}

  public static List<DataFileRecord> dataFiles(CatalogSession c, long tableId, long snapshot) {
    return dataFiles(c, tableId, snapshot, List.of());
  }

  /**
   * The data files visible at the snapshot, leaving out those whose statistics prove they hold no
   * value within {@code bounds} (checked by the database; files without statistics are kept).
   */
  public static List<DataFileRecord> dataFiles(
      CatalogSession c, long tableId, long snapshot, List<StatsBound> bounds) {
    SqlDialect dialect = c.dialect();
    StringBuilder joins = new StringBuilder();
    StringBuilder where = new StringBuilder();
    for (int i = 0; i < bounds.size(); i++) {
      StatsBound b = bounds.get(i);
      String s = "s" + i;
      joins.append(
          String.format(
              " LEFT JOIN ducklake_file_column_stats %1$s ON %1$s.data_file_id = f.data_file_id"
                  + " AND %1$s.table_id = f.table_id AND %1$s.column_id = %2$d",
              s, b.columnId()));
      if (b.low() > b.high()) {
        where.append(" AND 1 = 0");
        continue;
      }
      if (b.low() != Long.MIN_VALUE) {
        where.append(
            String.format(
                " AND COALESCE(%s >= %d, true)", dialect.castToBigint(s + ".max_value"), b.low()));
      }
      if (b.high() != Long.MAX_VALUE) {
        where.append(
            String.format(
                " AND COALESCE(%s <= %d, true)", dialect.castToBigint(s + ".min_value"), b.high()));
      }
    }
    String sql =
        "SELECT f.data_file_id, f.begin_snapshot, f.path, f.path_is_relative, f.file_format,"
            + " f.record_count, f.file_size_bytes, f.footer_size, f.row_id_start, f.partition_id,"
            + " f.encryption_key, f.mapping_id, f.partial_max FROM ducklake_data_file f"
            + joins
            + " WHERE f.table_id = ? AND "
            + Visibility.at("f")
            + where
            + " ORDER BY f.data_file_id";
    return Sql.query(c, sql, FileGateway::dataFile, tableId, snapshot, snapshot);
  }

  /**
   * A data file from a row whose first 13 columns are {@code data_file_id, begin_snapshot, path,
   * path_is_relative, file_format, record_count, file_size_bytes, footer_size, row_id_start,
   * partition_id, encryption_key, mapping_id, partial_max}.
   */
  static DataFileRecord dataFile(ResultSet rs) throws SQLException {
    return new DataFileRecord(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        relative(rs, 4),
        rs.getString(5),
        rs.getLong(6),
        rs.getLong(7),
        NullableColumns.getLong(rs, 8),
        NullableColumns.getLong(rs, 9),
        NullableColumns.getLong(rs, 10),
        rs.getString(11),
        NullableColumns.getLong(rs, 12),
        NullableColumns.getLong(rs, 13));
  }

  /** How many data files of the table are visible at the snapshot. */
  public static long countDataFiles(CatalogSession c, long tableId, long snapshot) {
    String sql =
        "SELECT COUNT(*) FROM ducklake_data_file WHERE table_id = ? AND " + Visibility.at("");
    return Sql.one(c, sql, rs -> rs.getLong(1), tableId, snapshot, snapshot);
  }

  /** The live delete file of each data file at the snapshot, by data file id. */
  public static Map<Long, DeleteFileRecord> deleteFiles(
      CatalogSession c, long tableId, long snapshot) {
    String sql =
        "SELECT delete_file_id, data_file_id, begin_snapshot, path, path_is_relative, format,"
            + " delete_count, file_size_bytes, encryption_key, partial_max"
            + " FROM ducklake_delete_file WHERE table_id = ? AND "
            + Visibility.at("")
            + " ORDER BY begin_snapshot";
    Map<Long, DeleteFileRecord> out = new HashMap<>();
    Sql.each(
        c,
        sql,
        rs -> {
          DeleteFileRecord d =
              new DeleteFileRecord(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getLong(3),
                  rs.getString(4),
                  relative(rs, 5),
                  rs.getString(6),
                  rs.getLong(7),
                  rs.getLong(8),
                  rs.getString(9),
                  NullableColumns.getLong(rs, 10));
          out.put(d.dataFileId(), d);
        },
        tableId,
        snapshot,
        snapshot);
    return out;
  }

  /**
   * Positions deleted through {@code ducklake_inlined_delete_<table>} at the snapshot, by data file
   * id (unsorted). Empty when the table has none.
   */
  public static Map<Long, List<Long>> inlinedFileDeletes(
      CatalogSession c, long tableId, long snapshot) {
    String table = "ducklake_inlined_delete_" + tableId;
    Map<Long, List<Long>> out = new HashMap<>();
    if (!InlinedWrites.tableExists(c, table)) {
      return out;
    }
    String sql = "SELECT file_id, row_id FROM " + table + " WHERE begin_snapshot <= ?";
    Sql.each(
        c,
        sql,
        rs -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)),
        snapshot);
    return out;
  }

  /**
   * The data files that commits after {@code base} deleted rows from or ended, each with the first
   * such snapshot.
   */
  public static Map<Long, Long> deletedSince(CatalogSession c, long base) {
    Map<Long, Long> out = new HashMap<>();
    String[] queries = {
      "SELECT data_file_id, MIN(begin_snapshot) FROM ducklake_delete_file"
          + " WHERE begin_snapshot > ? GROUP BY data_file_id",
      "SELECT data_file_id, end_snapshot FROM ducklake_data_file WHERE end_snapshot > ?"
    };
    for (String sql : queries) {
      Sql.each(c, sql, rs -> out.merge(rs.getLong(1), rs.getLong(2), Math::min), base);
    }
    return out;
  }

  /** Column stats of the table's files visible at the snapshot, for the given columns. */
  public static Map<Long, List<FileColumnStatsRecord>> columnStats(
      CatalogSession c, long tableId, long snapshot, Collection<Long> columnIds) {
    return columnStats(c, tableId, snapshot, columnIds, null);
  }

  /**
   * The statistics of these columns for the files visible at the snapshot; only for {@code fileIds}
   * when given (a short list after pruning in the database), else for every file.
   */
  public static Map<Long, List<FileColumnStatsRecord>> columnStats(
      CatalogSession c,
      long tableId,
      long snapshot,
      Collection<Long> columnIds,
      Set<Long> fileIds) {
    Map<Long, List<FileColumnStatsRecord>> out = new HashMap<>();
    if (columnIds.isEmpty() || (fileIds != null && fileIds.isEmpty())) {
      return out;
    }
    String ids = columnIds.stream().map(String::valueOf).collect(Collectors.joining(","));
    String files =
        fileIds == null
            ? ""
            : " AND s.data_file_id IN ("
                + fileIds.stream().map(String::valueOf).collect(Collectors.joining(","))
                + ")";
    String sql =
        "SELECT s.data_file_id, s.column_id, s.value_count, s.null_count, s.min_value,"
            + " s.max_value, s.contains_nan, s.extra_stats FROM ducklake_file_column_stats s"
            + " JOIN ducklake_data_file f ON f.data_file_id = s.data_file_id AND "
            + Visibility.at("f")
            + " WHERE s.table_id = ? AND s.column_id IN ("
            + ids
            + ")"
            + files;
    Sql.each(
        c,
        sql,
        rs -> {
          FileColumnStatsRecord r =
              new FileColumnStatsRecord(
                  rs.getLong(1),
                  rs.getLong(2),
                  NullableColumns.getLong(rs, 3),
                  NullableColumns.getLong(rs, 4),
                  rs.getString(5),
                  rs.getString(6),
                  NullableColumns.getBoolean(rs, 7),
                  rs.getString(8));
          out.computeIfAbsent(r.dataFileId(), k -> new ArrayList<>()).add(r);
        },
        snapshot,
        snapshot,
        tableId);
    return out;
  }

  /** The partition keys in force at the snapshot, by key index; empty if unpartitioned. */
  public static List<PartitionColumnRecord> partitionColumns(
      CatalogSession c, long tableId, long snapshot) {
    String sql =
        "SELECT pc.partition_id, pc.partition_key_index, pc.column_id, pc.transform"
            + " FROM ducklake_partition_column pc JOIN ducklake_partition_info pi"
            + " ON pi.partition_id = pc.partition_id AND pi.table_id = pc.table_id"
            + " WHERE pc.table_id = ? AND "
            + Visibility.at("pi")
            + " ORDER BY pc.partition_key_index";
    return Sql.query(c, sql, FileGateway::partitionColumn, tableId, snapshot, snapshot);
  }

  /** Every partition key of the table, of any spec, for reading old files' values. */
  public static List<PartitionColumnRecord> allPartitionColumns(CatalogSession c, long tableId) {
    String sql =
        "SELECT partition_id, partition_key_index, column_id, transform"
            + " FROM ducklake_partition_column WHERE table_id = ?"
            + " ORDER BY partition_id, partition_key_index";
    return Sql.query(c, sql, FileGateway::partitionColumn, tableId);
  }

  /** Partition values of the table's files, by data file id then key index. */
  public static Map<Long, Map<Integer, String>> partitionValues(CatalogSession c, long tableId) {
    String sql =
        "SELECT data_file_id, partition_key_index, partition_value"
            + " FROM ducklake_file_partition_value WHERE table_id = ?";
    Map<Long, Map<Integer, String>> out = new HashMap<>();
    Sql.each(
        c,
        sql,
        rs ->
            out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                .put(rs.getInt(2), rs.getString(3)),
        tableId);
    return out;
  }

  private static PartitionColumnRecord partitionColumn(ResultSet rs) throws SQLException {
    return new PartitionColumnRecord(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4));
  }

  static boolean relative(ResultSet rs, int column) throws SQLException {
    Boolean b = NullableColumns.getBoolean(rs, column);
    return b == null || b;
  }

  /** The entries of these name mappings, by mapping id (files registered without field ids). */
  public static Map<Long, List<NameMappingRecord>> nameMappings(
      CatalogSession c, java.util.Collection<Long> mappingIds) {
    Map<Long, List<NameMappingRecord>> out = new HashMap<>();
    if (mappingIds.isEmpty()) {
      return out;
    }
    String ids = mappingIds.stream().map(String::valueOf).collect(Collectors.joining(","));
    Sql.each(
        c,
        "SELECT mapping_id, column_id, source_name, target_field_id, parent_column, is_partition"
            + " FROM ducklake_name_mapping WHERE mapping_id IN ("
            + ids
            + ") ORDER BY mapping_id, column_id",
        rs ->
            out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                .add(
                    new NameMappingRecord(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getLong(4),
                        NullableColumns.getLong(rs, 5),
                        Boolean.TRUE.equals(NullableColumns.getBoolean(rs, 6)))));
    return out;
  }
}
