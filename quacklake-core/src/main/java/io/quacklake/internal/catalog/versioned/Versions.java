package io.quacklake.internal.catalog.versioned;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.CreateOutcome;
import io.quacklake.storage.FileEntry;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.storage.SupportsConditionalWrites;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The manifests of a catalog: finding the newest cheaply (the advisory hint, then probing the next
 * names), reading one, and publishing the next with a conditional create.
 */
final class Versions {
  private static final int PUBLISH_ATTEMPTS = 5;

  /** A hint is a version number; anything longer is not one. */
  private static final int HINT_BYTES = 20;

  private final ObjectStore store;
  private final SupportsConditionalWrites conditional;
  private final CatalogLayout layout;

  Versions(ObjectStore store, CatalogLayout layout) {
    this.store = store;
    this.conditional = (SupportsConditionalWrites) store;
    this.layout = layout;
  }

  /** The newest version, or 0 when there is none. */
  long latest() throws IOException {
    long n = hint();
    if (n <= 0 || !exists(n)) {
      n = listed().stream().mapToLong(Long::longValue).max().orElse(0);
      if (n == 0) {
        return 0;
      }
    }
    while (n < Long.MAX_VALUE && exists(n + 1)) {
      n++;
    }
    return n;
  }

  private boolean exists(long version) throws IOException {
    return IoRetry.call(() -> store.exists(layout.manifest(version)));
  }

  /** Every stored version, ascending. */
  List<Long> listed() throws IOException {
    List<Long> out = new ArrayList<>();
    for (FileEntry e : IoRetry.call(() -> store.list(layout.versions()))) {
      long v = layout.versionOf(e.location());
      if (v > 0) {
        out.add(v);
      }
    }
    out.sort(Long::compare);
    return out;
  }

  /**
   * Reads version {@code n}.
   *
   * @throws QuacklakeException NOT_FOUND when it does not exist, CORRUPT when it does not parse
   */
  CatalogManifest read(long n) throws IOException {
    if (n < 1) {
      throw QuacklakeException.notFound(
          "catalog version %d does not exist at %s", n, layout.versions());
    }
    Location where = layout.manifest(n);
    try {
      byte[] bytes =
          IoRetry.call(() -> Blocks.readAtMost(store, where, CatalogManifest.MAX_BYTES + 1));
      if (bytes.length > CatalogManifest.MAX_BYTES) {
        throw QuacklakeException.corrupt(
            "catalog manifest %s is larger than %d bytes, far more than Quacklake writes; it was"
                + " not written by Quacklake: restore it from a backup or remove it",
            where, CatalogManifest.MAX_BYTES);
      }
      CatalogManifest m = CatalogManifest.parse(bytes, where.value());
      if (m.version() != n) {
        throw QuacklakeException.corrupt(
            "catalog manifest %s says it is version %d; it was not written by Quacklake: restore"
                + " it from a backup or remove it",
            where, m.version());
      }
      return m;
    } catch (NoSuchFileException e) {
      throw QuacklakeException.notFound("catalog version %d does not exist at %s", n, where);
    }
  }

  /**
   * Creates the manifest if no other writer created that version first. An ambiguous create is
   * resolved by reading the manifest back and comparing it (its writer id makes it unique), and
   * only when it is absent by creating it again.
   *
   * @throws IOException when the outcome cannot be established (the commit state is unknown)
   */
  CreateOutcome publish(CatalogManifest manifest) throws IOException {
    Location where = layout.manifest(manifest.version());
    byte[] bytes = manifest.toBytes();
    IOException last = null;
    boolean ambiguous = false;
    for (int attempt = 0; attempt < PUBLISH_ATTEMPTS; attempt++) {
      try {
        CreateOutcome outcome = conditional.createIfAbsent(where, bytes);
        if (outcome == CreateOutcome.ALREADY_EXISTS && ambiguous) {
          // an earlier attempt may have created it after all: only the content can tell
          outcome = ours(where, bytes) ? CreateOutcome.CREATED : CreateOutcome.ALREADY_EXISTS;
        }
        if (outcome == CreateOutcome.CREATED) {
          writeHint(manifest.version());
        }
        return outcome;
      } catch (IOException e) {
        ambiguous = true;
        last = e;
        try {
          CreateOutcome settled = ours(where, bytes) ? CreateOutcome.CREATED : null;
          if (settled == null && exists(manifest.version())) {
            settled = CreateOutcome.ALREADY_EXISTS;
          }
          if (settled != null) {
            if (settled == CreateOutcome.CREATED) {
              writeHint(manifest.version());
            }
            return settled;
          }
        } catch (NoSuchFileException absent) {
          // not created: creating again is safe, it is conditional
        } catch (IOException unreadable) {
          last.addSuppressed(unreadable);
        }
      }
    }
    throw last;
  }

  /**
   * Whether {@code version} must count as taken although absent, because its base (the version
   * before it) is gone: garbage collection removes a version only once a newer one exists, and
   * removes versions in ascending order, so a writer that stalled past the retention window must
   * not re-create a collected name and fork history. Ask just before {@link #publish}.
   */
  boolean baseCollected(long version) throws IOException {
    return version > 1 && !exists(version - 1);
  }

  /** Whether the manifest stored at {@code where} is exactly {@code bytes}. */
  private boolean ours(Location where, byte[] bytes) throws IOException {
    return Arrays.equals(
        IoRetry.call(() -> Blocks.readAtMost(store, where, bytes.length + 1)), bytes);
  }

  private long hint() {
    try {
      String text =
          new String(
              IoRetry.call(() -> Blocks.readAtMost(store, layout.hint(), HINT_BYTES)),
              StandardCharsets.UTF_8);
      return Long.parseLong(text.trim());
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }

  /** Best effort: the hint only shortens the search for the newest version. */
  private void writeHint(long version) {
    try {
      store.delete(layout.hint());
      try (OutputStream out = store.newOutputFile(layout.hint())) {
        out.write(Long.toString(version).getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException | RuntimeException ignored) {
      // readers fall back to probing and listing
    }
  }
}
