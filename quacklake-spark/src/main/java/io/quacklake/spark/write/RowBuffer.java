package io.quacklake.spark.write;

import io.quacklake.TableScan;
import io.quacklake.spark.convert.SparkTypes;
import io.quacklake.spark.convert.SparkValues;
import io.quacklake.types.ArrowRows;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;

/**
 * Spark rows converted to Quacklake values and collected into Arrow batches of the table's columns
 * (with each row's kept row id, for new versions of existing rows).
 */
final class RowBuffer {
  /** Rows per batch handed to the Quacklake writer. */
  static final int BATCH_ROWS = 8192;

  private final List<LakeColumn> columns;
  private final DataType[] types;
  private final int[] ordinals;
  private final List<Object[]> rows = new ArrayList<>();
  private final List<Long> rowIds = new ArrayList<>();

  /**
   * @param ordinals for each table column, its position in the Spark rows
   */
  RowBuffer(List<LakeColumn> columns, int[] ordinals) {
    this.columns = columns;
    this.ordinals = ordinals;
    this.types = new DataType[columns.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = SparkTypes.type(columns.get(i));
    }
  }

  void add(InternalRow row) {
    rows.add(values(row));
  }

  void add(InternalRow row, long rowId) {
    rows.add(values(row));
    rowIds.add(rowId);
  }

  private Object[] values(InternalRow row) {
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      int o = ordinals[i];
      if (o < 0) {
        throw new IllegalStateException(
            "Spark's rows lack column " + columns.get(i).name() + " of the table");
      }
      values[i] =
          row.isNullAt(o) ? null : SparkValues.fromSpark(row.get(o, types[i]), columns.get(i));
    }
    return values;
  }

  boolean full() {
    return rows.size() >= BATCH_ROWS;
  }

  /** Hands the collected rows, if any, to {@code sink} as one batch (closed afterwards). */
  void drainTo(BufferAllocator allocator, java.util.function.Consumer<VectorSchemaRoot> sink) {
    if (!rows.isEmpty()) {
      try (VectorSchemaRoot batch = drain(allocator)) {
        sink.accept(batch);
      }
    }
  }

  /**
   * The collected rows as a batch, followed by a {@value TableScan#ROW_ID_COLUMN} column when they
   * were added with row ids; the buffer is empty afterwards. The caller closes the batch.
   */
  private VectorSchemaRoot drain(BufferAllocator allocator) {
    VectorSchemaRoot data = ArrowRows.of(columns, rows, allocator);
    int n = rows.size();
    rows.clear();
    if (rowIds.isEmpty()) {
      return data;
    }
    BigIntVector ids =
        new BigIntVector(
            new Field(
                TableScan.ROW_ID_COLUMN, FieldType.notNullable(new ArrowType.Int(64, true)), null),
            allocator);
    ids.allocateNew(n);
    for (int i = 0; i < n; i++) {
      ids.set(i, rowIds.get(i));
    }
    ids.setValueCount(n);
    rowIds.clear();
    List<FieldVector> all = new ArrayList<>(data.getFieldVectors());
    all.add(ids);
    VectorSchemaRoot root = new VectorSchemaRoot(all);
    root.setRowCount(n);
    return root;
  }

  /**
   * Each table column's position in rows of {@code names} order, matched case-insensitively; -1 for
   * a column the rows lack (such rows cannot be added: a delete-only operation has none).
   */
  static int[] ordinals(List<LakeColumn> columns, List<String> names) {
    int[] out = new int[columns.size()];
    for (int i = 0; i < out.length; i++) {
      String name = columns.get(i).name();
      out[i] = -1;
      for (int j = 0; j < names.size(); j++) {
        if (names.get(j).equalsIgnoreCase(name)) {
          out[i] = j;
        }
      }
    }
    return out;
  }
}
