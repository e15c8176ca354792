package io.quacklake;

/**
 * What a scan did, for observing pruning.
 *
 * @param dataFiles data files visible at the snapshot
 * @param dataFilesPruned files skipped by catalog statistics and partition values
 * @param rowGroupsRead Parquet row groups read
 * @param rowGroupsSkipped Parquet row groups skipped by footer statistics
 * @param inlinedRows rows read from data inlined in the catalog
 * @param rowsScanned rows decoded, after deletes
 * @param rowsReturned rows that matched the filter
 */
public record ScanMetrics(
    long dataFiles,
    long dataFilesPruned,
    long rowGroupsRead,
    long rowGroupsSkipped,
    long inlinedRows,
    long rowsScanned,
    long rowsReturned) {}
