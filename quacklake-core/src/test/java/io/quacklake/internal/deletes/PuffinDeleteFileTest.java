package io.quacklake.internal.deletes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.parquet.PositionDeleteFile.Deletes;
import io.quacklake.internal.storage.LocalObjectStore;
import io.quacklake.storage.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PuffinDeleteFileTest {
  @TempDir Path temp;
  private final LocalObjectStore store = new LocalObjectStore();

  @Test
  void aBareBlobKeepsPositionsBeyondFourBillion() {
    long[] positions = {0, 5, 65_536, (1L << 32) - 1, 1L << 32, (3L << 32) + 7};
    Location at = Location.of(temp.resolve("bare.puffin").toString());
    PuffinDeleteFile.Written w =
        PuffinDeleteFile.write(store, at, "data.parquet", positions, new long[6], false);
    assertThat(w.footerSize()).isZero();
    Deletes d = PuffinDeleteFile.readAll(store.newInputFile(at, w.fileSizeBytes()), 9);
    assertThat(d.positions()).containsExactly(positions);
    assertThat(d.snapshots()).containsOnly(9L);
  }

  @Test
  void aContainerGivesEachPositionTheFirstSnapshotThatDeletedIt() {
    Random random = new Random(7);
    long[] positions = random.longs(3000, 0, 1_000_000).sorted().distinct().toArray();
    long[] snapshots = new long[positions.length];
    for (int i = 0; i < positions.length; i++) {
      snapshots[i] = 3 + random.nextInt(4);
    }
    Location at = Location.of(temp.resolve("history.puffin").toString());
    PuffinDeleteFile.Written w =
        PuffinDeleteFile.write(store, at, "data.parquet", positions, snapshots, true);
    assertThat(w.footerSize()).isPositive();
    Deletes d = PuffinDeleteFile.readAll(store.newInputFile(at, w.fileSizeBytes()), 1);
    assertThat(d.positions()).containsExactly(positions);
    assertThat(d.snapshots()).containsExactly(snapshots);
    long[] atFour = DeleteFiles.read(store.newInputFile(at, w.fileSizeBytes()), "puffin", 3, 4);
    long[] expected =
        java.util.stream.IntStream.range(0, positions.length)
            .filter(i -> snapshots[i] <= 4)
            .mapToLong(i -> positions[i])
            .toArray();
    assertThat(atFour).containsExactly(expected);
  }

  @Test
  void aDamagedDeletionVectorIsCorruptNamingTheFile() throws Exception {
    Location at = Location.of(temp.resolve("bad.puffin").toString());
    PuffinDeleteFile.Written w =
        PuffinDeleteFile.write(store, at, "d.parquet", new long[] {1, 2, 3}, new long[3], false);
    byte[] bytes = Files.readAllBytes(temp.resolve("bad.puffin"));
    bytes[bytes.length - 6] ^= 0x10;
    Path damaged = temp.resolve("damaged.puffin");
    Files.write(damaged, bytes);
    assertThatThrownBy(
            () ->
                PuffinDeleteFile.readAll(
                    store.newInputFile(Location.of(damaged.toString()), w.fileSizeBytes()), 1))
        .isInstanceOf(QuacklakeException.class)
        .matches(e -> ((QuacklakeException) e).kind() == ErrorKind.CORRUPT)
        .hasMessageContaining("damaged.puffin")
        .hasMessageContaining("CRC-32");
    Path text = temp.resolve("text.puffin");
    Files.writeString(text, "not a deletion vector at all");
    assertThatThrownBy(
            () ->
                DeleteFiles.readAll(
                    store.newInputFile(Location.of(text.toString()), Files.size(text)),
                    "puffin",
                    1))
        .hasMessageContaining("text.puffin")
        .hasMessageContaining("malformed");
    assertThatThrownBy(
            () ->
                DeleteFiles.readAll(
                    store.newInputFile(Location.of(text.toString()), Files.size(text)), "orc", 1))
        .hasMessageContaining("'orc'");
  }
}
