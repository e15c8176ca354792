package io.quacklake.internal.maintenance;

import io.quacklake.internal.catalog.UuidV7;
import io.quacklake.internal.deletes.DeleteFiles;
import io.quacklake.internal.parquet.ArrowParquetWriter;
import io.quacklake.internal.parquet.DuckLakeSystemColumn;
import io.quacklake.internal.parquet.ParquetBatchReader;
import io.quacklake.internal.parquet.ParquetReadRequest;
import io.quacklake.internal.parquet.ParquetWriteOptions;
import io.quacklake.internal.parquet.PositionDeleteFile;
import io.quacklake.internal.write.RowSorter;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.types.ArrowRows;
import io.quacklake.types.ArrowValues;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads a compaction group's surviving rows in order and writes them as new data files, keeping
 * every row's id (by position when the files are adjacent, else in {@code
 * _ducklake_internal_row_id}) and, when merging, the snapshot that inserted it ({@code
 * _ducklake_internal_snapshot_id}), so time travel and row ids read the same afterwards.
 */
final class CompactionWriter {
  private final ObjectStore store;
  private final BufferAllocator allocator;
  private final ParquetWriteOptions options;
  private final long targetFileSize;
  private final Consumer<Location> created;

  CompactionWriter(
      ObjectStore store,
      BufferAllocator allocator,
      ParquetWriteOptions options,
      long targetFileSize,
      Consumer<Location> created) {
    this.store = store;
    this.allocator = allocator;
    this.options = options;
    this.targetFileSize = targetFileSize;
    this.created = created;
  }

  /**
   * Writes the group's rows.
   *
   * @param merge keep each row's snapshot (merge) or drop deleted rows (rewrite)
   * @param rowIds write the row id column
   */
  List<CompactedFile> write(CompactionGroup group, boolean merge, boolean rowIds) {
    return write(group, merge, rowIds, List.of());
  }

  /**
   * As {@link #write(CompactionGroup, boolean, boolean)}, with the rows in the table's sort order
   * when {@code sortKeys} is not empty: the group's rows are then held in memory (callers sort only
   * groups of bounded size) and written with their row ids.
   */
  List<CompactedFile> write(
      CompactionGroup group, boolean merge, boolean rowIds, List<RowSorter.Key> sortKeys) {
    if (!sortKeys.isEmpty()) {
      rowIds = true;
    }
    List<Object[]> held = sortKeys.isEmpty() ? null : new ArrayList<>();
    Set<DuckLakeSystemColumn> system = new java.util.HashSet<>();
    if (rowIds) {
      system.add(DuckLakeSystemColumn.ROW_ID);
    }
    if (merge) {
      system.add(DuckLakeSystemColumn.SNAPSHOT_ID);
    }
    List<CompactedFile> out = new ArrayList<>();
    Output current = null;
    try {
      long nextRowId = group.sources().isEmpty() ? 0 : first(group);
      for (SourceFile source : group.sources()) {
        boolean partial = merge && source.file().partialMax() != null;
        List<LakeColumn> request = new ArrayList<>(group.columns());
        if (partial) {
          request.add(snapshotColumn());
        }
        ParquetReadRequest read =
            ParquetReadRequest.of(
                    io.quacklake.internal.parquet.crypto.FileEncryption.open(
                        store,
                        source.location(),
                        source.file().fileSizeBytes(),
                        source.file().encryptionKey()),
                    request)
                .withRowIdentity(
                    source.file().rowIdStart() == null ? 0 : source.file().rowIdStart())
                .withDeletedPositions(merge ? new long[0] : deleted(source, group.directory()));
        try (ParquetBatchReader reader = ParquetBatchReader.open(read, allocator)) {
          while (reader.loadNextBatch()) {
            VectorSchemaRoot batch = reader.root();
            int rows = batch.getRowCount();
            if (rows == 0) {
              continue;
            }
            BigIntVector ids = (BigIntVector) batch.getVector(ParquetReadRequest.ROW_ID);
            if (!rowIds) {
              for (int r = 0; r < rows; r++) {
                if (ids.get(r) != nextRowId + r) {
                  throw new NotAdjacent();
                }
              }
            }
            nextRowId += rows;
            if (held != null) {
              hold(held, group, batch, ids, partial, source, merge);
              continue;
            }
            if (current == null) {
              current = open(group, system);
            }
            writeBatch(current.writer(), group, batch, ids, partial, source, merge, rowIds);
            if (rowIds && current.writer().estimatedBytes() >= targetFileSize) {
              out.add(current.close());
              current = null;
            }
          }
        }
      }
      if (held != null && !held.isEmpty()) {
        RowSorter.sort(held, group.columns().size(), sortKeys);
        int columns = group.columns().size();
        for (int from = 0; from < held.size(); from += SORTED_BATCH) {
          List<Object[]> chunk = held.subList(from, Math.min(held.size(), from + SORTED_BATCH));
          try (VectorSchemaRoot batch = ArrowRows.of(group.columns(), chunk, allocator);
              BigIntVector ids = new BigIntVector("ids", allocator);
              BigIntVector snapshots = new BigIntVector("snapshots", allocator)) {
            ids.allocateNew(chunk.size());
            snapshots.allocateNew(chunk.size());
            for (int r = 0; r < chunk.size(); r++) {
              ids.set(r, (Long) chunk.get(r)[columns]);
              snapshots.set(r, (Long) chunk.get(r)[columns + 1]);
            }
            ids.setValueCount(chunk.size());
            snapshots.setValueCount(chunk.size());
            if (current == null) {
              current = open(group, system);
            }
            writeRows(current.writer(), group, batch, ids, merge ? snapshots : null);
            if (current.writer().estimatedBytes() >= targetFileSize) {
              out.add(current.close());
              current = null;
            }
          }
        }
      }
      if (current != null) {
        out.add(current.close());
        current = null;
      }
      return out;
    } catch (RuntimeException | Error e) {
      if (current != null) {
        current.writer().abort();
      }
      throw e;
    }
  }

  /** Thrown when files called adjacent hold row ids that do not follow their positions. */
  static final class NotAdjacent extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotAdjacent() {
      super("row ids of the merged files are not consecutive", null, false, false);
    }
  }

  private static long first(CompactionGroup group) {
    Long start = group.sources().get(0).file().rowIdStart();
    return start == null ? 0 : start;
  }

  /** Rows of a sorted compaction written per chunk. */
  private static final int SORTED_BATCH = 8192;

  /** A batch's rows as values: the group's columns, then the row id and inserting snapshot. */
  private static void hold(
      List<Object[]> held,
      CompactionGroup group,
      VectorSchemaRoot batch,
      BigIntVector ids,
      boolean partial,
      SourceFile source,
      boolean merge) {
    int columns = group.columns().size();
    BigIntVector embedded = partial ? (BigIntVector) batch.getVector(columns) : null;
    for (int r = 0; r < batch.getRowCount(); r++) {
      Object[] row = new Object[columns + 2];
      for (int c = 0; c < columns; c++) {
        FieldVector v = batch.getVector(c);
        row[c] = v.isNull(r) ? null : ArrowValues.get(v, r);
      }
      row[columns] = ids.get(r);
      row[columns + 1] =
          merge && embedded != null ? embedded.get(r) : source.file().beginSnapshot();
      held.add(row);
    }
  }

  /** Sorted rows with their ids and, when merging, their snapshots. */
  private void writeRows(
      ArrowParquetWriter writer,
      CompactionGroup group,
      VectorSchemaRoot batch,
      BigIntVector ids,
      BigIntVector snapshots) {
    List<FieldVector> vectors = new ArrayList<>(batch.getFieldVectors());
    List<FieldVector> owned = new ArrayList<>();
    try {
      BigIntVector idColumn = new BigIntVector(DuckLakeSystemColumn.ROW_ID.columnName(), allocator);
      owned.add(idColumn);
      ids.makeTransferPair(idColumn).transfer();
      vectors.add(idColumn);
      if (snapshots != null) {
        BigIntVector snapshotColumn =
            new BigIntVector(DuckLakeSystemColumn.SNAPSHOT_ID.columnName(), allocator);
        owned.add(snapshotColumn);
        snapshots.makeTransferPair(snapshotColumn).transfer();
        vectors.add(snapshotColumn);
      }
      VectorSchemaRoot out = new VectorSchemaRoot(vectors);
      out.setRowCount(batch.getRowCount());
      writer.write(out);
    } finally {
      owned.forEach(FieldVector::close);
    }
  }

  private void writeBatch(
      ArrowParquetWriter writer,
      CompactionGroup group,
      VectorSchemaRoot batch,
      BigIntVector ids,
      boolean partial,
      SourceFile source,
      boolean merge,
      boolean rowIds) {
    int rows = batch.getRowCount();
    List<FieldVector> vectors = new ArrayList<>();
    for (int i = 0; i < group.columns().size(); i++) {
      vectors.add(batch.getVector(i));
    }
    List<FieldVector> owned = new ArrayList<>();
    try {
      if (rowIds) {
        BigIntVector copy = new BigIntVector(DuckLakeSystemColumn.ROW_ID.columnName(), allocator);
        owned.add(copy);
        copy.allocateNew(rows);
        for (int r = 0; r < rows; r++) {
          copy.set(r, ids.get(r));
        }
        copy.setValueCount(rows);
        vectors.add(copy);
      }
      if (merge) {
        BigIntVector snapshots =
            new BigIntVector(DuckLakeSystemColumn.SNAPSHOT_ID.columnName(), allocator);
        owned.add(snapshots);
        snapshots.allocateNew(rows);
        BigIntVector embedded =
            partial ? (BigIntVector) batch.getVector(group.columns().size()) : null;
        for (int r = 0; r < rows; r++) {
          snapshots.set(r, embedded == null ? source.file().beginSnapshot() : embedded.get(r));
        }
        snapshots.setValueCount(rows);
        vectors.add(snapshots);
      }
      VectorSchemaRoot out = new VectorSchemaRoot(vectors);
      out.setRowCount(rows);
      writer.write(out);
    } finally {
      owned.forEach(FieldVector::close);
    }
  }

  private Output open(CompactionGroup group, Set<DuckLakeSystemColumn> system) {
    String relative = group.partitionDirectory() + "ducklake-" + UuidV7.next() + ".parquet";
    Location location = group.directory().resolve(relative);
    created.accept(location);
    return new Output(
        relative, ArrowParquetWriter.open(store, location, group.columns(), options, system));
  }

  private long[] deleted(SourceFile source, Location tableDir) {
    TreeSet<Long> positions = new TreeSet<>(source.inlinedDeletes().keySet());
    if (source.deleteFile() != null) {
      Location location =
          source
              .deleteFile()
              .location(tableDir, "delete file " + source.deleteFile().deleteFileId());
      PositionDeleteFile.Deletes d =
          DeleteFiles.readAll(
              io.quacklake.internal.parquet.crypto.FileEncryption.open(
                  store,
                  location,
                  source.deleteFile().fileSizeBytes(),
                  source.deleteFile().encryptionKey()),
              source.deleteFile().format(),
              source.deleteFile().beginSnapshot());
      for (long p : d.positions()) {
        positions.add(p);
      }
    }
    return positions.stream().mapToLong(Long::longValue).toArray();
  }

  private static LakeColumn snapshotColumn() {
    return new LakeColumn(
        ParquetReadRequest.SNAPSHOT_ID_FIELD_ID,
        DuckLakeSystemColumn.SNAPSHOT_ID.columnName(),
        LakeType.of(TypeId.INT64),
        false,
        null,
        null,
        List.of());
  }

  private record Output(String relative, ArrowParquetWriter writer) {
    CompactedFile close() {
      return new CompactedFile(relative, writer.close());
    }
  }
}
