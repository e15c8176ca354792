package io.quacklake.internal.parquet;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.parquet.column.values.bitpacking.BytePacker;
import org.apache.parquet.column.values.bitpacking.Packer;
import org.apache.parquet.io.ParquetDecodingException;

/**
 * Decodes Parquet's RLE/bit-packed hybrid encoding (definition levels, dictionary ids) many values
 * at a time into an {@code int[]}: runs are filled in one go and bit-packed groups are unpacked by
 * parquet-java's generated packers straight into the output.
 */
final class HybridDecoder {
  private final byte[] bytes;
  private final int end;
  private final int bitWidth;
  private final int byteWidth;
  private final BytePacker packer;
  private final int[] group = new int[8];
  private int[] scratch = new int[0];
  private int position;
  private int runLeft;
  private boolean repeated;
  private int repeatedValue;
  private int groupNext = 8;

  /** Decodes the bytes from the buffer's position to its limit. */
  HybridDecoder(ByteBuffer buffer, int bitWidth) {
    if (bitWidth < 0 || bitWidth > 32) {
      throw new ParquetDecodingException("invalid bit width " + bitWidth);
    }
    if (buffer.hasArray()) {
      this.bytes = buffer.array();
      this.position = buffer.arrayOffset() + buffer.position();
    } else {
      this.bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      this.position = 0;
    }
    this.end = position + buffer.remaining();
    this.bitWidth = bitWidth;
    this.byteWidth = (bitWidth + 7) / 8;
    this.packer = Packer.LITTLE_ENDIAN.newBytePacker(bitWidth);
  }

  /** Reads the next {@code n} values into {@code out[at..at+n)}. */
  void read(int[] out, int at, int n) {
    while (n > 0) {
      if (runLeft == 0) {
        nextRun();
      }
      int k = Math.min(n, runLeft);
      if (repeated) {
        Arrays.fill(out, at, at + k, repeatedValue);
      } else {
        unpack(out, at, k);
      }
      at += k;
      n -= k;
      runLeft -= k;
    }
  }

  /**
   * Reads the next {@code n} definition levels as flags: {@code present[i]} is whether level {@code
   * i} equals {@code maxDef}. Runs are flagged in one go.
   *
   * @return how many of the levels are below {@code maxDef} (nulls)
   */
  int readPresence(boolean[] present, int n, int maxDef) {
    int nulls = 0;
    int at = 0;
    while (at < n) {
      if (runLeft == 0) {
        nextRun();
      }
      int k = Math.min(n - at, runLeft);
      if (repeated) {
        boolean p = repeatedValue == maxDef;
        Arrays.fill(present, at, at + k, p);
        nulls += p ? 0 : k;
      } else {
        if (scratch.length < k) {
          scratch = new int[k];
        }
        unpack(scratch, 0, k);
        for (int i = 0; i < k; i++) {
          boolean p = scratch[i] == maxDef;
          present[at + i] = p;
          nulls += p ? 0 : 1;
        }
      }
      at += k;
      runLeft -= k;
    }
    return nulls;
  }

  private void unpack(int[] out, int at, int k) {
    int done = 0;
    while (done < k) {
      if (groupNext < 8) {
        int c = Math.min(k - done, 8 - groupNext);
        System.arraycopy(group, groupNext, out, at + done, c);
        groupNext += c;
        done += c;
      } else if (k - done >= 8 && position + bitWidth <= end) {
        unpack8(bytes, position, out, at + done);
        position += bitWidth;
        done += 8;
      } else {
        unpackGroup();
      }
    }
  }

  // the generated packers implement the deprecated byte[] overload on the array directly; the
  // ByteBuffer one, its replacement, reads through the buffer on this hot path
  @SuppressWarnings("deprecation")
  private void unpack8(byte[] in, int inPos, int[] out, int outPos) {
    packer.unpack8Values(in, inPos, out, outPos);
  }

  /** Unpacks one group into {@link #group}; a final group cut short by the writer reads as 0s. */
  private void unpackGroup() {
    if (position + bitWidth <= end) {
      unpack8(bytes, position, group, 0);
    } else {
      byte[] padded = new byte[bitWidth];
      System.arraycopy(bytes, position, padded, 0, Math.max(0, end - position));
      unpack8(padded, 0, group, 0);
    }
    position += bitWidth;
    groupNext = 0;
  }

  private void nextRun() {
    int header = readVarInt();
    if ((header & 1) == 0) {
      repeated = true;
      runLeft = header >>> 1;
      if (position + byteWidth > end) {
        throw truncated();
      }
      int v = 0;
      for (int i = 0; i < byteWidth; i++) {
        v |= (bytes[position++] & 0xFF) << (8 * i);
      }
      repeatedValue = v;
    } else {
      repeated = false;
      runLeft = (header >>> 1) * 8;
      groupNext = 8;
    }
    if (runLeft <= 0) {
      throw new ParquetDecodingException("empty run in RLE/bit-packed data");
    }
  }

  private int readVarInt() {
    int value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (position >= end) {
        throw truncated();
      }
      int b = bytes[position++];
      value |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new ParquetDecodingException("run header longer than 5 bytes");
  }

  private ParquetDecodingException truncated() {
    return new ParquetDecodingException("RLE/bit-packed data ends before its last value");
  }
}
