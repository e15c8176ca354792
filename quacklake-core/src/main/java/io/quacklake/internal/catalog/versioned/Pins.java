package io.quacklake.internal.catalog.versioned;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.FileEntry;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.storage.SupportsConditionalWrites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Pins keep the blocks of a commit in flight from garbage collection when the commit references
 * blocks it did not write itself (a restore, or a block whose content an older version already had,
 * which may be old enough to collect): the commit lists its new blocks in {@code
 * catalog/pins/<id>}, waits until no collection is running, makes sure each is still in the store
 * (uploading it again from the local cache if a collection removed it), and only then publishes; a
 * collection that starts later sees the pin. Decision 0009 has the argument.
 */
final class Pins {
  private static final String FORMAT = "quacklake-catalog-pin/1";

  /** How long a commit waits for a running collection before giving up. */
  static final Duration PATIENCE = Duration.ofMinutes(1);

  private final ObjectStore store;
  private final CatalogLayout layout;
  private final Blocks blocks;
  private final GcMarkers markers;

  Pins(ObjectStore store, CatalogLayout layout, Blocks blocks) {
    this.store = store;
    this.layout = layout;
    this.blocks = blocks;
    this.markers = new GcMarkers(store, layout);
  }

  /**
   * Pins {@code blocks} (every block the commit's manifest lists that its base version does not)
   * and returns once no collection can delete them before the commit publishes; the caller
   * publishes at once, then {@link #release}s the pin. After waiting for a collection it pins
   * afresh, so that the wait never ages the pin toward the grace period.
   *
   * @throws QuacklakeException UNAVAILABLE when collections keep running for {@link #PATIENCE}
   */
  Location pin(Set<String> blocks) throws IOException {
    byte[] content =
        (FORMAT + "\n" + String.join("\n", blocks) + "\n").getBytes(StandardCharsets.UTF_8);
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      Location pin = layout.entry(layout.pins(), UUID.randomUUID().toString());
      IoRetry.call(() -> ((SupportsConditionalWrites) store).createIfAbsent(pin, content));
      try {
        if (!markers.live().isEmpty()) {
          release(pin);
          markers.awaitNone(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
          continue;
        }
        boolean uploaded = false;
        for (String hash : blocks) {
          uploaded |= this.blocks.restore(hash);
        }
        if (!uploaded) {
          return pin;
        }
        release(pin);
      } catch (IOException | RuntimeException e) {
        release(pin);
        throw e;
      }
    }
  }

  /** Removes a pin once its commit published or gave up; a leftover one expires with the grace. */
  void release(Location pin) {
    try {
      store.delete(pin);
    } catch (IOException ignored) {
      // garbage collection removes pins older than its grace period
    }
  }

  /**
   * The blocks pinned by pins newer than {@code cutoff}; older pins (their commit ended or crashed
   * long ago) are removed.
   *
   * @throws QuacklakeException CORRUPT when a pin is not one Quacklake wrote
   */
  Set<String> pinned(Instant cutoff) throws IOException {
    Set<String> out = new HashSet<>();
    List<FileEntry> entries = IoRetry.call(() -> store.list(layout.pins()));
    for (FileEntry e : entries) {
      if (!layout.isEntry(layout.pins(), e.location())) {
        continue;
      }
      if (!e.lastModified().isAfter(cutoff)) {
        store.delete(e.location());
        continue;
      }
      byte[] bytes;
      try {
        bytes =
            IoRetry.call(
                () -> Blocks.readAtMost(store, e.location(), CatalogManifest.MAX_BYTES + 1));
      } catch (NoSuchFileException released) {
        continue;
      }
      List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
      if (bytes.length > CatalogManifest.MAX_BYTES
          || lines.isEmpty()
          || !lines.get(0).equals(FORMAT)
          || !lines.stream().skip(1).allMatch(CatalogLayout::isSha256)) {
        throw QuacklakeException.corrupt(
            "%s is not a pin Quacklake wrote, so garbage collection cannot tell which blocks it"
                + " protects; remove it and run gc again",
            e.location());
      }
      out.addAll(lines.subList(1, lines.size()));
    }
    return out;
  }
}
