package io.quacklake.catalog.versioned;

import io.quacklake.storage.FileEntry;
import io.quacklake.storage.ObjectStore;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes what no one can need: versions older than the retention window (never the newest), then
 * blocks that no remaining version references and that are older than the grace period (a commit in
 * flight may have uploaded blocks its manifest does not reference yet).
 */
public final class GarbageCollector {
  private final ObjectStore store;
  private final CatalogLayout layout;
  private final Versions versions;

  GarbageCollector(ObjectStore store, CatalogLayout layout, Versions versions) {
    this.store = store;
    this.layout = layout;
    this.versions = versions;
  }

  /**
   * What a collection did.
   *
   * @param versionsDeleted manifests removed
   * @param versionsKept manifests left
   * @param blocksDeleted blocks removed
   * @param bytesFreed bytes of the removed blocks
   * @param blocksKept blocks left
   */
  public record Report(
      int versionsDeleted, int versionsKept, int blocksDeleted, long bytesFreed, int blocksKept) {}

  Report run(Duration retention, Duration grace, Instant now) throws IOException {
    List<FileEntry> manifests = store.list(layout.versions());
    long newest = manifests.stream().mapToLong(e -> layout.versionOf(e.location())).max().orElse(0);
    Instant retainAfter = now.minus(retention);
    Set<String> referenced = new HashSet<>();
    int versionsDeleted = 0;
    int versionsKept = 0;
    for (FileEntry e : manifests) {
      long v = layout.versionOf(e.location());
      if (v < 1) {
        continue;
      }
      if (v == newest || e.lastModified().isAfter(retainAfter)) {
        referenced.addAll(versions.read(v).blocks());
        versionsKept++;
      }
    }
    for (FileEntry e : manifests) {
      long v = layout.versionOf(e.location());
      if (v >= 1 && v != newest && !e.lastModified().isAfter(retainAfter)) {
        store.delete(e.location());
        versionsDeleted++;
      }
    }
    Instant graceBefore = now.minus(grace);
    int blocksDeleted = 0;
    int blocksKept = 0;
    long bytes = 0;
    for (FileEntry b : store.list(layout.blocks())) {
      String name = b.location().value().substring(b.location().value().lastIndexOf('/') + 1);
      if (referenced.contains(name) || b.lastModified().isAfter(graceBefore)) {
        blocksKept++;
      } else {
        store.delete(b.location());
        blocksDeleted++;
        bytes += b.size();
      }
    }
    return new Report(versionsDeleted, versionsKept, blocksDeleted, bytes, blocksKept);
  }
}
