package io.quacklake.spark.read;

import io.quacklake.ScanReader;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.vectorized.ArrowColumnVector;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Reads one scan task as Spark columnar batches over Quacklake's Arrow vectors, without copying,
 * for scans whose every column Spark reads from Arrow as it is ({@link ColumnarTypes}).
 */
final class ColumnarTaskReader implements PartitionReader<ColumnarBatch> {
  private final ScanReader reader;
  private ColumnarBatch batch;

  ColumnarTaskReader(ScanReader reader) {
    this.reader = reader;
  }

  @Override
  public boolean next() {
    if (!reader.loadNextBatch()) {
      return false;
    }
    VectorSchemaRoot root = reader.getVectorSchemaRoot();
    if (batch == null) {
      List<FieldVector> vectors = root.getFieldVectors();
      ColumnVector[] columns = new ColumnVector[vectors.size()];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = new ArrowColumnVector(vectors.get(i));
      }
      batch = new ColumnarBatch(columns);
    }
    batch.setNumRows(root.getRowCount());
    return true;
  }

  @Override
  public ColumnarBatch get() {
    return batch;
  }

  @Override
  public void close() {
    reader.close();
  }
}
