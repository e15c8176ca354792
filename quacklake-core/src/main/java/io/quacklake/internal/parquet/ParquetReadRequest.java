package io.quacklake.internal.parquet;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.InputFile;
import io.quacklake.types.LakeColumn;
import java.util.List;
import java.util.Objects;

/**
 * What to read from one Parquet data file.
 *
 * @param file the data file
 * @param columns the output columns in output order; each column's id is its Parquet field id, and
 *     nested children carry their own ids
 * @param rowGroupFilter prunes row groups by their statistics; null reads every row group
 * @param deletedPositions 0-based row positions in the file to drop, strictly ascending; may be
 *     empty
 * @param maxSnapshot for partial files (with {@code _ducklake_internal_snapshot_id}): keep only
 *     rows whose snapshot id is at most this; {@link Long#MAX_VALUE} keeps every row
 * @param includeRowIdentity append the non-null BIGINT columns {@value #FILE_POSITION} and {@value
 *     #ROW_ID}, then the nullable BIGINT {@value #ROW_SNAPSHOT}, after the requested columns
 * @param rowIdStart the row id of the file's first row, used when the file has no embedded {@code
 *     _ducklake_internal_row_id}
 * @param batchSize the maximum number of rows per batch
 * @param share splits the file's row groups with other readers of the same share, each reading the
 *     row groups it claims and reusing the footer the share's first reader read; null reads every
 *     row group
 * @param rowPredicate rows to keep, evaluated on the predicate's columns before the others are
 *     decoded (they are then decoded for matching rows only); null keeps every row
 * @param nameMapping how the file's columns map to the table's by name (a file without field ids
 *     registered with {@code ducklake_add_data_files}); null binds by field id
 */
public record ParquetReadRequest(
    InputFile file,
    List<LakeColumn> columns,
    RowGroupFilter rowGroupFilter,
    long[] deletedPositions,
    long maxSnapshot,
    boolean includeRowIdentity,
    long rowIdStart,
    int batchSize,
    RowGroupShare share,
    RowPredicate rowPredicate,
    NameMapping nameMapping) {

  /** The default number of rows per batch. */
  public static final int DEFAULT_BATCH_SIZE = 8192;

  /** Name of the identity column holding the 0-based row position in the file. */
  public static final String FILE_POSITION = "_ducklake_file_position";

  /**
   * Name of the identity column holding the snapshot that inserted the row, as the file records it
   * ({@code _ducklake_internal_snapshot_id}); NULL when the file does not (its rows were inserted
   * at the file's begin snapshot).
   */
  public static final String ROW_SNAPSHOT = "_ducklake_row_snapshot";

  /** Name of the identity column holding the row id. */
  public static final String ROW_ID = "_ducklake_row_id";

  /** Parquet field id of the embedded row id column. */
  public static final int ROW_ID_FIELD_ID = 2147483540;

  /** Parquet field id of the embedded snapshot id column of partial files. */
  public static final int SNAPSHOT_ID_FIELD_ID = 2147483539;

  public ParquetReadRequest {
    Objects.requireNonNull(file, "file is null");
    columns = List.copyOf(Objects.requireNonNull(columns, "columns is null"));
    deletedPositions = deletedPositions == null ? new long[0] : deletedPositions;
    for (int i = 1; i < deletedPositions.length; i++) {
      if (deletedPositions[i] <= deletedPositions[i - 1]) {
        throw QuacklakeException.invalid(
            "deleted positions for %s must be strictly ascending, but %d follows %d",
            file.location(), deletedPositions[i], deletedPositions[i - 1]);
      }
    }
    if (batchSize <= 0) {
      throw QuacklakeException.invalid("batchSize must be positive, was %d", batchSize);
    }
  }

  /** Reads every row of {@code columns}, in batches of {@link #DEFAULT_BATCH_SIZE}. */
  public static ParquetReadRequest of(InputFile file, List<LakeColumn> columns) {
    return new ParquetReadRequest(
        file,
        columns,
        null,
        new long[0],
        Long.MAX_VALUE,
        false,
        0,
        DEFAULT_BATCH_SIZE,
        null,
        null,
        null);
  }

  public ParquetReadRequest withRowGroupFilter(RowGroupFilter filter) {
    return new ParquetReadRequest(
        file,
        columns,
        filter,
        deletedPositions,
        maxSnapshot,
        includeRowIdentity,
        rowIdStart,
        batchSize,
        share,
        rowPredicate,
        nameMapping);
  }

  public ParquetReadRequest withDeletedPositions(long[] positions) {
    return new ParquetReadRequest(
        file,
        columns,
        rowGroupFilter,
        positions,
        maxSnapshot,
        includeRowIdentity,
        rowIdStart,
        batchSize,
        share,
        rowPredicate,
        nameMapping);
  }

  public ParquetReadRequest withMaxSnapshot(long snapshot) {
    return new ParquetReadRequest(
        file,
        columns,
        rowGroupFilter,
        deletedPositions,
        snapshot,
        includeRowIdentity,
        rowIdStart,
        batchSize,
        share,
        rowPredicate,
        nameMapping);
  }

  public ParquetReadRequest withRowIdentity(long firstRowId) {
    return new ParquetReadRequest(
        file,
        columns,
        rowGroupFilter,
        deletedPositions,
        maxSnapshot,
        true,
        firstRowId,
        batchSize,
        share,
        rowPredicate,
        nameMapping);
  }

  public ParquetReadRequest withBatchSize(int rows) {
    return new ParquetReadRequest(
        file,
        columns,
        rowGroupFilter,
        deletedPositions,
        maxSnapshot,
        includeRowIdentity,
        rowIdStart,
        rows,
        share,
        rowPredicate,
        nameMapping);
  }

  /** Reads only the row groups claimed from {@code rowGroups}. */
  public ParquetReadRequest withShare(RowGroupShare rowGroups) {
    return new ParquetReadRequest(
        file,
        columns,
        rowGroupFilter,
        deletedPositions,
        maxSnapshot,
        includeRowIdentity,
        rowIdStart,
        batchSize,
        rowGroups,
        rowPredicate,
        nameMapping);
  }

  /** Binds the file's columns by name through {@code mapping} (null: by field id). */
  public ParquetReadRequest withNameMapping(NameMapping mapping) {
    return new ParquetReadRequest(
        file,
        columns,
        rowGroupFilter,
        deletedPositions,
        maxSnapshot,
        includeRowIdentity,
        rowIdStart,
        batchSize,
        share,
        rowPredicate,
        mapping);
  }

  /** Keeps only the rows {@code predicate} selects, decoding other columns for those rows only. */
  public ParquetReadRequest withRowPredicate(RowPredicate predicate) {
    return new ParquetReadRequest(
        file,
        columns,
        rowGroupFilter,
        deletedPositions,
        maxSnapshot,
        includeRowIdentity,
        rowIdStart,
        batchSize,
        share,
        predicate,
        nameMapping);
  }
}
