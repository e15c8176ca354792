package io.quacklake.internal.catalog.versioned;

import io.quacklake.exceptions.QuacklakeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The pages one version of the database file changed relative to the version before it, the way a
 * write-ahead log ships them: each changed page XOR its old content (so the few bytes SQLite
 * changed in a page leave long runs of zeros), deflated. A delta names the sizes of the file before
 * and after, and is applied only where the manifest expects exactly those; the manifest's checksum
 * of the whole result is checked by the caller.
 *
 * <p>Layout: the magic {@code QLPDELTA}, a format byte (1), the page size (int), the base and the
 * new file size (longs), then a deflate stream of entries: page index (long, strictly ascending,
 * below the new size), then that page's bytes XOR the base's (zero beyond the base's end), as long
 * as the page is in the new file; index -1 ends it.
 */
final class PageDelta {
  /** SQLite's default page size: the unit a delta records. */
  static final int PAGE_SIZE = 4096;

  private static final byte[] MAGIC = "QLPDELTA".getBytes(StandardCharsets.US_ASCII);
  private static final int FORMAT = 1;
  private static final int MIN_PAGE = 512;
  private static final int MAX_PAGE = 64 * 1024;

  /**
   * A delta and what it makes.
   *
   * @param bytes the stored delta
   * @param size the new file's length
   * @param sha256 the SHA-256 of the new file, hex
   * @param baseSha256 the SHA-256 of the base file, hex
   * @param pages how many pages changed
   */
  record Diff(byte[] bytes, long size, String sha256, String baseSha256, int pages) {}

  private PageDelta() {}

  /**
   * The delta that turns {@code base} into {@code next}, with both files' checksums, or null as
   * soon as it grows past {@code limit} bytes (the commit then writes an image).
   */
  static Diff between(Path base, Path next, long limit) throws IOException {
    long baseSize = Files.size(base);
    long nextSize = Files.size(next);
    MessageDigest whole = Blocks.sha256();
    MessageDigest baseWhole = Blocks.sha256();
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    buffer.write(MAGIC);
    DataOutputStream header = new DataOutputStream(buffer);
    header.writeByte(FORMAT);
    header.writeInt(PAGE_SIZE);
    header.writeLong(baseSize);
    header.writeLong(nextSize);
    header.flush();
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    int pages = 0;
    try (InputStream oldIn = Files.newInputStream(base);
        InputStream newIn = Files.newInputStream(next);
        DataOutputStream out =
            new DataOutputStream(new DeflaterOutputStream(buffer, deflater, 64 * 1024))) {
      byte[] oldPage = new byte[PAGE_SIZE];
      byte[] newPage = new byte[PAGE_SIZE];
      for (long index = 0; index * PAGE_SIZE < nextSize; index++) {
        int length = newIn.readNBytes(newPage, 0, PAGE_SIZE);
        whole.update(newPage, 0, length);
        int oldLength = oldIn.readNBytes(oldPage, 0, PAGE_SIZE);
        baseWhole.update(oldPage, 0, oldLength);
        Arrays.fill(oldPage, oldLength, PAGE_SIZE, (byte) 0);
        if (oldLength >= length && Arrays.equals(oldPage, 0, length, newPage, 0, length)) {
          continue;
        }
        pages++;
        out.writeLong(index);
        for (int i = 0; i < length; i++) {
          newPage[i] ^= oldPage[i];
        }
        out.write(newPage, 0, length);
        if (buffer.size() > limit) {
          return null;
        }
      }
      out.writeLong(-1);
      byte[] rest = new byte[PAGE_SIZE];
      int n;
      while ((n = oldIn.read(rest)) > 0) {
        baseWhole.update(rest, 0, n);
      }
    } finally {
      deflater.end();
    }
    byte[] bytes = buffer.toByteArray();
    if (bytes.length > limit) {
      return null;
    }
    return new Diff(
        bytes, nextSize, Blocks.hex(whole.digest()), Blocks.hex(baseWhole.digest()), pages);
  }

  /**
   * Applies a delta to {@code file} in place.
   *
   * @param sizeAfter the length the manifest says the result has
   * @throws QuacklakeException CORRUPT naming {@code what} when it is not a delta, or not one from
   *     a file of this length to one of {@code sizeAfter}
   */
  static void apply(byte[] delta, Path file, long sizeAfter, String what) throws IOException {
    DataInputStream header = new DataInputStream(new ByteArrayInputStream(delta));
    byte[] magic = new byte[MAGIC.length];
    long baseSize;
    long nextSize;
    int pageSize;
    try {
      header.readFully(magic);
      if (!Arrays.equals(magic, MAGIC) || header.readUnsignedByte() != FORMAT) {
        throw damaged(what, "it is not a Quacklake page delta");
      }
      pageSize = header.readInt();
      baseSize = header.readLong();
      nextSize = header.readLong();
    } catch (EOFException e) {
      throw damaged(what, "it ends inside its header");
    }
    if (pageSize < MIN_PAGE || pageSize > MAX_PAGE || nextSize < 0 || baseSize < 0) {
      throw damaged(what, "its header is out of range");
    }
    if (nextSize != sizeAfter) {
      throw damaged(
          what, "it makes a file of " + nextSize + " bytes, its manifest says " + sizeAfter);
    }
    long actual = Files.size(file);
    if (actual != baseSize) {
      throw damaged(
          what, "it applies to a file of " + baseSize + " bytes, the one before it has " + actual);
    }
    Inflater inflater = new Inflater();
    int offset = MAGIC.length + 1 + 4 + 8 + 8;
    try (DataInputStream in =
            new DataInputStream(
                new InflaterInputStream(
                    new ByteArrayInputStream(delta, offset, delta.length - offset), inflater));
        RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      byte[] page = new byte[pageSize];
      byte[] old = new byte[pageSize];
      long previous = -1;
      while (true) {
        long index = in.readLong();
        if (index == -1) {
          break;
        }
        if (index <= previous || index >= (nextSize + pageSize - 1) / pageSize) {
          throw damaged(what, "page " + index + " is out of order or past the file's end");
        }
        previous = index;
        long position = index * pageSize;
        int length = (int) Math.min(pageSize, nextSize - position);
        in.readFully(page, 0, length);
        int oldLength = (int) Math.max(0, Math.min(length, baseSize - position));
        raf.seek(position);
        raf.readFully(old, 0, oldLength);
        for (int i = 0; i < oldLength; i++) {
          page[i] ^= old[i];
        }
        raf.seek(position);
        raf.write(page, 0, length);
      }
      raf.setLength(nextSize);
    } catch (EOFException | java.util.zip.ZipException e) {
      throw damaged(what, "its pages are cut short or not deflated (" + e.getMessage() + ")");
    } finally {
      inflater.end();
    }
  }

  private static QuacklakeException damaged(String what, String why) {
    return QuacklakeException.corrupt(
        "catalog delta %s is damaged: %s; restore an earlier catalog version", what, why);
  }
}
