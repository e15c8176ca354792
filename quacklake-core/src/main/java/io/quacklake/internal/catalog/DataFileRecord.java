package io.quacklake.internal.catalog;

import io.quacklake.storage.Location;

/** A data file visible at a snapshot ({@code ducklake_data_file}). */
public record DataFileRecord(
    long dataFileId,
    long beginSnapshot,
    String path,
    boolean pathIsRelative,
    String fileFormat,
    long recordCount,
    long fileSizeBytes,
    Long footerSize,
    Long rowIdStart,
    Long partitionId,
    String encryptionKey,
    Long mappingId,
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
        () -> "ducklake_data_file row data_file_id=" + dataFileId + " of table " + table);
  }
}
