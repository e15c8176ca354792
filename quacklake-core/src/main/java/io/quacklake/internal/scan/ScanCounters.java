package io.quacklake.internal.scan;

import io.quacklake.ScanMetrics;
import java.util.concurrent.atomic.LongAdder;

/** Counters a scan updates from its worker threads. */
final class ScanCounters {
  final LongAdder rowGroupsRead = new LongAdder();
  final LongAdder rowGroupsSkipped = new LongAdder();
  final LongAdder inlinedRows = new LongAdder();
  final LongAdder rowsScanned = new LongAdder();
  final LongAdder rowsReturned = new LongAdder();

  ScanMetrics snapshot(ScanPlan plan) {
    return new ScanMetrics(
        plan.filesTotal(),
        plan.filesPruned(),
        rowGroupsRead.sum(),
        rowGroupsSkipped.sum(),
        inlinedRows.sum(),
        rowsScanned.sum(),
        rowsReturned.sum());
  }
}
