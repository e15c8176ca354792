package io.quacklake.catalog.versioned;

import io.quacklake.QuacklakeException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * One immutable version of the catalog database: the file's blocks in order, by SHA-256.
 *
 * @param version N, counting from 1 (the new, empty catalog)
 * @param writer a unique id of the commit attempt that created it (resolves ambiguous creates)
 * @param snapshotId the newest DuckLake snapshot the database holds
 * @param created when it was published
 * @param blockSize the block length in bytes (the last block may be shorter)
 * @param fileSize the database file's length
 * @param sha256 the SHA-256 of the whole file, hex
 * @param blocks the SHA-256 of each block, hex, in file order
 */
public record CatalogManifest(
    long version,
    String writer,
    long snapshotId,
    Instant created,
    int blockSize,
    long fileSize,
    String sha256,
    List<String> blocks) {
  static final String FORMAT = "quacklake-catalog-manifest/1";

  public CatalogManifest {
    Objects.requireNonNull(writer, "writer is null");
    Objects.requireNonNull(created, "created is null");
    Objects.requireNonNull(sha256, "sha256 is null");
    blocks = List.copyOf(blocks);
    if (version < 1 || blockSize < 1 || fileSize < 0) {
      throw new IllegalArgumentException("bad manifest numbers");
    }
  }

  /** The manifest as stored: a properties text with sorted keys. */
  byte[] toBytes() {
    String text =
        "format="
            + FORMAT
            + "\nversion="
            + version
            + "\nwriter="
            + writer
            + "\nsnapshot="
            + snapshotId
            + "\ncreated="
            + created
            + "\nblock-size="
            + blockSize
            + "\nfile-size="
            + fileSize
            + "\nsha256="
            + sha256
            + "\nblocks="
            + String.join(",", blocks)
            + "\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads a stored manifest.
   *
   * @throws QuacklakeException CORRUPT naming {@code where} when it is not a manifest
   */
  static CatalogManifest parse(byte[] bytes, String where) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
      if (!FORMAT.equals(p.getProperty("format"))) {
        throw QuacklakeException.corrupt(
            "%s is not a Quacklake catalog manifest (format '%s', expected '%s')",
            where, p.getProperty("format"), FORMAT);
      }
      String blocks = p.getProperty("blocks", "");
      return new CatalogManifest(
          Long.parseLong(p.getProperty("version")),
          p.getProperty("writer"),
          Long.parseLong(p.getProperty("snapshot")),
          Instant.parse(p.getProperty("created")),
          Integer.parseInt(p.getProperty("block-size")),
          Long.parseLong(p.getProperty("file-size")),
          p.getProperty("sha256"),
          blocks.isEmpty() ? List.of() : Arrays.asList(blocks.split(",")));
    } catch (IOException | RuntimeException e) {
      if (e instanceof QuacklakeException q) {
        throw q;
      }
      throw QuacklakeException.corrupt("catalog manifest %s cannot be read: %s", where, e);
    }
  }
}
