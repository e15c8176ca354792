package io.quacklake.spark.read;

import io.quacklake.ScanTask;
import io.quacklake.TableScan;
import io.quacklake.spark.convert.SparkTypes;
import io.quacklake.storage.StorageSettings;
import io.quacklake.types.LakeColumn;
import java.util.List;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructType;

/**
 * A planned Spark scan: one input partition per Quacklake {@link ScanTask} (a data file with its
 * deletes — a run of its row groups when the file is larger than the split size — or the table's
 * inlined rows), planned on the driver from the catalog; executors read them without it.
 */
final class QuacklakeScan implements Scan, Batch {
  private final TableScan scan;
  private final List<LakeColumn> output;
  private final StorageSettings storage;
  private final List<Predicate> pushed;
  private final long splitSize;

  QuacklakeScan(
      TableScan scan,
      List<LakeColumn> output,
      StorageSettings storage,
      List<Predicate> pushed,
      long splitSize) {
    this.splitSize = splitSize;
    this.scan = scan;
    this.output = List.copyOf(output);
    this.storage = storage;
    this.pushed = List.copyOf(pushed);
  }

  @Override
  public StructType readSchema() {
    return SparkTypes.schema(output);
  }

  @Override
  public String description() {
    return "Quacklake scan of "
        + output.stream().map(LakeColumn::name).toList()
        + " at snapshot "
        + scan.snapshotId()
        + (pushed.isEmpty() ? "" : ", pruning by " + pushed);
  }

  @Override
  public Batch toBatch() {
    return this;
  }

  @Override
  public InputPartition[] planInputPartitions() {
    List<ScanTask> tasks = scan.planTasks(splitSize);
    InputPartition[] out = new InputPartition[tasks.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = new TaskPartition(tasks.get(i));
    }
    return out;
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    return new TaskReaderFactory(output, storage);
  }
}
