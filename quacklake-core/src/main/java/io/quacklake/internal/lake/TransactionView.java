package io.quacklake.internal.lake;

import io.quacklake.TableName;
import io.quacklake.internal.scan.ResolvedTable;
import io.quacklake.internal.scan.RowFilter;
import io.quacklake.internal.scan.ScanPlan;
import io.quacklake.types.LakeColumn;
import java.util.List;

/** One table as a transaction reads it: its base snapshot plus the transaction's own writes. */
public final class TransactionView {
  private final LakeContext lake;
  private final TransactionTables tables;
  private final TableName name;
  private final long baseSnapshot;

  public TransactionView(
      LakeContext lake, TransactionTables tables, TableName name, long baseSnapshot) {
    this.lake = lake;
    this.tables = tables;
    this.name = name;
    this.baseSnapshot = baseSnapshot;
  }

  public long snapshotId() {
    return baseSnapshot;
  }

  public ResolvedTable resolve() {
    return TransactionPlans.table(tables.target(name), baseSnapshot);
  }

  public ScanPlan plan(List<LakeColumn> read, RowFilter filter) {
    return TransactionPlans.plan(lake, tables.target(name), baseSnapshot, read, filter);
  }
}
