package io.quacklake.internal.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Random;
import org.apache.commons.codec.digest.MurmurHash3;
import org.junit.jupiter.api.Test;

/**
 * DuckDB's bucket hash. Where DuckDB and Iceberg hash the same bytes (8-byte little-endian longs
 * for integers, dates, times and timestamps in micros; UTF-8 strings; raw binary; doubles), the
 * Iceberg specification's published test vectors must come out; where they differ (decimals),
 * DuckDB's rule (the unscaled value as a long) must, and Iceberg's must not.
 */
class BucketHashTest {
  private static LakeColumn column(TypeId type) {
    return LakeColumn.of(1, "c", LakeType.of(type));
  }

  @Test
  void icebergTestVectorsForSharedEncodings() {
    assertThat(BucketHash.hash(34L, column(TypeId.INT32))).isEqualTo(2017239379);
    assertThat(BucketHash.hash(34L, column(TypeId.INT64))).isEqualTo(2017239379);
    assertThat(BucketHash.hash(LocalDate.of(2017, 11, 16), column(TypeId.DATE)))
        .isEqualTo(-653330422);
    assertThat(BucketHash.hash(LocalTime.of(22, 31, 8), column(TypeId.TIME))).isEqualTo(-662762989);
    assertThat(BucketHash.hash(LocalDateTime.of(2017, 11, 16, 22, 31, 8), column(TypeId.TIMESTAMP)))
        .isEqualTo(-2047944441);
    assertThat(
            BucketHash.hash(Instant.parse("2017-11-16T14:31:08-08:00"), column(TypeId.TIMESTAMPTZ)))
        .isEqualTo(-2047944441);
    assertThat(BucketHash.hash("iceberg", column(TypeId.VARCHAR))).isEqualTo(1210000089);
    assertThat(BucketHash.hash(new byte[] {0, 1, 2, 3}, column(TypeId.BLOB))).isEqualTo(-188683207);
    assertThat(BucketHash.hash(1.0, column(TypeId.FLOAT32))).isEqualTo(-142385009);
    assertThat(BucketHash.hash(1.0, column(TypeId.FLOAT64))).isEqualTo(-142385009);
  }

  @Test
  void decimalsHashTheirUnscaledLongNotIcebergsBytes() {
    LakeColumn decimal = LakeColumn.of(1, "d", LakeType.decimal(4, 2));
    int h = BucketHash.hash(new BigDecimal("14.20"), decimal);
    assertThat(h).isNotEqualTo(-500754589).isEqualTo(BucketHash.hash(1420L, column(TypeId.INT64)));
  }

  @Test
  void wideTypesHashTheirDuckDbText() {
    java.util.UUID uuid = java.util.UUID.fromString("f79c3e09-677c-4d38-ba8e-52a6e0a4b9c8");
    byte[] text = "f79c3e09-677c-4d38-ba8e-52a6e0a4b9c8".getBytes(StandardCharsets.UTF_8);
    assertThat(BucketHash.hash(uuid, column(TypeId.UUID)))
        .isEqualTo(MurmurHash3.hash32x86(text, 0, text.length, 0));
  }

  @Test
  void negativeZeroAndTimeUnits() {
    assertThat(BucketHash.hash(-0.0, column(TypeId.FLOAT64)))
        .isEqualTo(BucketHash.hash(0.0, column(TypeId.FLOAT64)));
    LocalDateTime t = LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000);
    assertThat(BucketHash.hash(t, column(TypeId.TIMESTAMP)))
        .isEqualTo(BucketHash.hash(-1L, column(TypeId.INT64)));
    assertThat(BucketHash.hash(t, column(TypeId.TIMESTAMP_S)))
        .isEqualTo(BucketHash.hash(-1L, column(TypeId.INT64)));
    assertThat(BucketHash.hash(t, column(TypeId.TIMESTAMP_MS)))
        .isEqualTo(BucketHash.hash(-1L, column(TypeId.INT64)));
    assertThat(BucketHash.hash(t, column(TypeId.TIMESTAMP_NS)))
        .isEqualTo(BucketHash.hash(-1000L, column(TypeId.INT64)));
  }

  @Test
  void bucketsAreInRangeAndMatchTheFormula() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    for (int i = 0; i < 10_000; i++) {
      long v = random.nextLong();
      int n = 1 + random.nextInt(1000);
      byte[] b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
      int expected = (MurmurHash3.hash32x86(b, 0, 8, 0) & 0x7FFFFFFF) % n;
      assertThat(BucketHash.bucket(v, column(TypeId.INT64), n))
          .as("seed %d value %d buckets %d", seed, v, n)
          .isEqualTo(expected)
          .isBetween(0, n - 1);
    }
  }

  @Test
  void partitionKeyValidatesBucketTransforms() {
    PartitionKey key = new PartitionKey(0, column(TypeId.INT64), "bucket(16)");
    assertThat(key.hiveKey()).isEqualTo("bucket");
    assertThat(key.value(34L)).isEqualTo(Integer.toString((2017239379 & 0x7FFFFFFF) % 16));
    assertThat(key.value(null)).isNull();
    assertThatThrownBy(() -> new PartitionKey(0, column(TypeId.INT64), "bucket(0)"))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("bucket count");
    assertThatThrownBy(() -> new PartitionKey(0, column(TypeId.INT64), "truncate(3)"))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("bucket(N)");
    assertThatThrownBy(() -> new PartitionKey(0, column(TypeId.INTERVAL), "bucket(4)"))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("cannot be bucketed");
  }
}
