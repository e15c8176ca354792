package io.quacklake.internal.catalog.versioned;

import io.quacklake.CatalogGarbageReport;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.storage.ConditionalWriteProbe;
import io.quacklake.storage.CreateOutcome;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A catalog database kept in an object store as immutable versions, and its local copy. Readers use
 * {@link #file()}, an immutable, verified copy of the current version; a commit copies it ({@link
 * #prepareWrite}), changes the copy, and {@link #publish}es it as the next version, which succeeds
 * only if no other writer published that version first. Not thread-safe: the catalog connection
 * serialises calls.
 */
public final class VersionedCatalog implements AutoCloseable {
  /** Block length of an image: a new image re-uploads only the blocks that changed. */
  public static final int BLOCK_SIZE = 256 * 1024;

  private final DeltaPolicy policy;

  private final ObjectStore store;
  private final CatalogLayout layout;
  private final Versions versions;
  private final Blocks blocks;
  private final Pins pins;
  private final Path cache;
  private CatalogManifest current;
  private Path currentFile;

  private VersionedCatalog(ObjectStore store, Location root, Path cache, DeltaPolicy policy)
      throws IOException {
    this.store = store;
    this.policy = policy;
    this.layout = new CatalogLayout(root);
    this.versions = new Versions(store, layout);
    this.cache = cache;
    Files.createDirectories(cache.resolve("blocks"));
    this.blocks = new Blocks(store, layout, cache.resolve("blocks"));
    this.pins = new Pins(store, layout, blocks);
  }

  /**
   * Opens the newest version: fetches and verifies the database. Opening writes nothing to the
   * store; the first write of the process probes that the store enforces conditional creates.
   *
   * @throws QuacklakeException NOT_FOUND when no lake is there, UNSUPPORTED for a store without
   *     conditional creates, CORRUPT for a damaged version
   */
  public static VersionedCatalog open(ObjectStore store, Location root) {
    return open(store, root, DeltaPolicy.DEFAULT);
  }

  /** {@link #open(ObjectStore, Location)}, chaining deltas as {@code policy} says. */
  static VersionedCatalog open(ObjectStore store, Location root, DeltaPolicy policy) {
    VersionedCatalog c = start(store, root, policy);
    try {
      long latest = c.versions.latest();
      if (latest == 0) {
        throw QuacklakeException.notFound(
            "no lake at %s (no catalog/versions/ there); create one with 'quacklake init'", root);
      }
      c.moveTo(c.versions.read(latest));
      return c;
    } catch (IOException e) {
      c.close();
      throw unavailable("open the catalog at " + root, e);
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /**
   * Probes that the store enforces conditional creates, then publishes a new, initialised database
   * as version 1.
   *
   * @throws QuacklakeException ALREADY_EXISTS when a lake is already there, UNSUPPORTED for a store
   *     that ignores conditional creates
   */
  public static void create(ObjectStore store, Location root, Path database) {
    try (VersionedCatalog c = start(store, root, DeltaPolicy.DEFAULT)) {
      ConditionalWriteProbe.verify(store, c.layout.probes());
      if (c.versions.latest() > 0) {
        throw new QuacklakeException(
            ErrorKind.ALREADY_EXISTS, "a lake already exists at " + root + "; open it instead");
      }
      Blocks.Split split = c.blocks.upload(database, BLOCK_SIZE, new HashSet<>());
      CatalogManifest first =
          new CatalogManifest(
              1,
              UUID.randomUUID().toString(),
              0,
              Instant.now(),
              BLOCK_SIZE,
              split.fileSize(),
              split.sha256(),
              split.blocks());
      if (c.versions.publish(first) != CreateOutcome.CREATED) {
        throw new QuacklakeException(
            ErrorKind.ALREADY_EXISTS,
            "another writer created a lake at " + root + " at the same time; open it instead");
      }
    } catch (IOException e) {
      throw unavailable("create the catalog at " + root, e);
    }
  }

  private static VersionedCatalog start(ObjectStore store, Location root, DeltaPolicy policy) {
    ConditionalWriteProbe.requireSupport(store, new CatalogLayout(root).probes());
    try {
      return new VersionedCatalog(
          store, root, Files.createTempDirectory("quacklake-catalog"), policy);
    } catch (IOException e) {
      throw unavailable("create a local cache for the catalog at " + root, e);
    }
  }

  /** The version of the local copy. */
  public CatalogManifest manifest() {
    return current;
  }

  /** The local copy of the current version (never written to). */
  public Path file() {
    return currentFile;
  }

  /** Moves the local copy to the newest version; true if it changed. */
  public boolean refresh() {
    try {
      long latest = versions.latest();
      if (latest <= current.version()) {
        return false;
      }
      moveTo(versions.read(latest));
      return true;
    } catch (IOException e) {
      throw unavailable("refresh the catalog at " + layout.root(), e);
    }
  }

  /**
   * A private, writable copy of the current version for one commit attempt. The first write of the
   * process to this store probes it (see {@link ConditionalWriteProbe#verifyOnce}).
   *
   * @throws QuacklakeException UNSUPPORTED for a store that ignores conditional creates
   */
  public Path prepareWrite() {
    ConditionalWriteProbe.verifyOnce(store, layout.probes());
    try {
      Path work = cache.resolve("work-" + UUID.randomUUID() + ".sqlite");
      Files.copy(currentFile, work);
      return work;
    } catch (IOException e) {
      throw unavailable("copy the catalog for a commit", e);
    }
  }

  /** What {@link #publish} did. */
  public enum Published {
    /** The copy is now the newest version (and the local copy). */
    PUBLISHED,
    /** Another writer published that version first; nothing of this attempt is visible. */
    LOST_RACE
  }

  /**
   * Publishes a changed copy as the next version. Uploads the pages it changed as one delta chained
   * to the current image, or, when the chain is full ({@link DeltaPolicy}), the blocks of a new
   * image that are new (pinning objects the store already had, see {@link Pins}); then creates the
   * next manifest only if absent.
   *
   * @param snapshotId the newest DuckLake snapshot the copy holds
   * @throws QuacklakeException COMMIT_STATE_UNKNOWN when the manifest's creation could not be
   *     confirmed or denied (the copy is kept)
   */
  public Published publish(Path work, long snapshotId) {
    CatalogManifest next;
    Location pin;
    try {
      long room = policy.room(current);
      PageDelta.Diff diff = room > 0 ? PageDelta.between(currentFile, work, room) : null;
      if (diff != null && !diff.baseSha256().equals(current.sha256())) {
        deleteQuietly(work);
        repairLocalCopy();
        return Published.LOST_RACE;
      }
      if (diff != null) {
        Blocks.Stored delta = blocks.put(diff.bytes());
        next =
            current.withDelta(
                UUID.randomUUID().toString(),
                snapshotId,
                Instant.now(),
                new CatalogManifest.Delta(delta.hash(), diff.bytes().length, diff.size()),
                diff.size(),
                diff.sha256());
        pin = delta.reused() ? pins.pin(Set.of(delta.hash())) : null;
      } else {
        Blocks.Split split = blocks.upload(work, BLOCK_SIZE, new HashSet<>(current.blocks()));
        Set<String> added = new LinkedHashSet<>(split.blocks());
        added.removeAll(current.objects());
        pin = split.reused().isEmpty() ? null : pins.pin(added);
        next =
            new CatalogManifest(
                current.version() + 1,
                UUID.randomUUID().toString(),
                snapshotId,
                Instant.now(),
                BLOCK_SIZE,
                split.fileSize(),
                split.sha256(),
                split.blocks());
      }
    } catch (IOException e) {
      throw unavailable("upload the catalog's changes to " + layout.root(), e);
    }
    try {
      if (versions.baseCollected(current.version() + 1)) {
        releasePin(pin);
        deleteQuietly(work);
        return Published.LOST_RACE;
      }
    } catch (IOException e) {
      releasePin(pin);
      throw unavailable("check catalog version " + current.version() + " at " + layout.root(), e);
    }
    CreateOutcome outcome;
    try {
      outcome = versions.publish(next);
    } catch (IOException e) {
      releasePin(pin);
      throw new QuacklakeException(
          ErrorKind.COMMIT_STATE_UNKNOWN,
          "publishing catalog version "
              + next.version()
              + " at "
              + layout.root()
              + " failed and could not be checked ("
              + e.getMessage()
              + "); reopen the lake and look for snapshot "
              + snapshotId
              + " before retrying",
          e);
    }
    releasePin(pin);
    if (outcome == CreateOutcome.ALREADY_EXISTS) {
      deleteQuietly(work);
      return Published.LOST_RACE;
    }
    try {
      Path file = versionFile(next.version());
      Files.move(work, file, StandardCopyOption.REPLACE_EXISTING);
      current = next;
      currentFile = file;
    } catch (IOException e) {
      throw unavailable("keep the local copy of version " + next.version(), e);
    }
    return Published.PUBLISHED;
  }

  /** Blocks that some stored version lists but the store does not have (empty when sound). */
  public List<String> missingBlocks() {
    try {
      java.util.Set<String> checked = new HashSet<>();
      List<String> missing = new ArrayList<>();
      for (CatalogManifest m : history()) {
        for (String block : m.objects()) {
          if (checked.add(block) && !IoRetry.call(() -> store.exists(layout.block(block)))) {
            missing.add("version " + m.version() + " block " + block);
          }
        }
      }
      return missing;
    } catch (IOException e) {
      throw unavailable("check the blocks at " + layout.root(), e);
    }
  }

  /** Every version still stored, oldest first. */
  public List<CatalogManifest> history() {
    try {
      List<CatalogManifest> out = new ArrayList<>();
      for (long v : versions.listed()) {
        out.add(versions.read(v));
      }
      return out;
    } catch (IOException e) {
      throw unavailable("list the catalog versions at " + layout.root(), e);
    }
  }

  /**
   * Makes the content of version {@code n} the newest version (a new version with the same blocks);
   * snapshots committed after it disappear from the catalog, their files stay until cleanup.
   *
   * @throws QuacklakeException CONFLICT when another writer published meanwhile, NOT_FOUND when
   *     version {@code n} does not exist (any more)
   */
  public CatalogManifest restore(long n) {
    ConditionalWriteProbe.verifyOnce(store, layout.probes());
    try {
      refresh();
      CatalogManifest old = versions.read(n);
      CatalogManifest next =
          new CatalogManifest(
              current.version() + 1,
              UUID.randomUUID().toString(),
              old.snapshotId(),
              Instant.now(),
              old.blockSize(),
              old.fileSize(),
              old.sha256(),
              old.blocks(),
              old.imageSize(),
              old.deltas());
      Path assembled = cache.resolve("restore-" + UUID.randomUUID() + ".sqlite");
      blocks.assemble(old, assembled);
      Set<String> reused = new LinkedHashSet<>(old.objects());
      reused.removeAll(current.objects());
      Location pin = reused.isEmpty() ? null : pins.pin(reused);
      CreateOutcome outcome;
      try {
        outcome =
            versions.baseCollected(next.version())
                ? CreateOutcome.ALREADY_EXISTS
                : versions.publish(next);
      } finally {
        releasePin(pin);
      }
      if (outcome != CreateOutcome.CREATED) {
        deleteQuietly(assembled);
        throw new QuacklakeException(
            ErrorKind.CONFLICT,
            "another writer published version " + next.version() + " first; run restore again");
      }
      Path file = versionFile(next.version());
      Files.move(assembled, file, StandardCopyOption.REPLACE_EXISTING);
      current = next;
      currentFile = file;
      return next;
    } catch (IOException e) {
      throw unavailable("restore version " + n + " at " + layout.root(), e);
    }
  }

  /** Copies the current version to {@code target}, a plain SQLite file DuckDB can attach. */
  public void export(Path target) {
    refresh();
    try {
      Files.copy(currentFile, target);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new QuacklakeException(
          ErrorKind.ALREADY_EXISTS, "cannot export to " + target + ": the file exists");
    } catch (IOException e) {
      throw unavailable("export the catalog to " + target, e);
    }
  }

  /** Deletes old versions and unreferenced blocks (see {@link GarbageCollector}). */
  public CatalogGarbageReport collectGarbage(
      java.time.Duration retention, java.time.Duration grace, Instant now) {
    try {
      return new GarbageCollector(store, layout, versions, pins).run(retention, grace, now);
    } catch (IOException e) {
      throw unavailable("collect garbage at " + layout.root(), e);
    }
  }

  private void moveTo(CatalogManifest manifest) throws IOException {
    Path file = versionFile(manifest.version());
    blocks.assemble(manifest, file, current, currentFile);
    current = manifest;
    currentFile = file;
  }

  /**
   * Assembles the current version again from the store: the local copy did not match its manifest
   * (readers keep the file they opened; later ones get the repaired copy).
   */
  private void repairLocalCopy() {
    try {
      Path file = versionFile(current.version());
      blocks.assemble(current, file);
      currentFile = file;
    } catch (IOException e) {
      throw unavailable("repair the local copy of catalog version " + current.version(), e);
    }
  }

  /**
   * Deletes local copies of versions other than the current one; call it once no connection reads
   * them any more.
   */
  public void pruneLocalCopies() {
    try (Stream<Path> files = Files.list(cache)) {
      files
          .filter(p -> p.getFileName().toString().matches("v\\d{20}\\.sqlite"))
          .filter(p -> !p.equals(currentFile))
          .forEach(VersionedCatalog::deleteQuietly);
    } catch (IOException ignored) {
      // stale copies are removed with the cache
    }
  }

  private void releasePin(Location pin) {
    if (pin != null) {
      pins.release(pin);
    }
  }

  private Path versionFile(long version) {
    return cache.resolve(String.format("v%020d.sqlite", version));
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a leftover local file is removed with the cache
    }
  }

  private static QuacklakeException unavailable(String what, IOException e) {
    return new QuacklakeException(
        ErrorKind.UNAVAILABLE, "cannot " + what + ": " + e.getMessage(), e);
  }

  @Override
  public void close() {
    try (Stream<Path> files = Files.walk(cache)) {
      files.sorted(Comparator.reverseOrder()).forEach(VersionedCatalog::deleteQuietly);
    } catch (IOException ignored) {
      // the temporary directory is cleaned by the OS eventually
    }
  }
}
