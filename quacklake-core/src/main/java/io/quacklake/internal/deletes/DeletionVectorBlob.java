package io.quacklake.internal.deletes;

import io.quacklake.exceptions.QuacklakeException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.roaringbitmap.RoaringBitmap;

/**
 * Iceberg's {@code deletion-vector-v1} blob as DuckDB writes it (spec §5.6): a 4-byte big-endian
 * length (magic plus bitmaps), the magic {@code D1 D3 39 64}, an 8-byte little-endian bitmap count,
 * per bitmap a 4-byte little-endian key (the positions' high 32 bits) and a Roaring bitmap in the
 * portable serialization (the low 32 bits), then a 4-byte big-endian CRC-32 of magic and bitmaps.
 */
final class DeletionVectorBlob {
  private static final byte[] MAGIC = {(byte) 0xD1, (byte) 0xD3, 0x39, 0x64};

  private DeletionVectorBlob() {}

  /** The blob of strictly ascending, non-negative positions. */
  static byte[] encode(long[] positions) {
    List<Integer> keys = new ArrayList<>();
    List<RoaringBitmap> bitmaps = new ArrayList<>();
    int i = 0;
    while (i < positions.length) {
      int key = (int) (positions[i] >>> 32);
      RoaringBitmap bitmap = new RoaringBitmap();
      while (i < positions.length && (int) (positions[i] >>> 32) == key) {
        bitmap.add((int) positions[i]);
        i++;
      }
      keys.add(key);
      bitmaps.add(bitmap);
    }
    int body = MAGIC.length + 8;
    for (RoaringBitmap b : bitmaps) {
      body += 4 + b.serializedSizeInBytes();
    }
    ByteBuffer out = ByteBuffer.allocate(4 + body + 4);
    out.order(ByteOrder.BIG_ENDIAN).putInt(body);
    out.put(MAGIC);
    out.order(ByteOrder.LITTLE_ENDIAN).putLong(bitmaps.size());
    for (int k = 0; k < bitmaps.size(); k++) {
      out.putInt(keys.get(k));
      bitmaps.get(k).serialize(out);
    }
    CRC32 crc = new CRC32();
    crc.update(out.array(), 4, body);
    out.order(ByteOrder.BIG_ENDIAN).putInt((int) crc.getValue());
    return out.array();
  }

  /**
   * The positions of the blob at {@code offset}, strictly ascending.
   *
   * @throws QuacklakeException CORRUPT naming {@code location} when the blob is malformed
   */
  static long[] decode(byte[] data, int offset, int length, String location) {
    if (length < 4 + MAGIC.length + 8 + 4 || offset < 0 || (long) offset + length > data.length) {
      throw corrupt(location, "the blob at offset %d (length %d) is cut short", offset, length);
    }
    ByteBuffer in = ByteBuffer.wrap(data, offset, length).slice();
    int body = in.order(ByteOrder.BIG_ENDIAN).getInt();
    if (body != length - 8) {
      throw corrupt(
          location, "its length field says %d bytes but the blob has %d", body, length - 8);
    }
    byte[] magic = new byte[MAGIC.length];
    in.get(magic);
    if (!Arrays.equals(magic, MAGIC)) {
      throw corrupt(location, "the deletion-vector magic D1D33964 is missing");
    }
    CRC32 crc = new CRC32();
    crc.update(data, offset + 4, body);
    int stored = ByteBuffer.wrap(data, offset + 4 + body, 4).order(ByteOrder.BIG_ENDIAN).getInt();
    if (stored != (int) crc.getValue()) {
      throw corrupt(location, "its CRC-32 does not match its content");
    }
    in.order(ByteOrder.LITTLE_ENDIAN);
    long count = in.getLong();
    if (count < 0 || count > body) {
      throw corrupt(location, "it claims %d bitmaps", count);
    }
    long[][] parts = new long[(int) count][];
    long[] keys = new long[(int) count];
    int total = 0;
    try {
      for (int k = 0; k < count; k++) {
        keys[k] = Integer.toUnsignedLong(in.getInt());
        RoaringBitmap bitmap = new RoaringBitmap();
        ByteBuffer rest = in.slice().order(ByteOrder.LITTLE_ENDIAN);
        bitmap.deserialize(rest);
        in.position(in.position() + bitmap.serializedSizeInBytes());
        long[] low = new long[bitmap.getCardinality()];
        int n = 0;
        for (org.roaringbitmap.IntIterator it = bitmap.getIntIterator(); it.hasNext(); ) {
          low[n++] = (keys[k] << 32) | Integer.toUnsignedLong(it.next());
        }
        parts[k] = low;
        total += n;
      }
    } catch (java.io.IOException | RuntimeException e) {
      throw corrupt(location, "a bitmap does not decode (%s)", e.getMessage());
    }
    if (in.position() != 4 + body) {
      throw corrupt(location, "%d bytes follow its last bitmap", 4 + body - in.position());
    }
    long[] out = new long[total];
    int n = 0;
    for (long[] p : parts) {
      System.arraycopy(p, 0, out, n, p.length);
      n += p.length;
    }
    // DuckDB writes the bitmaps in hash order: sort by position
    Arrays.sort(out);
    return out;
  }

  private static QuacklakeException corrupt(String location, String why, Object... args) {
    return QuacklakeException.corrupt(
        "deletion vector %s is malformed: %s", location, String.format(why, args));
  }
}
