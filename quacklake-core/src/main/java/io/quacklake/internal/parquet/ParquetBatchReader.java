package io.quacklake.internal.parquet;

import io.quacklake.exceptions.QuacklakeException;
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
import org.apache.parquet.VersionParser;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.filter2.columnindex.RowRanges;
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
  private final BigIntVector rowSnapshots;

  /** Per requested column, the synthetic struct of a VARIANT stored as a Parquet variant. */
  private final LakeColumn[] variants;

  private final BatchSelection selection;
  private final RowPredicate predicate;
  private final boolean[] predicateColumns;
  private final boolean[] otherColumns;

  /** Of the other columns, those decoded compacted for a partial selection (see readFiltered). */
  private final boolean[] compactColumns;

  /** The columns the current batch holds compacted, or null. */
  private boolean[] compacted;

  /** The other columns that are not compacted (decoded at their rows' own slots). */
  private final boolean[] inPlaceColumns;

  private final VectorSchemaRoot predicateView;
  private final boolean[] wanted;
  private long rowsKept;
  private int nextRowGroup;
  private int currentRowGroup = -1;
  private long rowGroupRemaining;
  private long nextPosition;
  private final List<ColumnBinding.Leaf> pageIndexLeaves;
  private List<RowRanges.Range> spans;
  private int span;
  private long spanNext;
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
    SchemaMatcher matcher = new SchemaMatcher(schema, file, request.nameMapping());
    List<LakeColumn> columns = new ArrayList<>(request.columns());
    this.variants = new LakeColumn[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      LakeColumn c = columns.get(i);
      if (c.type().id() == TypeId.VARIANT) {
        org.apache.parquet.schema.Type t = matcher.topLevel(c, i);
        if (t != null && !t.isPrimitive()) {
          variants[i] = VariantShape.of(c, t.asGroupType(), file);
          columns.set(i, variants[i]);
        }
      }
    }
    int rowIdIndex = -1;
    int snapshotIndex = -1;
    if (request.includeRowIdentity() && matcher.hasTopLevelId(ParquetReadRequest.ROW_ID_FIELD_ID)) {
      rowIdIndex = columns.size();
      columns.add(hidden(ParquetReadRequest.ROW_ID_FIELD_ID, "_ducklake_internal_row_id"));
    }
    for (int c = 0; c < columns.size(); c++) {
      if (columns.get(c).id() == ParquetReadRequest.SNAPSHOT_ID_FIELD_ID) {
        snapshotIndex = c;
      }
    }
    if (snapshotIndex < 0
        && (request.maxSnapshot() != Long.MAX_VALUE || request.includeRowIdentity())
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
      pairs[i] =
          variants[i] != null ? null : staging.getVector(i).makeTransferPair(output.getVector(i));
    }
    this.rowIds = rowIdIndex < 0 ? null : (BigIntVector) staging.getVector(rowIdIndex);
    BigIntVector snapshots =
        snapshotIndex < 0 ? null : (BigIntVector) staging.getVector(snapshotIndex);
    this.rowSnapshots = snapshots;
    this.selection =
        new BatchSelection(
            request.deletedPositions(), snapshots, request.maxSnapshot(), request.batchSize());
    this.predicateColumns = predicateColumns(request, columns, snapshotIndex);
    this.predicate = predicateColumns == null ? null : request.rowPredicate();
    if (predicate != null) {
      this.otherColumns = new boolean[columns.size()];
      this.compactColumns = assembly.compactable();
      this.inPlaceColumns = new boolean[columns.size()];
      List<FieldVector> view = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        otherColumns[c] = !predicateColumns[c];
        // emit reads row ids by their batch index
        compactColumns[c] &= otherColumns[c] && c < pairs.length && variants[c] == null;
        inPlaceColumns[c] = otherColumns[c] && !compactColumns[c];
        if (predicateColumns[c]) {
          view.add(staging.getVector(c));
        }
      }
      this.predicateView = new VectorSchemaRoot(view);
      this.wanted = new boolean[request.batchSize()];
    } else {
      this.otherColumns = null;
      this.compactColumns = null;
      this.inPlaceColumns = null;
      this.predicateView = null;
      this.wanted = null;
    }
    this.pageIndexLeaves = new ArrayList<>();
    if (predicate != null && assembly.allFlat() && request.rowGroupFilter() != null) {
      for (long id : predicate.columnIds()) {
        if (statsIndex.get(id) instanceof ColumnBinding.Leaf leaf) {
          pageIndexLeaves.add(leaf);
        }
      }
    }
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
    ParquetFileReader reader =
        ParquetInputFile.open(
            request.file(), request.share() == null ? null : request.share().footer());
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
        long firstRow = -1;
        if (spans != null) {
          rows = (int) Math.min(rows, spans.get(span).to + 1 - spanNext);
          firstRow = spanNext;
          start = rowGroupStarts[currentRowGroup] + spanNext;
        }
        int kept;
        if (predicate == null) {
          compacted = null;
          assembly.readBatch(rows);
          kept = selection.select(start, rows);
          rowsDeleted += rows - kept;
          rowsKept += kept;
        } else {
          kept = readFiltered(start, rows, firstRow);
        }
        rowGroupRemaining -= rows;
        nextPosition = start + rows;
        rowsRead += rows;
        if (spans != null) {
          spanNext += rows;
          if (spanNext > spans.get(span).to && ++span < spans.size()) {
            spanNext = spans.get(span).from;
          }
        }
        if (kept > 0) {
          emit(start, rows, kept);
          return true;
        }
      }
    } catch (RuntimeException e) {
      throw ParquetInputFile.failure(request.file(), "row group " + currentRowGroup, e);
    }
  }

  public ParquetReadMetrics metrics() {
    return new ParquetReadMetrics(
        rowGroups.size(), rowGroupsRead, rowGroupsSkipped, rowsRead, rowsDeleted, rowsKept);
  }

  /**
   * Late materialization: decodes the predicate's columns, keeps the rows that survive the deletes
   * and match, then decodes the other columns for those rows only.
   *
   * @return how many rows were kept; their batch indexes are in {@code selection.selected()}
   */
  private int readFiltered(long start, int rows, long firstRow) {
    assembly.startBatch();
    assembly.allocate(rows, predicateColumns);
    assembly.readColumns(rows, predicateColumns, null, firstRow);
    predicateView.setRowCount(rows);
    int kept = selection.select(start, rows);
    rowsDeleted += rows - kept;
    rowsKept += kept;
    int[] selected = selection.selected();
    int[] matching = kept == 0 ? new int[0] : predicate.select(predicateView);
    int count = kept;
    if (matching != null) {
      count = kept == rows ? copy(matching, selected) : intersect(selected, kept, matching);
    }
    boolean[] mask = null;
    if (count < rows) {
      mask = wanted;
      java.util.Arrays.fill(mask, 0, rows, false);
      for (int k = 0; k < count; k++) {
        mask[selected[k]] = true;
      }
    }
    // a partial selection is decoded compacted where the column allows it: the rows passed over
    // cost no slots (variable-width vectors would otherwise fill an offset per skipped row)
    compacted = mask == null ? null : compactColumns;
    allocateOthers(rows, count);
    assembly.readColumns(rows, otherColumns, mask, firstRow, compacted, selected, count);
    assembly.finish(rows, compacted, count);
    return count;
  }

  /** Sizes the other columns: compacted ones for the {@code count} rows they will hold. */
  private void allocateOthers(int rows, int count) {
    if (compacted == null) {
      assembly.allocate(rows, otherColumns);
      return;
    }
    assembly.allocate(rows, inPlaceColumns);
    assembly.allocate(Math.max(count, 1), compacted);
  }

  private static int copy(int[] from, int[] to) {
    System.arraycopy(from, 0, to, 0, from.length);
    return from.length;
  }

  /** Keeps in {@code kept[0..n)} only the indexes also in {@code matching}; both ascending. */
  private static int intersect(int[] kept, int n, int[] matching) {
    int out = 0;
    int m = 0;
    for (int k = 0; k < n && m < matching.length; k++) {
      while (m < matching.length && matching[m] < kept[k]) {
        m++;
      }
      if (m < matching.length && matching[m] == kept[k]) {
        kept[out++] = kept[k];
      }
    }
    return out;
  }

  /**
   * The staging columns the predicate needs decoded first, or null when the predicate cannot run
   * early (none given, or it reads a nested column or one this request does not read).
   */
  private static boolean[] predicateColumns(
      ParquetReadRequest request, List<LakeColumn> columns, int snapshotIndex) {
    RowPredicate p = request.rowPredicate();
    if (p == null || p.columnIds().isEmpty()) {
      return null;
    }
    boolean[] mask = new boolean[columns.size()];
    for (long id : p.columnIds()) {
      int found = -1;
      for (int c = 0; c < request.columns().size(); c++) {
        if (columns.get(c).id() == id) {
          found = c;
        }
      }
      if (found < 0 || !columns.get(found).children().isEmpty()) {
        return null;
      }
      mask[found] = true;
    }
    if (snapshotIndex >= 0) {
      mask[snapshotIndex] = true;
    }
    return mask;
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
      RowRanges ranges =
          pageIndexLeaves.isEmpty()
              ? null
              : PageRanges.of(reader, block, pageIndexLeaves, request.rowGroupFilter());
      if (ranges != null && ranges.rowCount() == 0) {
        rowGroupsSkipped++;
        continue;
      }
      if (!assembly.descriptors().isEmpty()) {
        PageReadStore pages;
        try {
          pages =
              ranges == null
                  ? reader.readRowGroup(index)
                  : reader.readFilteredRowGroup(index, ranges);
        } catch (IOException e) {
          throw ParquetInputFile.failure(request.file(), "row group " + index, e);
        }
        assembly.startRowGroup(CheckedPages.of(pages), writerVersion);
      }
      rowGroupsRead++;
      rowGroupRemaining = ranges == null ? count : ranges.rowCount();
      nextPosition = first;
      spans = ranges == null ? null : ranges.getRanges();
      span = 0;
      spanNext = spans == null ? 0 : spans.get(0).from;
      return true;
    }
  }

  private void emit(long start, int rows, int kept) {
    int[] selected = selection.selected();
    // identity first: a requested snapshot column's staging vector is moved out below
    if (request.includeRowIdentity()) {
      BigIntVector positions = (BigIntVector) output.getVector(pairs.length);
      BigIntVector ids = (BigIntVector) output.getVector(pairs.length + 1);
      BigIntVector inserted = (BigIntVector) output.getVector(pairs.length + 2);
      positions.allocateNew(kept);
      ids.allocateNew(kept);
      inserted.allocateNew(kept);
      for (int k = 0; k < kept; k++) {
        int row = kept == rows ? k : selected[k];
        long position = start + row;
        positions.set(k, position);
        ids.set(k, rowIds != null ? rowIds.get(row) : request.rowIdStart() + position);
        if (rowSnapshots == null || rowSnapshots.isNull(row)) {
          inserted.setNull(k);
        } else {
          inserted.set(k, rowSnapshots.get(row));
        }
      }
    }
    for (int c = 0; c < pairs.length; c++) {
      if (variants[c] != null) {
        variantJson(c, rows, kept, selected);
      } else if (kept == rows || (compacted != null && compacted[c])) {
        pairs[c].transfer();
      } else {
        FieldVector out = output.getVector(c);
        out.clear();
        for (int k = 0; k < kept; k++) {
          pairs[c].copyValueSafe(selected[k], k);
        }
      }
    }
    output.setRowCount(kept);
  }

  /** A variant column's decoded struct rows as JSON text in the output vector. */
  private void variantJson(int c, int rows, int kept, int[] selected) {
    FieldVector from = staging.getVector(c);
    org.apache.arrow.vector.VarCharVector to =
        (org.apache.arrow.vector.VarCharVector) output.getVector(c);
    to.clear();
    to.allocateNew(kept);
    String file = request.file().location().toString();
    for (int k = 0; k < kept; k++) {
      int row = kept == rows ? k : selected[k];
      String json =
          from.isNull(row)
              ? null
              : VariantJson.json(
                  (java.util.Map<?, ?>) io.quacklake.types.ArrowValues.get(from, row),
                  variants[c],
                  file);
      if (json == null) {
        to.setNull(k);
      } else {
        to.setSafe(k, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    to.setValueCount(kept);
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
    fields.add(
        new Field(
            ParquetReadRequest.ROW_SNAPSHOT,
            FieldType.nullable(new ArrowType.Int(64, true)),
            null));
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
