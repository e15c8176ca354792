package io.quacklake;

/**
 * One data file of a table at a snapshot with its deletes, as DuckDB's {@code ducklake_list_files}
 * lists them.
 *
 * @param dataFile where the data file is
 * @param recordCount rows in it, before deletes
 * @param fileSizeBytes its size
 * @param footerSize its Parquet footer's size, or null when the catalog does not record it
 * @param deleteFile its delete file at the snapshot, or null
 * @param deleteFileSizeBytes the delete file's size, or null without one
 * @param deletedRows rows deleted at the snapshot (in the delete file and inlined in the catalog)
 */
public record DataFileInfo(
    String dataFile,
    long recordCount,
    long fileSizeBytes,
    Long footerSize,
    String deleteFile,
    Long deleteFileSizeBytes,
    long deletedRows) {}
