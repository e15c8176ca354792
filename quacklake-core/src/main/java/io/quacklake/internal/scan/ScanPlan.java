package io.quacklake.internal.scan;

import io.quacklake.internal.catalog.InlinedRows;
import java.util.List;

/**
 * What a scan reads.
 *
 * @param table the table at the scan's snapshot
 * @param files the data files that survived pruning
 * @param inlined rows inlined in the catalog
 * @param filesTotal data files visible at the snapshot
 * @param filesPruned data files skipped by statistics and partition values
 */
public record ScanPlan(
    ResolvedTable table,
    List<FileTask> files,
    List<InlinedRows> inlined,
    int filesTotal,
    int filesPruned) {}
