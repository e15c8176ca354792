package io.quacklake.internal.parquet;

/**
 * What a {@link ParquetBatchReader} did so far.
 *
 * @param rowGroupsTotal row groups in the file
 * @param rowGroupsRead row groups whose pages were read
 * @param rowGroupsSkipped row groups skipped because the filter ruled them out or all their rows
 *     were deleted
 * @param rowsRead rows decoded from pages
 * @param rowsDeleted rows dropped because their position was deleted or, in a partial file, their
 *     snapshot id was after the requested snapshot (includes rows of fully deleted row groups)
 * @param rowsKept rows decoded that survived the deletes, before any row predicate
 */
public record ParquetReadMetrics(
    int rowGroupsTotal,
    int rowGroupsRead,
    int rowGroupsSkipped,
    long rowsRead,
    long rowsDeleted,
    long rowsKept) {}
