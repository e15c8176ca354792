package io.quacklake.parquet;

import io.quacklake.storage.InputFile;
import io.quacklake.types.LakeColumn;
import java.util.List;

/** Placeholder until the parquet package lands. */
public record ParquetReadRequest(
    InputFile file,
    List<LakeColumn> columns,
    RowGroupFilter rowGroupFilter,
    long[] deletedPositions,
    long maxSnapshot,
    boolean includeRowIdentity,
    long rowIdStart,
    int batchSize) {}
