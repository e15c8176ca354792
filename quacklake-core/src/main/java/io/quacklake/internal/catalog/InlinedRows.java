package io.quacklake.internal.catalog;

import io.quacklake.types.LakeColumn;
import java.util.List;

/**
 * Rows of one inlined-data table visible at a snapshot, decoded to canonical values.
 *
 * @param tableName the inlined-data table they come from
 * @param columns the current columns the inlined table holds, in {@code values} order
 * @param rowIds the row id of each row
 * @param values one array per row, aligned with {@code columns}
 * @param beginSnapshots the snapshot that inserted each row, aligned with {@code rowIds}; null for
 *     rows not committed yet
 */
public record InlinedRows(
    String tableName,
    List<LakeColumn> columns,
    long[] rowIds,
    List<Object[]> values,
    long[] beginSnapshots)
    implements java.io.Serializable {}
