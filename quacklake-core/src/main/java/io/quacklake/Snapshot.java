package io.quacklake;

import io.quacklake.internal.txn.SnapshotChanges;
import java.time.Instant;
import java.util.Map;

/**
 * A committed snapshot of a lake.
 *
 * @param id the snapshot id (dense, increasing)
 * @param time the commit time
 * @param schemaVersion the catalog schema version after this snapshot
 * @param changesMade the raw {@code changes_made} text, or null
 * @param author commit author, or null
 * @param commitMessage commit message, or null
 * @param commitExtraInfo extra commit information, or null
 */
public record Snapshot(
    long id,
    Instant time,
    long schemaVersion,
    String changesMade,
    String author,
    String commitMessage,
    String commitExtraInfo) {

  /** The changes grouped as DuckDB's {@code ducklake_snapshots()} shows them. */
  public Map<String, java.util.List<String>> changes() {
    return SnapshotChanges.parse(changesMade);
  }

  /**
   * The changes rendered as DuckDB renders its changes map, e.g. {@code {tables_created=[main.t]}}.
   */
  public String changesText() {
    return SnapshotChanges.render(changes());
  }
}
