package io.quacklake.spark.read;

import io.quacklake.storage.StorageSettings;
import io.quacklake.types.LakeColumn;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Opens scan tasks on executors with the lake's storage settings: as columnar batches when every
 * column reads from Arrow directly, else row by row.
 */
record TaskReaderFactory(List<LakeColumn> columns, StorageSettings storage)
    implements PartitionReaderFactory {
  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    return new TaskReader(((TaskPartition) partition).task().open(storage), columns);
  }

  @Override
  public boolean supportColumnarReads(InputPartition partition) {
    return ColumnarTypes.all(columns);
  }

  @Override
  public PartitionReader<ColumnarBatch> createColumnarReader(InputPartition partition) {
    return new ColumnarTaskReader(((TaskPartition) partition).task().open(storage));
  }
}
