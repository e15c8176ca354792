package io.quacklake.internal.parquet;

import static io.quacklake.internal.parquet.Reads.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.parquet.crypto.FileEncryption;
import io.quacklake.internal.storage.LocalObjectStore;
import io.quacklake.storage.Location;
import io.quacklake.types.ArrowTypes;
import io.quacklake.types.LakeColumn;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written encrypted (DuckDB's layout: AES-GCM modules without AAD behind PARE) read back
 * equal to the same data written plain — every type, several row groups, V2 pages, dictionaries —
 * and a wrong key or a cut file is CORRUPT by name. The peer reading them is {@code
 * EncryptedLakesPeerTest}.
 */
class EncryptedParquetTest {
  private static final List<LakeColumn> COLUMNS =
      List.of(col(1, "id", "int64"), col(2, "s", "varchar"));

  @TempDir Path dir;

  @Test
  void everyTypeReadsBackAsItsPlainTwin() {
    WrittenFile plain =
        WriterAllTypesTest.writeCases(
            dir.resolve("plain.parquet"),
            WriterAllTypesTest.cases(),
            ParquetWriteOptions.defaults());
    WrittenFile sealed =
        WriterAllTypesTest.writeCases(
            dir.resolve("sealed.parquet"),
            WriterAllTypesTest.cases(),
            ParquetWriteOptions.defaults().withEncryption(true));
    List<LakeColumn> columns = WriterAllTypesTest.columns(WriterAllTypesTest.cases());
    assertThat(read(sealed, columns).rows()).isEqualTo(read(plain, columns).rows()).hasSize(3);
  }

  @Test
  void rowGroupsV2PagesAndDictionariesReadBack() throws Exception {
    ParquetWriteOptions options =
        ParquetWriteOptions.defaults()
            .withRowGroupRows(1000)
            .withFormatVersion(ParquetFormatVersion.V2)
            .withPageSizeBytes(4096);
    WrittenFile plain = write(dir.resolve("plain.parquet"), options);
    WrittenFile sealed = write(dir.resolve("sealed.parquet"), options.withEncryption(true));
    assertThat(plain.encryptionKey()).isNull();
    assertThat(sealed.encryptionKey()).isNotNull();
    byte[] bytes = Files.readAllBytes(Path.of(sealed.location().value()));
    assertThat(bytes.length).isEqualTo(sealed.fileSizeBytes());
    assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PARE");
    assertThat(new String(bytes, bytes.length - 4, 4, StandardCharsets.US_ASCII)).isEqualTo("PARE");
    assertThat(ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt())
        .isEqualTo((int) sealed.footerSize());
    Reads.Result theirs = read(plain, COLUMNS);
    Reads.Result ours = read(sealed, COLUMNS);
    assertThat(ours.rows()).isEqualTo(theirs.rows()).hasSize(5000);
    assertThat(ours.metrics().rowGroupsTotal()).isEqualTo(5);
    assertThat(sealed.leafStats().get(1L).max()).isEqualTo(4999L);
  }

  @Test
  void aWrongKeyOrACutFileIsCorrupt() throws Exception {
    WrittenFile sealed =
        write(dir.resolve("sealed.parquet"), ParquetWriteOptions.defaults().withEncryption(true));
    WrittenFile wrongKey =
        new WrittenFile(
            sealed.location(),
            sealed.rowCount(),
            sealed.fileSizeBytes(),
            sealed.footerSize(),
            sealed.rowGroupCount(),
            sealed.leafStats(),
            FileEncryption.newKey());
    assertThatThrownBy(() -> read(wrongKey, COLUMNS))
        .isInstanceOf(QuacklakeException.class)
        .matches(e -> ((QuacklakeException) e).kind() == ErrorKind.CORRUPT)
        .hasMessageContaining("cannot decrypt Parquet file")
        .hasMessageContaining("sealed.parquet");
    Path cut = dir.resolve("cut.parquet");
    byte[] bytes = Files.readAllBytes(Path.of(sealed.location().value()));
    Files.write(cut, Arrays.copyOf(bytes, bytes.length - 100));
    WrittenFile truncated =
        new WrittenFile(
            Location.of(cut.toString()),
            sealed.rowCount(),
            bytes.length - 100,
            sealed.footerSize(),
            sealed.rowGroupCount(),
            sealed.leafStats(),
            sealed.encryptionKey());
    assertThatThrownBy(() -> read(truncated, COLUMNS))
        .isInstanceOf(QuacklakeException.class)
        .matches(e -> ((QuacklakeException) e).kind() == ErrorKind.CORRUPT)
        .hasMessageContaining("cut.parquet");
  }

  private static WrittenFile write(Path file, ParquetWriteOptions options) {
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(ArrowTypes.schema(COLUMNS), allocator)) {
      ArrowParquetWriter w =
          ArrowParquetWriter.open(
              new LocalObjectStore(), Location.of(file.toString()), COLUMNS, options);
      for (int batch = 0; batch < 5; batch++) {
        root.allocateNew();
        BigIntVector id = (BigIntVector) root.getVector(0);
        VarCharVector s = (VarCharVector) root.getVector(1);
        for (int i = 0; i < 1000; i++) {
          id.setSafe(i, batch * 1000L + i);
          s.setSafe(i, ("k" + (i % 10)).getBytes(StandardCharsets.UTF_8));
        }
        root.setRowCount(1000);
        w.write(root);
      }
      return w.close();
    }
  }

  private static Reads.Result read(WrittenFile file, List<LakeColumn> columns) {
    return Reads.readAll(
        ParquetReadRequest.of(
            FileEncryption.open(
                new LocalObjectStore(),
                file.location(),
                file.fileSizeBytes(),
                file.encryptionKey()),
            columns));
  }
}
