package io.quacklake.internal.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.storage.LocalObjectStore;
import io.quacklake.storage.InputFile;
import io.quacklake.storage.Location;
import io.quacklake.storage.SeekableStream;
import io.quacklake.types.ArrowTypes;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed Parquet read says which of three things happened: the file does not exist (NOT_FOUND),
 * the store failed (UNAVAILABLE, worth a retry), or the bytes are not the Parquet they claim to be
 * (CORRUPT); each names the file and none repeats a parquet-java class name.
 */
class ParquetReadFailureTest {
  private static final LakeColumn ID =
      new LakeColumn(1, "id", LakeType.of(TypeId.INT64), false, null, null, List.of());

  @TempDir Path dir;
  private Path file;
  private byte[] good;

  @BeforeEach
  void writeFile() throws IOException {
    file = dir.resolve("f.parquet");
    ArrowParquetWriter w =
        ArrowParquetWriter.open(
            new LocalObjectStore(),
            Location.of(file.toString()),
            List.of(ID),
            ParquetWriteOptions.defaults());
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot root =
            VectorSchemaRoot.create(ArrowTypes.schema(List.of(ID)), allocator)) {
      BigIntVector v = (BigIntVector) root.getVector(0);
      v.allocateNew(1000);
      for (int i = 0; i < 1000; i++) {
        v.set(i, i * 7919L);
      }
      root.setRowCount(1000);
      w.write(root);
    }
    w.close();
    good = Files.readAllBytes(file);
  }

  private static QuacklakeException readAll(InputFile input) {
    return catchThrowableOfType(
        QuacklakeException.class,
        () -> {
          try (RootAllocator allocator = new RootAllocator();
              ParquetBatchReader reader =
                  ParquetBatchReader.open(ParquetReadRequest.of(input, List.of(ID)), allocator)) {
            while (reader.loadNextBatch()) {
              reader.root().getRowCount();
            }
          }
        });
  }

  private InputFile local(long length) {
    return new LocalObjectStore().newInputFile(Location.of(file.toString()), length);
  }

  @Test
  void aMissingFileIsNotFound() throws IOException {
    Files.delete(file);
    QuacklakeException e = readAll(local(good.length));
    assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
    assertThat(e)
        .hasMessage(
            "Parquet file %s does not exist; it was deleted, or the data path is wrong", file);
  }

  @Test
  void aTruncatedOrDamagedFileIsCorrupt() throws IOException {
    Files.write(file, Arrays.copyOf(good, good.length - 20));
    QuacklakeException truncated = readAll(local(good.length));
    assertThat(truncated.kind()).isEqualTo(ErrorKind.CORRUPT);
    assertThat(truncated.getMessage())
        .startsWith("Parquet file " + file + " is damaged or truncated: cannot read its footer")
        .doesNotContain("org.apache");
    byte[] damaged = good.clone();
    for (int i = 4; i < good.length / 2; i++) {
      damaged[i] ^= 0x5a;
    }
    Files.write(file, damaged);
    QuacklakeException garbled = readAll(local(good.length));
    assertThat(garbled.kind()).isEqualTo(ErrorKind.CORRUPT);
    assertThat(garbled.getMessage())
        .startsWith(
            "Parquet file " + file + " is damaged or truncated: cannot read its row group 0")
        .doesNotContain("org.apache");
  }

  @Test
  void aFailingStoreIsUnavailable() {
    InputFile failing =
        new InputFile() {
          @Override
          public Location location() {
            return Location.of("mem://bucket/f.parquet");
          }

          @Override
          public long length() {
            return good.length;
          }

          @Override
          public SeekableStream newStream() throws IOException {
            throw new IOException("connection reset by peer");
          }
        };
    QuacklakeException e = readAll(failing);
    assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(e)
        .hasMessage("cannot read the footer of mem://bucket/f.parquet: connection reset by peer");
  }
}
