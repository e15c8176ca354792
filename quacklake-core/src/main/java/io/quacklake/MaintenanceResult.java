package io.quacklake;

import java.util.Optional;

/**
 * What a writing maintenance step did.
 *
 * @param snapshot the snapshot it committed, empty when there was nothing to do
 * @param filesProcessed data files (or inlined-data tables) it read and retired
 * @param filesCreated data files it wrote
 * @param rows rows it wrote
 */
public record MaintenanceResult(
    Optional<Snapshot> snapshot, long filesProcessed, long filesCreated, long rows) {

  /** Nothing to do. */
  public static MaintenanceResult none() {
    return new MaintenanceResult(Optional.empty(), 0, 0, 0);
  }
}
