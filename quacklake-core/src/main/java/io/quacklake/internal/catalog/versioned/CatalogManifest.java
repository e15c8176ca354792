package io.quacklake.internal.catalog.versioned;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * One immutable version of the catalog database: an image of the file as blocks in order, by
 * SHA-256, and the chain of page deltas (by SHA-256) that turns the image into this version (empty
 * for a version that is an image itself). Image-only versions are stored in format 1, which every
 * Quacklake reads; versions with deltas in format 2.
 *
 * @param version N, counting from 1 (the new, empty catalog)
 * @param writer a unique id of the commit attempt that created it (resolves ambiguous creates)
 * @param snapshotId the newest DuckLake snapshot the database holds
 * @param created when it was published
 * @param blockSize the block length in bytes (the last block may be shorter)
 * @param fileSize the database file's length
 * @param sha256 the SHA-256 of the whole file, hex
 * @param blocks the SHA-256 of each block of the image, hex, in file order
 * @param imageSize the image's length (the file's when there are no deltas)
 * @param deltas the deltas applied to the image, oldest first
 */
public record CatalogManifest(
    long version,
    String writer,
    long snapshotId,
    Instant created,
    int blockSize,
    long fileSize,
    String sha256,
    List<String> blocks,
    long imageSize,
    List<Delta> deltas) {
  static final String FORMAT = "quacklake-catalog-manifest/1";

  static final String FORMAT_WITH_DELTAS = "quacklake-catalog-manifest/2";

  private static final String FORMAT_FAMILY = "quacklake-catalog-manifest/";

  /** The most deltas a manifest may chain (Quacklake writes far fewer, see {@link DeltaPolicy}). */
  static final int MAX_DELTAS = 10_000;

  /** The largest delta a manifest may name. */
  static final int MAX_DELTA_BYTES = 64 * 1024 * 1024;

  /** The largest database a manifest may describe (what {@link #MAX_BYTES} of blocks lists). */
  static final long MAX_FILE_SIZE = 64L << 30;

  /**
   * One page delta of the chain.
   *
   * @param sha256 its name: the SHA-256 of its bytes, hex
   * @param size its length in bytes
   * @param sizeAfter the database file's length once it is applied
   */
  record Delta(String sha256, int size, long sizeAfter) {
    Delta {
      Objects.requireNonNull(sha256, "sha256 is null");
    }
  }

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
    deltas = List.copyOf(deltas);
    if (version < 1 || blockSize < 1 || fileSize < 0 || imageSize < 0) {
      throw new IllegalArgumentException("bad manifest numbers");
    }
    if (deltas.isEmpty() && imageSize != fileSize) {
      throw new IllegalArgumentException("an image-only version's image is the file");
    }
  }

  /** A version that is an image: its blocks are the file. */
  CatalogManifest(
      long version,
      String writer,
      long snapshotId,
      Instant created,
      int blockSize,
      long fileSize,
      String sha256,
      List<String> blocks) {
    this(
        version,
        writer,
        snapshotId,
        created,
        blockSize,
        fileSize,
        sha256,
        blocks,
        fileSize,
        List.of());
  }

  /** Every stored object this version needs: the image's blocks, then the deltas. */
  public List<String> objects() {
    List<String> out = new ArrayList<>(blocks);
    deltas.forEach(d -> out.add(d.sha256()));
    return out;
  }

  /** The bytes of all deltas together. */
  long deltaBytes() {
    return deltas.stream().mapToLong(Delta::size).sum();
  }

  /**
   * The next version: {@code this} version's image with one more delta.
   *
   * @param fileSize the new file's length
   * @param sha256 the new file's SHA-256
   */
  CatalogManifest withDelta(
      String writer, long snapshotId, Instant created, Delta delta, long fileSize, String sha256) {
    List<Delta> chain = new ArrayList<>(deltas);
    chain.add(delta);
    return new CatalogManifest(
        version + 1,
        writer,
        snapshotId,
        created,
        blockSize,
        fileSize,
        sha256,
        blocks,
        imageSize,
        chain);
  }

  /** Whether {@code later} is this version's image with more deltas after this one's. */
  boolean continuedBy(CatalogManifest later) {
    return blocks.equals(later.blocks)
        && imageSize == later.imageSize
        && later.deltas.size() > deltas.size()
        && later.deltas.subList(0, deltas.size()).equals(deltas);
  }

  /** The manifest as stored: a properties text with sorted keys. */
  byte[] toBytes() {
    String text =
        "format="
            + (deltas.isEmpty() ? FORMAT : FORMAT_WITH_DELTAS)
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
            + "\n"
            + (deltas.isEmpty() ? "" : deltaLines());
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private String deltaLines() {
    StringBuilder list = new StringBuilder();
    for (Delta d : deltas) {
      list.append(list.isEmpty() ? "" : ",")
          .append(d.sha256())
          .append(':')
          .append(d.size())
          .append(':')
          .append(d.sizeAfter());
    }
    return "image-size=" + imageSize + "\ndeltas=" + list + "\n";
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
    String format = p.getProperty("format");
    boolean withDeltas = FORMAT_WITH_DELTAS.equals(format);
    if (format != null
        && format.matches(java.util.regex.Pattern.quote(FORMAT_FAMILY) + "[3-9][0-9]{0,5}")) {
      throw new QuacklakeException(
          ErrorKind.UNSUPPORTED,
          String.format(
              "catalog manifest %s is in format '%s', which a newer Quacklake wrote; upgrade"
                  + " Quacklake to open this lake",
              where, format));
    }
    if (!withDeltas && !FORMAT.equals(format)) {
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
    long fileSize = number(p, "file-size", 0, MAX_FILE_SIZE, where);
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
    long imageSize = withDeltas ? number(p, "image-size", 0, MAX_FILE_SIZE, where) : fileSize;
    List<Delta> deltas = withDeltas ? deltas(required(p, "deltas", where), where) : List.of();
    if (!deltas.isEmpty() && deltas.get(deltas.size() - 1).sizeAfter() != fileSize) {
      throw damaged(
          where, "its last delta makes a file of a size other than file-size " + fileSize);
    }
    long expected = imageSize / blockSize + (imageSize % blockSize == 0 ? 0 : 1);
    if (blocks.size() != expected) {
      throw damaged(
          where,
          "it lists "
              + blocks.size()
              + " blocks, but "
              + (withDeltas ? "image-size " : "file-size ")
              + imageSize
              + " in blocks of "
              + blockSize
              + " bytes needs "
              + expected);
    }
    return new CatalogManifest(
        version, writer, snapshot, created, blockSize, fileSize, sha256, blocks, imageSize, deltas);
  }

  private static List<Delta> deltas(String list, String where) {
    if (list.isEmpty()) {
      throw damaged(where, "format 2 without deltas");
    }
    String[] entries = list.split(",", -1);
    if (entries.length > MAX_DELTAS) {
      throw damaged(where, "it chains " + entries.length + " deltas, more than " + MAX_DELTAS);
    }
    List<Delta> out = new ArrayList<>(entries.length);
    for (int i = 0; i < entries.length; i++) {
      String[] parts = entries[i].split(":", -1);
      long size = -1;
      long after = -1;
      if (parts.length == 3
          && CatalogLayout.isSha256(parts[0])
          && parts[1].matches("[0-9]{1,9}")
          && parts[2].matches("[0-9]{1,12}")) {
        size = Long.parseLong(parts[1]);
        after = Long.parseLong(parts[2]);
      }
      if (size < 1 || size > MAX_DELTA_BYTES || after < 0 || after > MAX_FILE_SIZE) {
        throw damaged(
            where,
            "deltas entry "
                + (i + 1)
                + " "
                + quoted(entries[i])
                + " is not a SHA-256, a size from 1 to "
                + MAX_DELTA_BYTES
                + " and a file size up to "
                + MAX_FILE_SIZE);
      }
      out.add(new Delta(parts[0], (int) size, after));
    }
    return out;
  }

  /** The length of block {@code index} (every block but the last is {@link #blockSize} long). */
  int blockLength(int index) {
    return (int) Math.min(blockSize, imageSize - (long) index * blockSize);
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
