package io.quacklake.internal.catalog.versioned;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.FileEntry;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.storage.SupportsConditionalWrites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The markers by which a running garbage collection announces itself ({@code catalog/gc/<id>}), so
 * that a commit which references blocks it did not write can wait for it (decision 0009). A marker
 * is live for {@link #LEASE} after its creation; a collection stops deleting after half of that,
 * which leaves the other half for clock skew between machines.
 */
final class GcMarkers {
  /** How long a marker counts as a running collection. */
  static final Duration LEASE = Duration.ofMinutes(10);

  private final ObjectStore store;
  private final CatalogLayout layout;

  GcMarkers(ObjectStore store, CatalogLayout layout) {
    this.store = store;
    this.layout = layout;
  }

  /** Announces a collection; returns its marker. */
  Location begin() throws IOException {
    Location marker = layout.entry(layout.collections(), UUID.randomUUID().toString());
    byte[] content = Instant.now().toString().getBytes(StandardCharsets.UTF_8);
    IoRetry.call(() -> ((SupportsConditionalWrites) store).createIfAbsent(marker, content));
    return marker;
  }

  /** Removes the collection's marker and those of collections whose lease ran out long ago. */
  void end(Location marker) {
    try {
      store.delete(marker);
      Instant expired = Instant.now().minus(LEASE.multipliedBy(2));
      for (FileEntry e : listed()) {
        if (!e.lastModified().isAfter(expired)) {
          store.delete(e.location());
        }
      }
    } catch (IOException ignored) {
      // a leftover marker only delays commits that reuse blocks until its lease runs out
    }
  }

  /** Markers of collections that may be deleting right now, by the store's clock. */
  List<FileEntry> live() throws IOException {
    Instant since = Instant.now().minus(LEASE);
    return listed().stream().filter(e -> e.lastModified().isAfter(since)).toList();
  }

  /**
   * Returns once no collection is live, polling.
   *
   * @throws QuacklakeException UNAVAILABLE when one is still live after {@code patience}
   */
  void awaitNone(Duration patience) throws IOException {
    long deadline = System.nanoTime() + patience.toNanos();
    long pause = 5;
    List<FileEntry> live;
    while (!(live = live()).isEmpty()) {
      if (System.nanoTime() > deadline) {
        FileEntry m = live.get(0);
        throw new QuacklakeException(
            ErrorKind.UNAVAILABLE,
            "a garbage collection has been running at "
                + layout.root()
                + " since "
                + m.lastModified()
                + " (marker "
                + m.location()
                + ") and this commit references blocks it may delete; retry when it has"
                + " finished (if no 'quacklake catalog gc' runs, delete the marker)");
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while waiting for a collection");
      }
      pause = Math.min(pause * 2, 500);
    }
  }

  private List<FileEntry> listed() throws IOException {
    return IoRetry.call(() -> store.list(layout.collections())).stream()
        .filter(e -> layout.isEntry(layout.collections(), e.location()))
        .toList();
  }
}
