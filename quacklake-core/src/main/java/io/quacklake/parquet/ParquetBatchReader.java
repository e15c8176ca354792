package io.quacklake.parquet;

import io.quacklake.QuacklakeException;
import io.quacklake.types.ArrowTypes;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;
import org.apache.parquet.ParquetRuntimeException;
import org.apache.parquet.VersionParser;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.schema.MessageType;

/**
 * Reads one Parquet data file as a sequence of Arrow batches in one reused {@link #root()}: the
 * requested columns (schema {@link ArrowTypes#schema}), then, if asked, the row identity columns.
 * Only rows that survive the deleted positions and the snapshot filter appear. Not thread-safe.
 */
public final class ParquetBatchReader implements AutoCloseable {
  private final ParquetReadRequest request;
  private final ParquetFileReader reader;
  private final VectorSchemaRoot staging;
  private final VectorSchemaRoot output;
  private final ColumnAssembly assembly;
  private final Map<Long, ColumnBinding> statsIndex;
  private final VersionParser.ParsedVersion writerVersion;
  private final List<BlockMetaData> rowGroups;
  private final TransferPair[] pairs;
  private final BigIntVector rowIds;
  private final BatchSelection selection;
  private int nextRowGroup;
  private int currentRowGroup = -1;
  private long rowGroupRemaining;
  private long nextPosition;
  private final long[] rowGroupStarts;
  private int rowGroupsRead;
  private int rowGroupsSkipped;
  private long rowsRead;
  private long rowsDeleted;
  private boolean closed;

  private ParquetBatchReader(
      ParquetReadRequest request, ParquetFileReader reader, BufferAllocator allocator) {
    this.request = request;
    this.reader = reader;
    MessageType schema = reader.getFooter().getFileMetaData().getSchema();
    String file = request.file().location().toString();
    SchemaMatcher matcher = new SchemaMatcher(schema, file);
    List<LakeColumn> columns = new ArrayList<>(request.columns());
    int rowIdIndex = -1;
    int snapshotIndex = -1;
    if (request.includeRowIdentity() && matcher.hasTopLevelId(ParquetReadRequest.ROW_ID_FIELD_ID)) {
      rowIdIndex = columns.size();
      columns.add(hidden(ParquetReadRequest.ROW_ID_FIELD_ID, "_ducklake_internal_row_id"));
    }
    if (request.maxSnapshot() != Long.MAX_VALUE
        && matcher.hasTopLevelId(ParquetReadRequest.SNAPSHOT_ID_FIELD_ID)) {
      snapshotIndex = columns.size();
      columns.add(
          hidden(ParquetReadRequest.SNAPSHOT_ID_FIELD_ID, "_ducklake_internal_snapshot_id"));
    }
    List<ColumnBinding> bindings = matcher.bind(columns);
    this.statsIndex = RowGroupStats.index(bindings.subList(0, request.columns().size()));
    this.staging = VectorSchemaRoot.create(ArrowTypes.schema(columns), allocator);
    this.output = VectorSchemaRoot.create(outputSchema(request), allocator);
    this.assembly = new ColumnAssembly(bindings, staging.getFieldVectors(), schema, file);
    reader.setRequestedSchema(assembly.descriptors());
    this.writerVersion = writerVersion(reader.getFooter().getFileMetaData().getCreatedBy());
    this.rowGroups = reader.getRowGroups();
    this.pairs = new TransferPair[request.columns().size()];
    for (int i = 0; i < pairs.length; i++) {
      pairs[i] = staging.getVector(i).makeTransferPair(output.getVector(i));
    }
    this.rowIds = rowIdIndex < 0 ? null : (BigIntVector) staging.getVector(rowIdIndex);
    BigIntVector snapshots =
        snapshotIndex < 0 ? null : (BigIntVector) staging.getVector(snapshotIndex);
    this.selection =
        new BatchSelection(
            request.deletedPositions(), snapshots, request.maxSnapshot(), request.batchSize());
    this.rowGroupStarts = new long[rowGroups.size()];
    long start = 0;
    for (int i = 0; i < rowGroups.size(); i++) {
      rowGroupStarts[i] = start;
      start += rowGroups.get(i).getRowCount();
    }
  }

  /**
   * Opens {@code request.file()} and prepares to read it.
   *
   * @throws QuacklakeException CORRUPT for a damaged file, UNSUPPORTED for a column the file stores
   *     in a type that cannot be read as the requested one, UNAVAILABLE when storage fails
   */
  public static ParquetBatchReader open(ParquetReadRequest request, BufferAllocator allocator) {
    ParquetFileReader reader = ParquetInputFile.open(request.file(), request.footer());
    try {
      ParquetBatchReader opened = new ParquetBatchReader(request, reader, allocator);
      if (request.share() != null) {
        request.share().publish(reader.getFooter());
      }
      return opened;
    } catch (RuntimeException e) {
      try {
        reader.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** The current batch; the same object for the reader's whole life. */
  public VectorSchemaRoot root() {
    return output;
  }

  /**
   * Loads the next non-empty batch into {@link #root()}.
   *
   * @return false (and an empty root) when the file is exhausted
   */
  public boolean loadNextBatch() {
    if (closed) {
      throw QuacklakeException.invalid("reader of %s is closed", request.file().location());
    }
    try {
      while (true) {
        if (rowGroupRemaining == 0 && !nextRowGroup()) {
          output.setRowCount(0);
          return false;
        }
        int rows = (int) Math.min(request.batchSize(), rowGroupRemaining);
        long start = nextPosition;
        assembly.readBatch(rows);
        rowGroupRemaining -= rows;
        nextPosition += rows;
        rowsRead += rows;
        int kept = selection.select(start, rows);
        rowsDeleted += rows - kept;
        if (kept > 0) {
          emit(start, rows, kept);
          return true;
        }
      }
    } catch (ParquetRuntimeException e) {
      throw ParquetInputFile.failure(request.file(), "row group " + currentRowGroup, e);
    }
  }

  public ParquetReadMetrics metrics() {
    return new ParquetReadMetrics(
        rowGroups.size(), rowGroupsRead, rowGroupsSkipped, rowsRead, rowsDeleted);
  }

  private boolean nextRowGroup() {
    while (true) {
      int index = request.share() == null ? nextRowGroup++ : request.share().claim();
      if (index >= rowGroups.size()) {
        return false;
      }
      currentRowGroup = index;
      BlockMetaData block = rowGroups.get(index);
      long first = rowGroupStarts[index];
      long count = block.getRowCount();
      RowGroupFilter filter = request.rowGroupFilter();
      if (count == 0
          || (filter != null && !filter.mightMatch(RowGroupStats.of(statsIndex, block), count))) {
        rowGroupsSkipped++;
        continue;
      }
      if (selection.deletedIn(first, first + count) == count) {
        rowGroupsSkipped++;
        rowsDeleted += count;
        continue;
      }
      if (!assembly.descriptors().isEmpty()) {
        PageReadStore pages;
        try {
          pages = reader.readRowGroup(index);
        } catch (IOException e) {
          throw ParquetInputFile.failure(request.file(), "row group " + index, e);
        }
        assembly.startRowGroup(pages, writerVersion);
      }
      rowGroupsRead++;
      rowGroupRemaining = count;
      nextPosition = first;
      return true;
    }
  }

  private void emit(long start, int rows, int kept) {
    int[] selected = selection.selected();
    for (int c = 0; c < pairs.length; c++) {
      if (kept == rows) {
        pairs[c].transfer();
      } else {
        FieldVector out = output.getVector(c);
        out.clear();
        for (int k = 0; k < kept; k++) {
          pairs[c].copyValueSafe(selected[k], k);
        }
      }
    }
    if (request.includeRowIdentity()) {
      BigIntVector positions = (BigIntVector) output.getVector(pairs.length);
      BigIntVector ids = (BigIntVector) output.getVector(pairs.length + 1);
      positions.allocateNew(kept);
      ids.allocateNew(kept);
      for (int k = 0; k < kept; k++) {
        int row = kept == rows ? k : selected[k];
        long position = start + row;
        positions.set(k, position);
        ids.set(k, rowIds != null ? rowIds.get(row) : request.rowIdStart() + position);
      }
    }
    output.setRowCount(kept);
  }

  private static LakeColumn hidden(int fieldId, String name) {
    return new LakeColumn(fieldId, name, LakeType.of(TypeId.INT64), false, null, null, List.of());
  }

  private static Schema outputSchema(ParquetReadRequest request) {
    Schema requested = ArrowTypes.schema(request.columns());
    if (!request.includeRowIdentity()) {
      return requested;
    }
    List<Field> fields = new ArrayList<>(requested.getFields());
    FieldType bigint = FieldType.notNullable(new ArrowType.Int(64, true));
    fields.add(new Field(ParquetReadRequest.FILE_POSITION, bigint, null));
    fields.add(new Field(ParquetReadRequest.ROW_ID, bigint, null));
    return new Schema(fields);
  }

  private static VersionParser.ParsedVersion writerVersion(String createdBy) {
    try {
      return createdBy == null ? null : VersionParser.parse(createdBy);
    } catch (VersionParser.VersionParseException | RuntimeException e) {
      return null;
    }
  }

  /** Releases the file and every Arrow buffer; idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try (staging;
        output) {
      reader.close();
    } catch (IOException e) {
      throw ParquetInputFile.failure(request.file(), "file", e);
    }
  }
}
