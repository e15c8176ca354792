package io.quacklake.cli.input;

import io.quacklake.types.ArrowTypes;
import io.quacklake.types.ArrowValues;
import io.quacklake.types.LakeColumn;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Collects rows of canonical values into Arrow batches in a table's layout and hands each full
 * batch to a sink. Close to release the batch under construction.
 */
final class RowBatches implements AutoCloseable {
  /** Rows per batch: DuckDB's row group size, so each batch makes one sizeable data file. */
  static final int BATCH_ROWS = 122_880;

  private final List<LakeColumn> columns;
  private final BufferAllocator allocator;
  private final Consumer<VectorSchemaRoot> sink;
  private VectorSchemaRoot root;
  private int rows;

  RowBatches(List<LakeColumn> columns, BufferAllocator allocator, Consumer<VectorSchemaRoot> sink) {
    this.columns = columns;
    this.allocator = allocator;
    this.sink = sink;
    this.root = VectorSchemaRoot.create(ArrowTypes.schema(columns), allocator);
  }

  /** Sets the value (null for NULL) of {@code column} in the current row. */
  void set(int column, Object value) {
    ArrowValues.set(root.getVector(column), rows, value);
  }

  /** Ends the current row; hands the batch over when it is full. */
  void endRow() {
    rows++;
    if (rows == BATCH_ROWS) {
      flush();
    }
  }

  /** Hands over the rows collected so far, if any. */
  void flush() {
    if (rows == 0) {
      return;
    }
    for (FieldVector v : root.getFieldVectors()) {
      v.setValueCount(rows);
    }
    root.setRowCount(rows);
    sink.accept(root);
    root.close();
    root = VectorSchemaRoot.create(ArrowTypes.schema(columns), allocator);
    rows = 0;
  }

  @Override
  public void close() {
    root.close();
  }
}
