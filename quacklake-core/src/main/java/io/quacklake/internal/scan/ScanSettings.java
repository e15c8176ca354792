package io.quacklake.internal.scan;

import io.quacklake.storage.ObjectStore;
import io.quacklake.types.LakeColumn;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * How to execute a planned scan.
 *
 * @param output the output batches' schema: projected table columns (with their ids), virtual and
 *     row-location columns (without)
 * @param readColumns the columns read from files (output plus filter columns)
 * @param filter the row filter
 * @param store where data files are
 * @param executor runs the read workers
 * @param threads how many files to read at once
 * @param batchSize rows per batch
 * @param rowIdentity whether files are read with each row's position, id and recorded snapshot
 *     (what virtual and row-location columns are made of)
 */
public record ScanSettings(
    Schema output,
    List<LakeColumn> readColumns,
    RowFilter filter,
    ObjectStore store,
    ExecutorService executor,
    int threads,
    int batchSize,
    boolean rowIdentity) {}
