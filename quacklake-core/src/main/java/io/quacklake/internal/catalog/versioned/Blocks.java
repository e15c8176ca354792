package io.quacklake.internal.catalog.versioned;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.CreateOutcome;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.storage.SeekableStream;
import io.quacklake.storage.SupportsConditionalWrites;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The database file as content-addressed blocks: splitting and uploading a new version (only the
 * blocks the store does not have yet), and assembling a version from its blocks through a local
 * block cache, verifying every block and the whole file. A block is read with at most its expected
 * length (plus one byte to notice a longer object), and only names that are SHA-256 digests become
 * paths, in the cache directory.
 */
final class Blocks {
  private final ObjectStore store;
  private final SupportsConditionalWrites conditional;
  private final CatalogLayout layout;
  private final Path cache;

  /**
   * @param cache a local directory for blocks already fetched or uploaded
   */
  Blocks(ObjectStore store, CatalogLayout layout, Path cache) {
    this.store = store;
    this.conditional = (SupportsConditionalWrites) store;
    this.layout = layout;
    this.cache = cache;
  }

  /**
   * What a file splits into.
   *
   * @param reused blocks not in the given present set that the store already had: this upload did
   *     not write them, so their age in the store is not this commit's (see {@link Pins})
   */
  record Split(List<String> blocks, long fileSize, String sha256, Set<String> reused) {}

  /**
   * Splits {@code file} into blocks, uploads those not in {@code present} and keeps a local copy of
   * each.
   */
  Split upload(Path file, int blockSize, Set<String> present) throws IOException {
    List<String> hashes = new ArrayList<>();
    Set<String> reused = new LinkedHashSet<>();
    MessageDigest whole = sha256();
    long size = 0;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[blockSize];
      int n;
      while ((n = in.readNBytes(buffer, 0, blockSize)) > 0) {
        whole.update(buffer, 0, n);
        size += n;
        byte[] block = Arrays.copyOf(buffer, n);
        String hash = hex(sha256().digest(block));
        hashes.add(hash);
        Path local = cached(hash);
        if (!Files.exists(local)) {
          writeAtomically(local, block);
        }
        if (!present.contains(hash)
            && IoRetry.call(() -> conditional.createIfAbsent(layout.block(hash), block))
                == CreateOutcome.ALREADY_EXISTS) {
          reused.add(hash);
        }
      }
    }
    return new Split(hashes, size, hex(whole.digest()), reused);
  }

  /**
   * Makes sure the store has {@code hash}, uploading it again from the local cache if not.
   *
   * @return true if it had to be uploaded again
   */
  boolean restore(String hash) throws IOException {
    Location remote = layout.block(hash);
    if (IoRetry.call(() -> store.exists(remote))) {
      return false;
    }
    byte[] bytes = Files.readAllBytes(cached(hash));
    if (!hex(sha256().digest(bytes)).equals(hash)) {
      throw new IOException("the local copy of block " + hash + " is damaged");
    }
    IoRetry.call(() -> conditional.createIfAbsent(remote, bytes));
    return true;
  }

  /**
   * Stores one object under its SHA-256 (a page delta), keeping a local copy.
   *
   * @return its name, and whether the store already had it (see {@link Split#reused})
   */
  Stored put(byte[] bytes) throws IOException {
    String hash = hex(sha256().digest(bytes));
    Path local = cached(hash);
    if (!Files.exists(local)) {
      writeAtomically(local, bytes);
    }
    boolean reused =
        IoRetry.call(() -> conditional.createIfAbsent(layout.block(hash), bytes))
            == CreateOutcome.ALREADY_EXISTS;
    return new Stored(hash, reused);
  }

  /**
   * A stored object.
   *
   * @param reused the store already had it
   */
  record Stored(String hash, boolean reused) {}

  /** Writes the file of {@code manifest} to {@code target} from its image and every delta. */
  void assemble(CatalogManifest manifest, Path target) throws IOException {
    assemble(manifest, target, null, null);
  }

  /**
   * Writes the file of {@code manifest} to {@code target}: from {@code known}'s file when {@code
   * manifest} continues its delta chain (only the newer deltas are fetched), else from the image
   * and every delta.
   *
   * @param known a version whose file is at hand, or null
   * @throws QuacklakeException CORRUPT when an object is missing, has the wrong length or any
   *     checksum does not match
   */
  void assemble(CatalogManifest manifest, Path target, CatalogManifest known, Path knownFile)
      throws IOException {
    if (known != null && knownFile != null && known.continuedBy(manifest)) {
      try {
        build(manifest, target, knownFile, known.deltas().size());
        return;
      } catch (QuacklakeException e) {
        if (e.kind() != ErrorKind.CORRUPT) {
          throw e;
        }
      }
    }
    build(manifest, target, null, 0);
  }

  /**
   * Writes {@code manifest}'s file to {@code target}, starting from {@code from} (a file with the
   * first {@code applied} deltas applied) or, when null, from the image.
   */
  private void build(CatalogManifest manifest, Path target, Path from, int applied)
      throws IOException {
    Path temp = target.resolveSibling(target.getFileName() + ".part");
    try {
      if (from != null) {
        Files.copy(from, temp, StandardCopyOption.REPLACE_EXISTING);
      } else {
        try (OutputStream out = Files.newOutputStream(temp)) {
          List<String> hashes = manifest.blocks();
          for (int i = 0; i < hashes.size(); i++) {
            out.write(object(manifest, hashes.get(i), manifest.blockLength(i), "block"));
          }
        }
      }
      List<CatalogManifest.Delta> deltas = manifest.deltas();
      for (int i = applied; i < deltas.size(); i++) {
        CatalogManifest.Delta d = deltas.get(i);
        PageDelta.apply(
            object(manifest, d.sha256(), d.size(), "delta"), temp, d.sizeAfter(), d.sha256());
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    String actual = fileHash(temp);
    if (!actual.equals(manifest.sha256()) || Files.size(temp) != manifest.fileSize()) {
      Files.deleteIfExists(temp);
      throw QuacklakeException.corrupt(
          "catalog version %d at %s does not match its manifest (sha256 %s, expected %s)",
          manifest.version(), layout.root(), actual, manifest.sha256());
    }
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String fileHash(Path file) throws IOException {
    MessageDigest whole = sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) > 0) {
        whole.update(buffer, 0, n);
      }
    }
    return hex(whole.digest());
  }

  private byte[] object(CatalogManifest manifest, String hash, int length, String kind)
      throws IOException {
    Path local = cached(hash);
    if (Files.exists(local) && Files.size(local) == length) {
      byte[] bytes = Files.readAllBytes(local);
      if (hex(sha256().digest(bytes)).equals(hash)) {
        return bytes;
      }
    }
    Files.deleteIfExists(local);
    Location remote = layout.block(hash);
    byte[] bytes;
    try {
      bytes = IoRetry.call(() -> readAtMost(store, remote, length + 1));
    } catch (NoSuchFileException e) {
      throw QuacklakeException.corrupt(
          "catalog version %d at %s needs %s %s, which is missing from the store",
          manifest.version(), layout.root(), kind, hash);
    }
    if (bytes.length != length) {
      throw QuacklakeException.corrupt(
          "%s %s of catalog version %d at %s holds %s bytes where the manifest expects %d;"
              + " restore the %s from a backup or restore an earlier version",
          kind,
          hash,
          manifest.version(),
          layout.root(),
          bytes.length > length ? "more than " + length : Integer.toString(bytes.length),
          length,
          kind);
    }
    if (!hex(sha256().digest(bytes)).equals(hash)) {
      throw QuacklakeException.corrupt(
          "%s %s of catalog version %d at %s is damaged (its content does not match its name)",
          kind, hash, manifest.version(), layout.root());
    }
    writeAtomically(local, bytes);
    return bytes;
  }

  /** The cache file of a block; only a SHA-256 name becomes a path, directly in the cache. */
  private Path cached(String hash) {
    if (!CatalogLayout.isSha256(hash)) {
      throw new IllegalArgumentException("not a block name: " + hash);
    }
    return cache.resolve(hash);
  }

  /**
   * At most {@code max} bytes from the start of an object: a hostile object is never read whole.
   */
  static byte[] readAtMost(ObjectStore store, Location location, int max) throws IOException {
    try (SeekableStream in = store.newInputFile(location, -1).newStream()) {
      return in.readNBytes(max);
    }
  }

  private static void writeAtomically(Path file, byte[] bytes) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + "." + System.nanoTime() + ".tmp");
    Files.write(temp, bytes);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }
}
