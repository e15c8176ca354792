package io.quacklake.internal.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StatsTextTest {
  private static final LakeColumn TEXT = LakeColumn.of(1, "s", LakeType.of(TypeId.VARCHAR));
  private static final LakeColumn BLOB = LakeColumn.of(2, "b", LakeType.of(TypeId.BLOB));
  private static final LakeColumn LONG = LakeColumn.of(3, "i", LakeType.of(TypeId.INT64));

  @Test
  void shortValuesAndOtherTypesAreKeptExactly() {
    assertThat(StatsText.bounds("abc", "xyz", TEXT))
        .isEqualTo(new StatsText.Bounds("abc", "xyz", true, true));
    String exactly = "q".repeat(256);
    assertThat(StatsText.bounds(exactly, exactly, TEXT))
        .isEqualTo(new StatsText.Bounds(exactly, exactly, true, true));
    assertThat(StatsText.bounds(-5L, 7L, LONG))
        .isEqualTo(new StatsText.Bounds("-5", "7", true, true));
    assertThat(StatsText.bounds(null, null, TEXT))
        .isEqualTo(new StatsText.Bounds(null, null, false, false));
  }

  @Test
  void longTextBecomesAPrefixAndARoundedUpPrefixAsDuckDbWritesThem() {
    String big = "a".repeat(300_000_000 / 1000);
    StatsText.Bounds b = StatsText.bounds(big, big, TEXT);
    assertThat(b.min()).isEqualTo("a".repeat(256));
    assertThat(b.max()).isEqualTo("a".repeat(255) + "b");
    assertThat(b.minExact()).as("a cut bound is not the value").isFalse();
    assertThat(b.maxExact()).isFalse();
  }

  @Test
  void textIsCutAtCharacterBoundariesAndOnlyAsciiBelowDelIsRoundedUp() {
    String accents = "x" + "é".repeat(300);
    StatsText.Bounds b = StatsText.bounds(accents, accents, TEXT);
    assertThat(b.min()).isEqualTo("x" + "é".repeat(127));
    assertThat(b.max()).isEqualTo("y");
    assertThat(b.maxExact()).as("a short rounded-up bound is not the value either").isFalse();
    String tilde = "~".repeat(300);
    assertThat(StatsText.bounds(tilde, tilde, TEXT).max()).isEqualTo("~".repeat(255) + "\u007f");
  }

  @Test
  void maxThatCannotBeRoundedUpLeavesBothBoundsUnknown() {
    String accents = "é".repeat(300);
    assertThat(StatsText.bounds("a", accents, TEXT))
        .isEqualTo(new StatsText.Bounds(null, null, false, false));
    byte[] ff = new byte[300];
    Arrays.fill(ff, (byte) 0xFF);
    assertThat(StatsText.bounds(new byte[] {0}, ff, BLOB))
        .isEqualTo(new StatsText.Bounds(null, null, false, false));
  }

  @Test
  void longBlobsAreHexOfAtMost256Bytes() {
    byte[] blob = new byte[1000];
    Arrays.fill(blob, (byte) 0xFF);
    blob[10] = 0x41;
    StatsText.Bounds b = StatsText.bounds(blob, blob, BLOB);
    assertThat(b.min()).hasSize(512).startsWith("FFFF").isEqualTo(hex(Arrays.copyOf(blob, 256)));
    assertThat(b.max()).isEqualTo("FF".repeat(10) + "42");
  }

  @Test
  void randomValuesStayBetweenTheirBounds() {
    long seed = 20_260_807L;
    Random random = new Random(seed);
    for (int i = 0; i < 500; i++) {
      String v = randomText(random, random.nextInt(600));
      StatsText.Bounds b = StatsText.bounds(v, v, TEXT);
      byte[] value = utf8(v);
      if (b.max() == null) {
        assertThat(b.min()).isNull();
        continue;
      }
      assertThat(utf8(b.min()).length).as("seed %d value %d", seed, i).isLessThanOrEqualTo(256);
      assertThat(utf8(b.max()).length).as("seed %d value %d", seed, i).isLessThanOrEqualTo(256);
      assertThat(Arrays.compareUnsigned(utf8(b.min()), value)).isLessThanOrEqualTo(0);
      assertThat(Arrays.compareUnsigned(utf8(b.max()), value)).isGreaterThanOrEqualTo(0);
    }
  }

  private static String randomText(Random random, int length) {
    StringBuilder sb = new StringBuilder();
    int[] pool = {'a', '~', 0x7F, 0xE9, 0x4E2D, 0x1F600};
    for (int i = 0; i < length; i++) {
      sb.appendCodePoint(pool[random.nextInt(pool.length)]);
    }
    return sb.toString();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String hex(byte[] b) {
    return HexFormat.of().withUpperCase().formatHex(b);
  }
}
