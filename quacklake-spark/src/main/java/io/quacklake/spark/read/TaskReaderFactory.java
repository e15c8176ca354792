package io.quacklake.spark.read;

import io.quacklake.storage.StorageSettings;
import io.quacklake.types.LakeColumn;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;

/** Opens scan tasks on executors with the lake's storage settings. */
record TaskReaderFactory(List<LakeColumn> columns, StorageSettings storage)
    implements PartitionReaderFactory {
  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    return new TaskReader(((TaskPartition) partition).task().open(storage), columns);
  }
}
