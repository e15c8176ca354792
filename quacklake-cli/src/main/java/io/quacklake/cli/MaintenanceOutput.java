package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.MaintenanceResult;
import io.quacklake.Snapshot;
import java.util.List;

/**
 * The stdout of the maintenance commands: the snapshot a writing step leaves the lake at, or one
 * line per expired snapshot id or deleted path.
 */
final class MaintenanceOutput {
  private MaintenanceOutput() {}

  /** The snapshot {@code result} committed, or the lake's current one when there was none. */
  static void snapshot(MaintenanceResult result, Lake lake) {
    WrittenSnapshot.print(result.snapshot().orElseGet(lake::currentSnapshot));
  }

  /** The ids of {@code snapshots}, one a line. */
  static void snapshotIds(List<Snapshot> snapshots) {
    lines(snapshots.stream().map(s -> Long.toString(s.id())).toList());
  }

  /** Each line of {@code lines} (file paths, ids) on its own line. */
  static void lines(List<String> lines) {
    for (String line : lines) {
      System.out.println(line);
    }
    System.out.flush();
  }
}
