package io.quacklake.internal.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Random;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.io.ParquetDecodingException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bulk RLE/bit-packed decoder returns exactly what parquet-java's encoder was given. */
class HybridDecoderTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 5, 8, 11, 16, 20, 32})
  void decodesWhatParquetJavaEncodes(int bitWidth) throws Exception {
    Random random = new Random(bitWidth);
    int[] values = values(random, bitWidth, 50_000);
    ByteBuffer encoded = encode(values, bitWidth);
    HybridDecoder decoder = new HybridDecoder(encoded, bitWidth);
    int[] out = new int[values.length];
    int at = 0;
    while (at < values.length) {
      int n = Math.min(values.length - at, 1 + random.nextInt(3000));
      decoder.read(out, at, n);
      at += n;
    }
    assertThat(out).isEqualTo(values);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void readsDefinitionLevelsAsPresenceFlags(int maxDef) throws Exception {
    Random random = new Random(maxDef);
    int bitWidth = 32 - Integer.numberOfLeadingZeros(maxDef);
    int[] levels = values(random, bitWidth, 20_000);
    for (int i = 0; i < levels.length; i++) {
      levels[i] = Math.min(levels[i], maxDef);
    }
    HybridDecoder decoder = new HybridDecoder(encode(levels, bitWidth), bitWidth);
    int at = 0;
    boolean[] present = new boolean[4096];
    while (at < levels.length) {
      int n = Math.min(levels.length - at, 1 + random.nextInt(4096));
      int nulls = decoder.readPresence(present, n, maxDef);
      int expectedNulls = 0;
      for (int i = 0; i < n; i++) {
        assertThat(present[i]).as("level %d", at + i).isEqualTo(levels[at + i] == maxDef);
        expectedNulls += levels[at + i] == maxDef ? 0 : 1;
      }
      assertThat(nulls).isEqualTo(expectedNulls);
      at += n;
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7})
  void dataCutShortIsADecodingError(int bitWidth) throws Exception {
    int[] values = new int[100];
    ByteBuffer encoded = encode(values, bitWidth);
    encoded.limit(1);
    HybridDecoder decoder = new HybridDecoder(encoded, bitWidth);
    assertThatThrownBy(() -> decoder.read(new int[100], 0, 100))
        .isInstanceOf(ParquetDecodingException.class);
  }

  /** Long runs of one value mixed with stretches of random values (both run kinds). */
  private static int[] values(Random random, int bitWidth, int count) {
    long bound = bitWidth == 0 ? 1 : 1L << Math.min(bitWidth, 31);
    int[] v = new int[count];
    int i = 0;
    while (i < count) {
      int len = Math.min(count - i, 1 + random.nextInt(200));
      if (random.nextBoolean()) {
        int value = (int) (random.nextLong() & (bound - 1));
        for (int k = 0; k < len; k++) {
          v[i++] = value;
        }
      } else {
        for (int k = 0; k < len; k++) {
          v[i++] = bitWidth == 32 ? random.nextInt() : (int) (random.nextLong() & (bound - 1));
        }
      }
    }
    return v;
  }

  private static ByteBuffer encode(int[] values, int bitWidth) throws Exception {
    try (RunLengthBitPackingHybridEncoder encoder =
        new RunLengthBitPackingHybridEncoder(
            bitWidth, 64, 1 << 20, new HeapByteBufferAllocator())) {
      for (int v : values) {
        encoder.writeInt(v);
      }
      return ByteBuffer.wrap(encoder.toBytes().toInputStream().readAllBytes());
    }
  }
}
