package io.quacklake.internal.catalog.versioned;

import io.quacklake.exceptions.QuacklakeException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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

  /** Bounds on {@code block-size} a manifest may declare (Quacklake writes 256 KiB). */
  static final int MIN_BLOCK_SIZE = 4 * 1024;

  static final int MAX_BLOCK_SIZE = 64 * 1024 * 1024;

  /** The most bytes a manifest may hold: about 250,000 blocks, a 64 GiB database. */
  static final int MAX_BYTES = 16 * 1024 * 1024;

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
   * Reads a stored manifest and checks every field, so that nothing a hostile or damaged manifest
   * says can make a reader touch anything but Quacklake's own block names or allocate more than the
   * manifest's size justifies.
   *
   * @throws QuacklakeException CORRUPT naming {@code where} and the field when it is not a valid
   *     manifest
   */
  static CatalogManifest parse(byte[] bytes, String where) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
    } catch (IOException | IllegalArgumentException e) {
      throw damaged(where, "it is not a properties text (" + e.getMessage() + ")");
    }
    if (!FORMAT.equals(p.getProperty("format"))) {
      throw QuacklakeException.corrupt(
          "%s is not a Quacklake catalog manifest (format '%s', expected '%s'); it was not"
              + " written by Quacklake: restore it from a backup or remove it",
          where, p.getProperty("format"), FORMAT);
    }
    long version = number(p, "version", 1, Long.MAX_VALUE, where);
    String writer = p.getProperty("writer");
    if (writer == null || !writer.matches("[A-Za-z0-9._-]{1,100}")) {
      throw damaged(where, "writer " + quoted(writer) + " is not a writer id");
    }
    long snapshot = number(p, "snapshot", 0, Long.MAX_VALUE, where);
    Instant created;
    try {
      created = Instant.parse(required(p, "created", where));
    } catch (DateTimeParseException e) {
      throw damaged(where, "created " + quoted(p.getProperty("created")) + " is not a timestamp");
    }
    int blockSize = (int) number(p, "block-size", MIN_BLOCK_SIZE, MAX_BLOCK_SIZE, where);
    long fileSize = number(p, "file-size", 0, Long.MAX_VALUE, where);
    String sha256 = required(p, "sha256", where);
    if (!CatalogLayout.isSha256(sha256)) {
      throw damaged(where, "sha256 " + quoted(sha256) + " is not 64 lowercase hex digits");
    }
    String list = required(p, "blocks", where);
    List<String> blocks = list.isEmpty() ? List.of() : Arrays.asList(list.split(",", -1));
    for (int i = 0; i < blocks.size(); i++) {
      if (!CatalogLayout.isSha256(blocks.get(i))) {
        throw damaged(
            where,
            "blocks entry "
                + (i + 1)
                + " "
                + quoted(blocks.get(i))
                + " is not a SHA-256 (64 lowercase hex digits)");
      }
    }
    long expected = fileSize / blockSize + (fileSize % blockSize == 0 ? 0 : 1);
    if (blocks.size() != expected) {
      throw damaged(
          where,
          "it lists "
              + blocks.size()
              + " blocks, but file-size "
              + fileSize
              + " in blocks of "
              + blockSize
              + " bytes needs "
              + expected);
    }
    return new CatalogManifest(
        version, writer, snapshot, created, blockSize, fileSize, sha256, blocks);
  }

  /** The length of block {@code index} (every block but the last is {@link #blockSize} long). */
  int blockLength(int index) {
    return (int) Math.min(blockSize, fileSize - (long) index * blockSize);
  }

  private static long number(Properties p, String key, long min, long max, String where) {
    String text = required(p, key, where);
    try {
      long n = Long.parseLong(text);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw damaged(where, key + " " + quoted(text) + " is not a number from " + min + " to " + max);
  }

  private static String required(Properties p, String key, String where) {
    String value = p.getProperty(key);
    if (value == null) {
      throw damaged(where, "it has no '" + key + "'");
    }
    return value;
  }

  private static String quoted(String value) {
    if (value == null) {
      return "(missing)";
    }
    return "'" + (value.length() > 80 ? value.substring(0, 80) + "..." : value) + "'";
  }

  private static QuacklakeException damaged(String where, String what) {
    return QuacklakeException.corrupt(
        "catalog manifest %s is damaged: %s; it was not written by Quacklake: restore it from a"
            + " backup or remove it",
        where, what);
  }
}
