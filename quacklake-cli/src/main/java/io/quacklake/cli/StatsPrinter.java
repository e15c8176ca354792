package io.quacklake.cli;

import io.quacklake.CommitReport;
import io.quacklake.MetricsReporter;
import io.quacklake.ScanMetrics;
import io.quacklake.ScanReport;

/** {@code --stats}: each scan's and commit's report as one line on stderr. */
final class StatsPrinter implements MetricsReporter {
  @Override
  public void scan(ScanReport r) {
    ScanMetrics m = r.metrics();
    System.err.printf(
        "stats: scan %s @%d: %d of %d files read (%d pruned), %d row groups read, %d skipped,"
            + " %d inlined rows, %d rows scanned, %d returned; planning %d ms, reading %d ms%n",
        r.table(),
        r.snapshotId(),
        m.dataFiles() - m.dataFilesPruned(),
        m.dataFiles(),
        m.dataFilesPruned(),
        m.rowGroupsRead(),
        m.rowGroupsSkipped(),
        m.inlinedRows(),
        m.rowsScanned(),
        m.rowsReturned(),
        r.planning().toMillis(),
        r.reading().toMillis());
  }

  @Override
  public void commit(CommitReport r) {
    System.err.printf(
        "stats: commit %s on base snapshot %d: %d attempt(s), %d ms, %d files, %d rows added, %d"
            + " rows deleted%n",
        r.snapshotId() < 0
            ? (r.conflicted() ? "conflicted" : "failed")
            : "of snapshot " + r.snapshotId(),
        r.baseSnapshotId(),
        r.attempts(),
        r.duration().toMillis(),
        r.filesAdded(),
        r.rowsAdded(),
        r.rowsDeleted());
  }
}
