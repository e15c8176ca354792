package io.quacklake.testkit.peer;

import io.quacklake.TableName;
import java.util.Objects;

/** One table as it is at one snapshot; shown as {@code schema.table@snapshot}. */
record SnapshotTable(long snapshotId, TableName table) {
  SnapshotTable {
    Objects.requireNonNull(table, "table is null");
  }

  @Override
  public String toString() {
    return table + "@" + snapshotId;
  }
}
