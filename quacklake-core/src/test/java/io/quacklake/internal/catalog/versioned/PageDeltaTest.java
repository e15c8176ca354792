package io.quacklake.internal.catalog.versioned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Page deltas turn exactly the file they were made from into the new one, and nothing else. */
class PageDeltaTest {
  private static final int PAGE = PageDelta.PAGE_SIZE;

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void applyingTheDeltaGivesTheNewFile(int seed) throws IOException {
    Random random = new Random(seed);
    byte[] base = new byte[random.nextInt(40) * PAGE + random.nextInt(2) * random.nextInt(PAGE)];
    random.nextBytes(base);
    byte[] next = edit(base, random);
    Path baseFile = write("base", base);
    Path nextFile = write("next", next);

    PageDelta.Diff diff = PageDelta.between(baseFile, nextFile, Long.MAX_VALUE);
    PageDelta.apply(diff.bytes(), baseFile, next.length, "test");

    assertThat(Files.readAllBytes(baseFile)).isEqualTo(next);
    assertThat(diff.size()).isEqualTo(next.length);
    assertThat(diff.sha256()).isEqualTo(Blocks.hex(Blocks.sha256().digest(next)));
    assertThat(diff.baseSha256()).isEqualTo(Blocks.hex(Blocks.sha256().digest(base)));
  }

  @Test
  void aFewChangedBytesCostAFewBytes() throws IOException {
    byte[] base = new byte[2000 * PAGE];
    new Random(3).nextBytes(base);
    byte[] next = base.clone();
    for (int page : new int[] {0, 17, 1999}) {
      next[page * PAGE + 100] ^= 1;
      next[page * PAGE + 101] ^= 2;
    }
    PageDelta.Diff diff =
        PageDelta.between(write("base", base), write("next", next), Long.MAX_VALUE);

    assertThat(diff.pages()).isEqualTo(3);
    assertThat(diff.bytes().length).isLessThan(200);
  }

  @Test
  void equalFilesGiveAnEmptyDelta() throws IOException {
    byte[] base = new byte[5 * PAGE];
    new Random(4).nextBytes(base);
    Path file = write("base", base);
    PageDelta.Diff diff = PageDelta.between(file, write("same", base), Long.MAX_VALUE);

    assertThat(diff.pages()).isZero();
    PageDelta.apply(diff.bytes(), file, base.length, "test");
    assertThat(Files.readAllBytes(file)).isEqualTo(base);
  }

  @Test
  void aDeltaForAnotherBaseIsRefused() throws IOException {
    byte[] base = new byte[3 * PAGE];
    byte[] next = new byte[4 * PAGE];
    Arrays.fill(next, (byte) 7);
    PageDelta.Diff diff =
        PageDelta.between(write("base", base), write("next", next), Long.MAX_VALUE);
    Path other = write("other", new byte[2 * PAGE]);

    assertThatThrownBy(() -> PageDelta.apply(diff.bytes(), other, 4 * PAGE, "d1"))
        .isInstanceOfSatisfying(
            QuacklakeException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CORRUPT))
        .hasMessageContaining("catalog delta d1 is damaged")
        .hasMessageContaining("applies to a file of 12288 bytes, the one before it has 8192");
  }

  @Test
  void damagedDeltasAreCorrupt() throws IOException {
    byte[] base = new byte[3 * PAGE];
    byte[] next = new byte[3 * PAGE];
    new Random(5).nextBytes(next);
    byte[] delta =
        PageDelta.between(write("base", base), write("next", next), Long.MAX_VALUE).bytes();

    byte[] cut = Arrays.copyOf(delta, delta.length / 2);
    assertCorrupt(cut, "cut short");
    byte[] notDelta = delta.clone();
    notDelta[0] = 'X';
    assertCorrupt(notDelta, "not a Quacklake page delta");
    assertCorrupt(Arrays.copyOf(delta, 10), "inside its header");
  }

  @Test
  void aDeltaMakingAnotherSizeThanItsManifestSaysIsRefused() throws IOException {
    byte[] base = new byte[3 * PAGE];
    byte[] next = new byte[3 * PAGE];
    next[5] = 1;
    byte[] delta =
        PageDelta.between(write("base", base), write("next", next), Long.MAX_VALUE).bytes();
    Path file = write("target", base);

    assertThatThrownBy(() -> PageDelta.apply(delta, file, 1L << 40, "d"))
        .isInstanceOfSatisfying(
            QuacklakeException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CORRUPT))
        .hasMessageContaining("it makes a file of 12288 bytes, its manifest says 1099511627776");
    assertThat(Files.size(file)).isEqualTo(3 * PAGE);
  }

  @Test
  void aDeltaPastItsLimitIsNotBuilt() throws IOException {
    byte[] base = new byte[100 * PAGE];
    byte[] next = new byte[100 * PAGE];
    new Random(6).nextBytes(next);

    assertThat(PageDelta.between(write("base", base), write("next", next), 64 * 1024)).isNull();
  }

  private void assertCorrupt(byte[] delta, String message) throws IOException {
    Path file = write("target", new byte[3 * PAGE]);
    assertThatThrownBy(() -> PageDelta.apply(delta, file, 3 * PAGE, "d"))
        .isInstanceOfSatisfying(
            QuacklakeException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CORRUPT))
        .hasMessageContaining(message);
  }

  /** Changes some pages, and sometimes grows or shrinks the file. */
  private static byte[] edit(byte[] base, Random random) {
    int size =
        switch (random.nextInt(3)) {
          case 0 -> base.length;
          case 1 -> base.length + random.nextInt(5 * PAGE);
          default -> random.nextInt(base.length + 1);
        };
    byte[] next = Arrays.copyOf(base, size);
    for (int i = size > base.length ? base.length : size; i < size; i++) {
      next[i] = (byte) random.nextInt();
    }
    for (int k = random.nextInt(6); k > 0 && size > 0; k--) {
      next[random.nextInt(size)] ^= (byte) (1 + random.nextInt(255));
    }
    return next;
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(temp.resolve(name), bytes);
  }
}
