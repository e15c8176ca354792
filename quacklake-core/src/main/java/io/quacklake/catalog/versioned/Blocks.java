package io.quacklake.catalog.versioned;

import io.quacklake.QuacklakeException;
import io.quacklake.storage.CreateOutcome;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.storage.SeekableStream;
import io.quacklake.storage.SupportsConditionalWrites;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The database file as content-addressed blocks: splitting and uploading a new version (only the
 * blocks the store does not have yet), and assembling a version from its blocks through a local
 * block cache, verifying every block and the whole file.
 */
final class Blocks {
  private final ObjectStore store;
  private final CatalogLayout layout;
  private final Path cache;

  /**
   * @param cache a local directory for blocks already fetched or uploaded
   */
  Blocks(ObjectStore store, CatalogLayout layout, Path cache) {
    this.store = store;
    this.layout = layout;
    this.cache = cache;
  }

  /** What a file splits into. */
  record Split(List<String> blocks, long fileSize, String sha256) {}

  /**
   * Splits {@code file} into blocks, uploads those not in {@code present} and keeps a local copy of
   * each.
   */
  Split upload(Path file, int blockSize, Set<String> present) throws IOException {
    List<String> hashes = new ArrayList<>();
    MessageDigest whole = sha256();
    long size = 0;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[blockSize];
      int n;
      while ((n = in.readNBytes(buffer, 0, blockSize)) > 0) {
        whole.update(buffer, 0, n);
        size += n;
        byte[] block = n == blockSize ? buffer.clone() : java.util.Arrays.copyOf(buffer, n);
        String hash = hex(sha256().digest(block));
        hashes.add(hash);
        Path local = cache.resolve(hash);
        if (!Files.exists(local)) {
          writeAtomically(local, block);
        }
        if (!present.contains(hash)) {
          IoRetry.call(
              () -> {
                put(layout.block(hash), block);
                return null;
              });
        }
      }
    }
    return new Split(hashes, size, hex(whole.digest()));
  }

  private void put(Location location, byte[] content) throws IOException {
    if (store instanceof SupportsConditionalWrites c) {
      CreateOutcome ignored = c.createIfAbsent(location, content);
      return;
    }
    if (store.exists(location)) {
      return;
    }
    try (OutputStream out = store.newOutputFile(location)) {
      out.write(content);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      // content-addressed: the same bytes are already there
    }
  }

  /**
   * Writes the file of {@code manifest} to {@code target}.
   *
   * @throws QuacklakeException CORRUPT when a block is missing or any checksum does not match
   */
  void assemble(CatalogManifest manifest, Path target) throws IOException {
    Path temp = target.resolveSibling(target.getFileName() + ".part");
    MessageDigest whole = sha256();
    try (OutputStream out = Files.newOutputStream(temp)) {
      for (String hash : manifest.blocks()) {
        byte[] block = block(manifest, hash);
        whole.update(block);
        out.write(block);
      }
    }
    String actual = hex(whole.digest());
    if (!actual.equals(manifest.sha256()) || Files.size(temp) != manifest.fileSize()) {
      Files.deleteIfExists(temp);
      throw QuacklakeException.corrupt(
          "catalog version %d at %s does not match its manifest (sha256 %s, expected %s)",
          manifest.version(), layout.root(), actual, manifest.sha256());
    }
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private byte[] block(CatalogManifest manifest, String hash) throws IOException {
    Path local = cache.resolve(hash);
    if (Files.exists(local)) {
      byte[] bytes = Files.readAllBytes(local);
      if (hex(sha256().digest(bytes)).equals(hash)) {
        return bytes;
      }
      Files.deleteIfExists(local);
    }
    Location remote = layout.block(hash);
    byte[] bytes;
    try {
      bytes = IoRetry.call(() -> readAll(store, remote));
    } catch (java.nio.file.NoSuchFileException e) {
      throw QuacklakeException.corrupt(
          "catalog version %d at %s needs block %s, which is missing from the store",
          manifest.version(), layout.root(), hash);
    }
    if (!hex(sha256().digest(bytes)).equals(hash)) {
      throw QuacklakeException.corrupt(
          "block %s of catalog version %d at %s is damaged (its content does not match its"
              + " name)",
          hash, manifest.version(), layout.root());
    }
    writeAtomically(local, bytes);
    return bytes;
  }

  /** The whole content of an object. */
  static byte[] readAll(ObjectStore store, Location location) throws IOException {
    try (SeekableStream in = store.newInputFile(location, -1).newStream()) {
      return in.readAllBytes();
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
