package io.quacklake.internal.scan;

import io.quacklake.internal.parquet.ParquetReadRequest;
import io.quacklake.types.ArrowTypes;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Turns a batch of read columns into an output batch: evaluates the filter, keeps the matching rows
 * and the projected columns. Moves buffers when every row matches; copies otherwise. A column
 * projected twice ({@code SELECT id, id}) fills both outputs.
 */
final class BatchProjector {
  private final Schema output;
  private final RowFilter filter;
  private final BufferAllocator allocator;

  BatchProjector(Schema output, RowFilter filter, BufferAllocator allocator) {
    this.output = output;
    this.filter = filter;
    this.allocator = allocator;
  }

  /**
   * The output batch for {@code source}, or null when no row matches. Leaves source usable. Output
   * fields without a column id are filled by name: the {@link RowLocationColumns} from the source's
   * fields of that name (NULL when it has none; the data file id from {@code origin}), and the
   * {@link VirtualColumn}s from the source's row identity and {@code origin}.
   */
  ArrowRecordBatch project(VectorSchemaRoot source, RowOrigin origin) {
    int rows = source.getRowCount();
    if (rows == 0) {
      return null;
    }
    int[] selection = filter.select(source);
    if (selection != null && selection.length == 0) {
      return null;
    }
    Map<Long, FieldVector> byId = new HashMap<>();
    Map<String, FieldVector> unnumbered = new HashMap<>();
    for (FieldVector v : source.getFieldVectors()) {
      long id = ArrowTypes.columnId(v.getField());
      if (id < 0) {
        unnumbered.put(v.getName(), v);
      } else {
        byId.put(id, v);
      }
    }
    Map<Long, FieldVector> moved = new HashMap<>();
    try (VectorSchemaRoot out = VectorSchemaRoot.create(output, allocator)) {
      List<Field> fields = output.getFields();
      int count = selection == null ? rows : selection.length;
      for (int c = 0; c < fields.size(); c++) {
        long id = ArrowTypes.columnId(fields.get(c));
        FieldVector to = out.getVector(c);
        if (id < 0) {
          unnumbered(fields.get(c).getName(), unnumbered, origin, selection, count, to);
        } else if (selection != null) {
          copy(byId.get(id), selection, count, to);
        } else if (moved.containsKey(id)) {
          copy(moved.get(id), null, count, to);
        } else {
          byId.get(id).makeTransferPair(to).transfer();
          moved.put(id, to);
        }
      }
      out.setRowCount(count);
      return new VectorUnloader(out).getRecordBatch();
    }
  }

  private static void unnumbered(
      String name,
      Map<String, FieldVector> source,
      RowOrigin origin,
      int[] selection,
      int count,
      FieldVector to) {
    VirtualColumn virtual = VirtualColumn.named(name).orElse(null);
    if (virtual != null) {
      virtual(virtual, source, origin, selection, count, to);
      return;
    }
    FieldVector from = source.get(name);
    if (from != null) {
      copy(from, selection, count, to);
      return;
    }
    BigIntVector constant = (BigIntVector) to;
    constant.allocateNew(count);
    Long value = name.equals(RowLocationColumns.DATA_FILE_ID) ? origin.dataFileId() : null;
    for (int i = 0; i < count; i++) {
      if (value == null) {
        constant.setNull(i);
      } else {
        constant.set(i, value);
      }
    }
    constant.setValueCount(count);
  }

  private static void virtual(
      VirtualColumn column,
      Map<String, FieldVector> source,
      RowOrigin origin,
      int[] selection,
      int count,
      FieldVector to) {
    switch (column) {
      case ROWID -> copy(source.get(ParquetReadRequest.ROW_ID), selection, count, to);
      case FILE_ROW_NUMBER -> {
        FieldVector position = source.get(ParquetReadRequest.FILE_POSITION);
        copy(
            position != null ? position : source.get(ParquetReadRequest.ROW_ID),
            selection,
            count,
            to);
      }
      case SNAPSHOT_ID -> {
        BigIntVector recorded = (BigIntVector) source.get(ParquetReadRequest.ROW_SNAPSHOT);
        BigIntVector out = (BigIntVector) to;
        out.allocateNew(count);
        for (int i = 0; i < count; i++) {
          int row = selection == null ? i : selection[i];
          if (recorded != null && !recorded.isNull(row)) {
            out.set(i, recorded.get(row));
          } else if (origin.fileSnapshot() != null) {
            out.set(i, origin.fileSnapshot());
          } else {
            out.setNull(i);
          }
        }
        out.setValueCount(count);
      }
      case FILENAME -> {
        VarCharVector out = (VarCharVector) to;
        byte[] name = origin.fileName().getBytes(StandardCharsets.UTF_8);
        out.allocateNew((long) name.length * count, count);
        for (int i = 0; i < count; i++) {
          out.set(i, name);
        }
        out.setValueCount(count);
      }
    }
  }

  /**
   * Copies {@code count} rows of {@code from} (the selected ones, or the first) into {@code to}.
   */
  private static void copy(FieldVector from, int[] selection, int count, FieldVector to) {
    to.setInitialCapacity(count);
    to.allocateNew();
    for (int i = 0; i < count; i++) {
      to.copyFromSafe(selection == null ? i : selection[i], i, from);
    }
    to.setValueCount(count);
  }
}
