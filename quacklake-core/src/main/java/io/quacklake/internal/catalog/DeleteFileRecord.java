package io.quacklake.internal.catalog;

import io.quacklake.storage.Location;

/** A delete file visible at a snapshot ({@code ducklake_delete_file}). */
public record DeleteFileRecord(
    long deleteFileId,
    long dataFileId,
    long beginSnapshot,
    String path,
    boolean pathIsRelative,
    String format,
    long deleteCount,
    long fileSizeBytes,
    String encryptionKey,
    Long partialMax)
    implements java.io.Serializable {

  /**
   * The file's location: a relative path hangs off the table directory.
   *
   * @param table the table's name, for the error
   * @throws io.quacklake.exceptions.QuacklakeException CORRUPT when a relative path leaves {@code
   *     tableDir}
   */
  public Location location(Location tableDir, String table) {
    return RowPaths.file(
        tableDir,
        path,
        pathIsRelative,
        () ->
            "ducklake_delete_file row delete_file_id="
                + deleteFileId
                + " (data file "
                + dataFileId
                + ") of table "
                + table);
  }
}
