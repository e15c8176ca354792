package io.quacklake.internal.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * What the change feed reads of a table's catalog rows: every data file and delete file it ever had
 * (whatever their snapshots), and the deletes recorded in {@code ducklake_inlined_delete_<table>}
 * within a snapshot range.
 */
public final class ChangeGateway {
  private ChangeGateway() {}

  /** A data file and the snapshot that removed it ({@code end_snapshot}, null while it lives). */
  public record DataFile(DataFileRecord file, Long endSnapshot) {}

  /** A delete file of a data file. */
  public record DeleteFile(DeleteFileRecord file) {}

  /** A position of a data file deleted through the catalog, and the snapshot that deleted it. */
  public record InlinedDelete(long dataFileId, long position, long snapshot) {}

  public static List<DataFile> dataFiles(CatalogSession c, long tableId) {
    return Sql.query(
        c,
        "SELECT data_file_id, begin_snapshot, path, path_is_relative, file_format, record_count,"
            + " file_size_bytes, footer_size, row_id_start, partition_id, encryption_key,"
            + " mapping_id, partial_max, end_snapshot FROM ducklake_data_file WHERE table_id = ?"
            + " ORDER BY data_file_id",
        rs -> new DataFile(FileGateway.dataFile(rs), NullableColumns.getLong(rs, 14)),
        tableId);
  }

  public static List<DeleteFile> deleteFiles(CatalogSession c, long tableId) {
    return Sql.query(
        c,
        "SELECT delete_file_id, data_file_id, begin_snapshot, path, path_is_relative, format,"
            + " delete_count, file_size_bytes, encryption_key, partial_max"
            + " FROM ducklake_delete_file WHERE table_id = ? ORDER BY begin_snapshot, delete_file_id",
        rs ->
            new DeleteFile(
                new DeleteFileRecord(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getString(4),
                    FileGateway.relative(rs, 5),
                    rs.getString(6),
                    rs.getLong(7),
                    rs.getLong(8),
                    rs.getString(9),
                    NullableColumns.getLong(rs, 10))),
        tableId);
  }

  /** The catalog-recorded deletes made in snapshots {@code from..to} (both included). */
  public static List<InlinedDelete> inlinedDeletes(
      CatalogSession c, long tableId, long from, long to) {
    String table = "ducklake_inlined_delete_" + tableId;
    List<InlinedDelete> out = new ArrayList<>();
    if (!InlinedWrites.tableExists(c, table)) {
      return out;
    }
    Sql.each(
        c,
        "SELECT file_id, row_id, begin_snapshot FROM "
            + c.dialect().quote(table)
            + " WHERE begin_snapshot >= ? AND begin_snapshot <= ?",
        rs -> out.add(new InlinedDelete(rs.getLong(1), rs.getLong(2), rs.getLong(3))),
        from,
        to);
    return out;
  }
}
