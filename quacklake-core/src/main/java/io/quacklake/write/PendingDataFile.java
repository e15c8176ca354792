package io.quacklake.write;

import io.quacklake.parquet.WrittenFile;

/**
 * A data file written by a transaction and not yet committed.
 *
 * @param relativePath its path relative to the table directory
 * @param file the file's exact facts and leaf statistics
 * @param embeddedRowIds whether the file carries {@code _ducklake_internal_row_id} (updates)
 * @param firstRowId the smallest embedded row id, when there are embedded row ids
 */
public record PendingDataFile(
    String relativePath, WrittenFile file, boolean embeddedRowIds, long firstRowId) {}
