package io.quacklake.internal.parquet;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.io.api.Binary;

/**
 * Writes a DuckLake positional delete file as DuckDB does (spec §5.5): {@code file_path VARCHAR}
 * (field id 2147483646), {@code pos BIGINT} (2147483645) and, for a partial deletion file, {@code
 * _ducklake_internal_snapshot_id BIGINT} (2147483539). Positions of one data file must be strictly
 * increasing, and the rows of one data file must be contiguous. Not thread-safe.
 */
public final class PositionDeleteWriter {
  /** DuckDB's field id of {@code file_path}. */
  public static final long FILE_PATH_FIELD_ID = 2147483646L;

  /** DuckDB's field id of {@code pos}. */
  public static final long POS_FIELD_ID = 2147483645L;

  private static final ColumnPath FILE_PATH = ColumnPath.get("file_path");
  private static final ColumnPath POS = ColumnPath.get("pos");
  private static final ColumnPath SNAPSHOT =
      ColumnPath.get(DuckLakeSystemColumn.SNAPSHOT_ID.columnName());

  private final Location location;
  private final boolean withSnapshots;
  private final ParquetFileSink sink;
  private final Set<String> finishedPaths = new HashSet<>();
  private String currentPath;
  private Binary currentPathValue;
  private long lastPos = -1;
  private int boundGeneration = -1;
  private ColumnWriter pathWriter;
  private ColumnWriter posWriter;
  private ColumnWriter snapshotWriter;
  private boolean finished;

  private PositionDeleteWriter(Location location, boolean withSnapshots, ParquetFileSink sink) {
    this.location = location;
    this.withSnapshots = withSnapshots;
    this.sink = sink;
  }

  /**
   * Opens a delete file.
   *
   * @param withSnapshotIds whether to write the snapshot column (a partial deletion file)
   */
  public static PositionDeleteWriter open(
      ObjectStore store, Location location, ParquetWriteOptions options, boolean withSnapshotIds) {
    Objects.requireNonNull(store, "store is null");
    Objects.requireNonNull(location, "location is null");
    Objects.requireNonNull(options, "options is null");
    LakeType bigint = LakeType.of(TypeId.INT64);
    List<LakeColumn> columns = new ArrayList<>();
    columns.add(LakeColumn.of(FILE_PATH_FIELD_ID, "file_path", LakeType.of(TypeId.VARCHAR)));
    columns.add(LakeColumn.of(POS_FIELD_ID, "pos", bigint));
    if (withSnapshotIds) {
      DuckLakeSystemColumn s = DuckLakeSystemColumn.SNAPSHOT_ID;
      columns.add(LakeColumn.of(s.fieldId(), s.columnName(), bigint));
    }
    DuckLakeParquetSchema schema = DuckLakeParquetSchema.of(columns);
    return new PositionDeleteWriter(
        location, withSnapshotIds, new ParquetFileSink(store, location, schema, options));
  }

  /** Deletes positions of a data file (no snapshot column). */
  public void write(String dataFilePath, long[] positions) {
    if (withSnapshots) {
      throw QuacklakeException.invalid(
          "delete file %s has a snapshot column: pass a snapshot id per position", location);
    }
    write(dataFilePath, positions, null);
  }

  /**
   * Deletes positions of a data file, each with the snapshot that deleted it.
   *
   * @throws QuacklakeException INVALID_ARGUMENT for a negative, repeated or decreasing position, a
   *     data file path that reappears after another one, or mismatched array lengths
   */
  public void write(String dataFilePath, long[] positions, long[] snapshotIds) {
    Objects.requireNonNull(dataFilePath, "dataFilePath is null");
    if (finished) {
      throw new IllegalStateException("delete writer for " + location + " is closed");
    }
    if (withSnapshots && (snapshotIds == null || snapshotIds.length != positions.length)) {
      throw QuacklakeException.invalid(
          "delete file %s needs one snapshot id per position (%d positions)",
          location, positions.length);
    }
    switchPath(dataFilePath);
    int from = 0;
    while (from < positions.length) {
      if (boundGeneration != sink.generation()) {
        pathWriter = sink.writer(FILE_PATH);
        posWriter = sink.writer(POS);
        snapshotWriter = withSnapshots ? sink.writer(SNAPSHOT) : null;
        boundGeneration = sink.generation();
      }
      int to = (int) Math.min(positions.length, from + Math.min(2048, sink.rowsLeftInGroup()));
      for (int i = from; i < to; i++) {
        long pos = positions[i];
        if (pos <= lastPos) {
          throw QuacklakeException.invalid(
              "delete positions for %s must be strictly increasing: %d follows %d",
              dataFilePath, pos, lastPos);
        }
        lastPos = pos;
        pathWriter.write(currentPathValue, 0, 1);
        posWriter.write(pos, 0, 1);
        if (withSnapshots) {
          snapshotWriter.write(snapshotIds[i], 0, 1);
        }
      }
      sink.endRows(to - from);
      from = to;
    }
  }

  private void switchPath(String dataFilePath) {
    if (dataFilePath.equals(currentPath)) {
      return;
    }
    if (finishedPaths.contains(dataFilePath)) {
      throw QuacklakeException.invalid(
          "deletes for %s must be contiguous in delete file %s", dataFilePath, location);
    }
    if (currentPath != null) {
      finishedPaths.add(currentPath);
    }
    currentPath = dataFilePath;
    currentPathValue = Binary.fromConstantByteArray(dataFilePath.getBytes(StandardCharsets.UTF_8));
    lastPos = -1;
  }

  /** Writes the footer and publishes the file; on failure the file is given up as by abort. */
  public WrittenFile close() {
    if (finished) {
      throw new IllegalStateException("delete writer for " + location + " is already closed");
    }
    finished = true;
    return sink.finish(location);
  }

  /**
   * Gives the file up: it never appears under its final name, and what was written is removed (see
   * {@link ArrowParquetWriter#abort}).
   */
  public void abort() {
    if (!finished) {
      finished = true;
      sink.abort();
    }
  }
}
