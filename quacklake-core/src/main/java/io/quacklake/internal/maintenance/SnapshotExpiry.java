package io.quacklake.internal.maintenance;

import io.quacklake.internal.catalog.MaintenanceGateway;
import io.quacklake.internal.catalog.SnapshotRecord;
import io.quacklake.internal.lake.LakeContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Expires snapshots as DuckDB's {@code ducklake_expire_snapshots}: never the latest; the catalog
 * rows only expired snapshots referenced are removed and their files scheduled for deletion, in one
 * catalog write that re-reads the latest snapshot under the write lock. No snapshot is made.
 */
final class SnapshotExpiry {
  private final LakeContext lake;

  SnapshotExpiry(LakeContext lake) {
    this.lake = lake;
  }

  List<SnapshotRecord> olderThan(Instant cutoff, boolean dryRun) {
    return expire(s -> s.time().isBefore(cutoff), dryRun);
  }

  List<SnapshotRecord> versions(List<Long> ids, boolean dryRun) {
    Set<Long> wanted = Set.copyOf(ids);
    return expire(s -> wanted.contains(s.snapshotId()), dryRun);
  }

  private List<SnapshotRecord> expire(Predicate<SnapshotRecord> which, boolean dryRun) {
    List<SnapshotRecord> candidates = select(lake.snapshots().all(), which);
    if (dryRun || candidates.isEmpty()) {
      return candidates;
    }
    List<SnapshotRecord> expired =
        lake.catalog()
            .write(
                "expiring snapshots",
                c -> {
                  List<SnapshotRecord> chosen =
                      select(io.quacklake.internal.catalog.SnapshotWrites.all(c), which);
                  if (!chosen.isEmpty()) {
                    MaintenanceGateway.expire(
                        c,
                        chosen.stream().map(SnapshotRecord::snapshotId).toList(),
                        lake.paths().root());
                  }
                  return chosen;
                });
    if (!expired.isEmpty()) {
      lake.catalog().compact();
    }
    return expired;
  }

  private static List<SnapshotRecord> select(
      List<SnapshotRecord> all, Predicate<SnapshotRecord> which) {
    long latest = all.stream().mapToLong(SnapshotRecord::snapshotId).max().orElse(-1);
    List<SnapshotRecord> out = new ArrayList<>();
    for (SnapshotRecord s : all) {
      if (s.snapshotId() != latest && which.test(s)) {
        out.add(s);
      }
    }
    return out;
  }
}
