package io.quacklake.internal.catalog.versioned;

import io.quacklake.CatalogGarbageReport;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.FileEntry;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Removes what no one can need: versions older than the retention window (never the newest), then
 * blocks that no remaining version and no pin of a commit in flight references and that are older
 * than the grace period (a commit in flight may have uploaded blocks its manifest does not
 * reference yet). It announces itself with a marker first and decides about blocks from manifests
 * and pins listed after its own deletions, so that commits and restores running meanwhile keep
 * their blocks; decision 0009 has the argument. Only names Quacklake writes are ever deleted.
 */
final class GarbageCollector {
  private final ObjectStore store;
  private final CatalogLayout layout;
  private final Versions versions;
  private final Pins pins;
  private final GcMarkers markers;

  GarbageCollector(ObjectStore store, CatalogLayout layout, Versions versions, Pins pins) {
    this.store = store;
    this.layout = layout;
    this.versions = versions;
    this.pins = pins;
    this.markers = new GcMarkers(store, layout);
  }

  /**
   * Collects. {@code now} must not be later than the real time for the grace period to protect
   * commits in flight.
   */
  CatalogGarbageReport run(Duration retention, Duration grace, Instant now) throws IOException {
    Location marker = markers.begin();
    Instant stopAt = Instant.now().plus(GcMarkers.LEASE.dividedBy(2));
    try {
      List<FileEntry> listed = IoRetry.call(() -> store.list(layout.versions()));
      long newest = listed.stream().mapToLong(e -> layout.versionOf(e.location())).max().orElse(0);
      Instant retainAfter = now.minus(retention);
      int versionsDeleted = 0;
      for (FileEntry e : listed) {
        long v = layout.versionOf(e.location());
        if (v >= 1 && v != newest && !e.lastModified().isAfter(retainAfter) && before(stopAt)) {
          store.delete(e.location());
          versionsDeleted++;
        }
      }
      Instant graceBefore = now.minus(grace);
      Set<String> referenced = pins.pinned(graceBefore);
      int versionsKept = 0;
      for (long v : versions.listed()) {
        try {
          referenced.addAll(versions.read(v).objects());
          versionsKept++;
        } catch (QuacklakeException gone) {
          if (gone.kind() != io.quacklake.exceptions.ErrorKind.NOT_FOUND) {
            throw gone;
          }
        }
      }
      int blocksDeleted = 0;
      int blocksKept = 0;
      long bytes = 0;
      for (FileEntry b : IoRetry.call(() -> store.list(layout.blocks()))) {
        String name = layout.blockOf(b.location());
        if (name == null
            || referenced.contains(name)
            || b.lastModified().isAfter(graceBefore)
            || !before(stopAt)) {
          blocksKept++;
        } else {
          store.delete(b.location());
          blocksDeleted++;
          bytes += b.size();
        }
      }
      return new CatalogGarbageReport(
          versionsDeleted, versionsKept, blocksDeleted, bytes, blocksKept);
    } finally {
      markers.end(marker);
    }
  }

  /** A collection deletes only within its lease, so that a stalled one cannot surprise a commit. */
  private static boolean before(Instant stopAt) {
    return Instant.now().isBefore(stopAt);
  }
}
