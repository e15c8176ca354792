package io.quacklake.internal.scan;

import io.quacklake.storage.ObjectStore;
import io.quacklake.types.LakeColumn;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * How to execute a planned scan.
 *
 * @param outputColumns the projected columns, in output order
 * @param readColumns the columns read from files (output plus filter columns)
 * @param filter the row filter
 * @param store where data files are
 * @param executor runs the read workers
 * @param threads how many files to read at once
 * @param batchSize rows per batch
 * @param rowLocations whether the output ends with the {@link RowLocationColumns}
 */
public record ScanSettings(
    List<LakeColumn> outputColumns,
    List<LakeColumn> readColumns,
    RowFilter filter,
    ObjectStore store,
    ExecutorService executor,
    int threads,
    int batchSize,
    boolean rowLocations) {}
