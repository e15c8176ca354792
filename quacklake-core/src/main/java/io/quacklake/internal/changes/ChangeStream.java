package io.quacklake.internal.changes;

import io.quacklake.ChangeType;
import io.quacklake.ScanMetrics;
import io.quacklake.ScanReader;
import io.quacklake.internal.parquet.ParquetBatchReader;
import io.quacklake.internal.parquet.ParquetReadRequest;
import io.quacklake.types.ArrowTypes;
import io.quacklake.types.ArrowValues;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The second pass of the change feed: streams the changed files' rows, one input batch at a time,
 * as batches of {@code snapshot_id}, {@code rowid}, {@code change_type} and the table's columns,
 * then the inlined changes. Rows come file by file (oldest file first), not ordered by snapshot.
 */
final class ChangeStream extends ScanReader {
  /** Opens a reader of a file's rows with the given columns (plus position, id and snapshot). */
  @FunctionalInterface
  interface Files {
    ParquetBatchReader open(FileEvents file, List<LakeColumn> columns);
  }

  private static final int COLUMNS_BEFORE = 3;

  private final List<LakeColumn> columns;
  private final Iterator<FileEvents> files;
  private final int fileCount;
  private final List<InlinedChange> inlined;
  private final ChangeKeys keys;
  private final Set<ChangeType> types;
  private final Files opener;
  private final Schema schema;
  private FileEvents file;
  private ParquetBatchReader current;
  private int inlinedAt;
  private long rowsScanned;
  private long rowsReturned;
  private long rowGroupsRead;

  ChangeStream(
      BufferAllocator allocator,
      List<LakeColumn> columns,
      List<FileEvents> files,
      List<InlinedChange> inlined,
      ChangeKeys keys,
      Set<ChangeType> types,
      Files opener) {
    super(allocator);
    this.columns = List.copyOf(columns);
    this.files = List.copyOf(files).iterator();
    this.fileCount = files.size();
    this.inlined = inlined;
    this.keys = keys;
    this.types = EnumSet.noneOf(ChangeType.class);
    this.types.addAll(types);
    this.opener = opener;
    List<Field> fields = new ArrayList<>();
    fields.add(ArrowTypes.field(head("snapshot_id", TypeId.INT64)));
    fields.add(ArrowTypes.field(head("rowid", TypeId.INT64)));
    fields.add(ArrowTypes.field(head("change_type", TypeId.VARCHAR)));
    fields.addAll(ArrowTypes.schema(columns).getFields());
    this.schema = new Schema(fields);
  }

  /** A column of the feed's own, before the table's: no column id of the table (-1). */
  private static LakeColumn head(String name, TypeId type) {
    return new LakeColumn(-1, name, LakeType.of(type), false, null, null, List.of());
  }

  @Override
  public boolean loadNextBatch() {
    VectorSchemaRoot out = getVectorSchemaRoot();
    while (true) {
      if (current == null) {
        if (files.hasNext()) {
          file = files.next();
          current = opener.open(file, columns);
          continue;
        }
        return inlinedBatch(out);
      }
      if (!current.loadNextBatch()) {
        rowGroupsRead += current.metrics().rowGroupsRead();
        current.close();
        current = null;
        continue;
      }
      if (fileBatch(current.root(), out) > 0) {
        return true;
      }
    }
  }

  private int fileBatch(VectorSchemaRoot in, VectorSchemaRoot out) {
    start(out);
    BigIntVector position = (BigIntVector) in.getVector(ParquetReadRequest.FILE_POSITION);
    BigIntVector rowId = (BigIntVector) in.getVector(ParquetReadRequest.ROW_ID);
    BigIntVector recorded = (BigIntVector) in.getVector(ParquetReadRequest.ROW_SNAPSHOT);
    List<FieldVector> values = in.getFieldVectors();
    int n = 0;
    for (int r = 0; r < in.getRowCount(); r++) {
      long id = rowId.get(r);
      long deleted = file.deletedAt(position.get(r));
      if (deleted >= 0) {
        ChangeType type =
            keys.wasInserted(deleted, id) ? ChangeType.UPDATE_PREIMAGE : ChangeType.DELETE;
        n = emit(out, n, deleted, id, type, values, r);
      }
      long inserted = file.insertedAt(recorded.isNull(r) ? -1 : recorded.get(r));
      if (inserted >= 0) {
        ChangeType type =
            keys.wasDeleted(inserted, id) ? ChangeType.UPDATE_POSTIMAGE : ChangeType.INSERT;
        n = emit(out, n, inserted, id, type, values, r);
      }
    }
    rowsScanned += in.getRowCount();
    return finish(out, n);
  }

  private int emit(
      VectorSchemaRoot out,
      int n,
      long snapshot,
      long rowId,
      ChangeType type,
      List<FieldVector> values,
      int row) {
    if (!types.contains(type)) {
      return n;
    }
    head(out, n, snapshot, rowId, type);
    for (int c = 0; c < columns.size(); c++) {
      out.getVector(COLUMNS_BEFORE + c).copyFromSafe(row, n, values.get(c));
    }
    return n + 1;
  }

  private boolean inlinedBatch(VectorSchemaRoot out) {
    while (true) {
      start(out);
      int n = 0;
      while (inlinedAt < inlined.size() && n < ParquetReadRequest.DEFAULT_BATCH_SIZE) {
        InlinedChange c = inlined.get(inlinedAt++);
        ChangeType type = type(c);
        if (!types.contains(type)) {
          continue;
        }
        head(out, n, c.snapshot(), c.rowId(), type);
        for (int v = 0; v < columns.size(); v++) {
          ArrowValues.set(out.getVector(COLUMNS_BEFORE + v), n, c.values()[v]);
        }
        n++;
      }
      if (finish(out, n) > 0) {
        return true;
      }
      if (inlinedAt >= inlined.size()) {
        return false;
      }
    }
  }

  private ChangeType type(InlinedChange c) {
    if (c.insertion()) {
      return keys.wasDeleted(c.snapshot(), c.rowId())
          ? ChangeType.UPDATE_POSTIMAGE
          : ChangeType.INSERT;
    }
    return keys.wasInserted(c.snapshot(), c.rowId())
        ? ChangeType.UPDATE_PREIMAGE
        : ChangeType.DELETE;
  }

  private static void start(VectorSchemaRoot out) {
    out.clear();
    out.allocateNew();
  }

  private static void head(VectorSchemaRoot out, int n, long snapshot, long rowId, ChangeType t) {
    ((BigIntVector) out.getVector(0)).setSafe(n, snapshot);
    ((BigIntVector) out.getVector(1)).setSafe(n, rowId);
    ((VarCharVector) out.getVector(2)).setSafe(n, t.text().getBytes(StandardCharsets.UTF_8));
  }

  private int finish(VectorSchemaRoot out, int n) {
    for (FieldVector v : out.getFieldVectors()) {
      v.setValueCount(n);
    }
    out.setRowCount(n);
    rowsReturned += n;
    return n;
  }

  @Override
  public ScanMetrics metrics() {
    return new ScanMetrics(
        fileCount, 0, rowGroupsRead, 0, inlined.size(), rowsScanned, rowsReturned);
  }

  @Override
  public long bytesRead() {
    return 0;
  }

  @Override
  protected void closeReadSource() {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  @Override
  protected Schema readSchema() {
    return schema;
  }
}
