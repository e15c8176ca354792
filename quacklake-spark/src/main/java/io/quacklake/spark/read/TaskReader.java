package io.quacklake.spark.read;

import io.quacklake.ScanReader;
import io.quacklake.spark.convert.SparkValues;
import io.quacklake.types.ArrowValues;
import io.quacklake.types.LakeColumn;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;

/** Reads one scan task's Arrow batches as Spark rows. */
final class TaskReader implements PartitionReader<InternalRow> {
  private final ScanReader reader;
  private final List<LakeColumn> columns;
  private VectorSchemaRoot root;
  private int row = -1;

  TaskReader(ScanReader reader, List<LakeColumn> columns) {
    this.reader = reader;
    this.columns = columns;
  }

  @Override
  public boolean next() {
    row++;
    while (root == null || row >= root.getRowCount()) {
      if (!reader.loadNextBatch()) {
        return false;
      }
      root = reader.getVectorSchemaRoot();
      row = 0;
    }
    return true;
  }

  @Override
  public InternalRow get() {
    Object[] values = new Object[columns.size()];
    for (int c = 0; c < values.length; c++) {
      FieldVector v = root.getVector(c);
      values[c] = SparkValues.toSpark(ArrowValues.get(v, row), columns.get(c));
    }
    return new GenericInternalRow(values);
  }

  @Override
  public void close() {
    reader.close();
  }
}
