package io.quacklake.testkit.peer;

import io.quacklake.testkit.RenderedResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything one reader saw in a lake: its snapshot ids and every table at every snapshot, rendered
 * as DuckDB renders values.
 *
 * @param snapshotIds the snapshot ids, ascending
 * @param tables the contents of each table at each snapshot
 * @param howRead for each table at each snapshot, how it was read (the peer's SQL, Quacklake's
 *     call), for failure messages
 */
record LakeReading(
    List<Long> snapshotIds,
    Map<SnapshotTable, RenderedResult> tables,
    Map<SnapshotTable, String> howRead) {

  /** The names ({@code schema.table}) of the tables at a snapshot, sorted. */
  Set<String> tablesAt(long snapshotId) {
    Set<String> out = new TreeSet<>();
    tables.keySet().stream()
        .filter(t -> t.snapshotId() == snapshotId)
        .forEach(t -> out.add(t.table().toString()));
    return out;
  }
}
