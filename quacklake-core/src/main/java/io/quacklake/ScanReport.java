package io.quacklake;

import java.time.Duration;

/**
 * What one scan did, reported to the lake's {@link MetricsReporter} when its reader closes.
 *
 * @param table the table, {@code schema.table}
 * @param snapshotId the snapshot read
 * @param filter the filter as SQL text, or null
 * @param metrics files and row groups planned and pruned, rows scanned and returned
 * @param planning time spent planning (reading the catalog, pruning files)
 * @param reading time from the end of planning to the reader's close
 */
public record ScanReport(
    String table,
    long snapshotId,
    String filter,
    ScanMetrics metrics,
    Duration planning,
    Duration reading) {}
