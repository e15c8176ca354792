package io.quacklake.internal.scan;

import io.quacklake.internal.catalog.CatalogSession;
import io.quacklake.internal.catalog.DataFileRecord;
import io.quacklake.internal.catalog.FileGateway;
import io.quacklake.internal.catalog.PartitionColumnRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A table's partition specs and its files' partition values, for pruning.
 *
 * @param keys the key columns of each partition spec, by partition id
 * @param values each file's values by key index, by data file id
 */
record Partitions(
    Map<Long, List<PartitionColumnRecord>> keys, Map<Long, Map<Integer, String>> values) {

  /** Loaded from the catalog when some of {@code files} are partitioned, else empty. */
  static Partitions load(CatalogSession c, long tableId, List<DataFileRecord> files) {
    Map<Long, List<PartitionColumnRecord>> keys = new HashMap<>();
    if (files.stream().noneMatch(f -> f.partitionId() != null)) {
      return new Partitions(keys, Map.of());
    }
    for (PartitionColumnRecord k : FileGateway.allPartitionColumns(c, tableId)) {
      keys.computeIfAbsent(k.partitionId(), id -> new ArrayList<>()).add(k);
    }
    return new Partitions(keys, FileGateway.partitionValues(c, tableId));
  }
}
