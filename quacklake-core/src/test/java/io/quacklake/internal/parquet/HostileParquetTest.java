package io.quacklake.internal.parquet;

import static io.quacklake.internal.parquet.ParquetSurgery.ID;
import static io.quacklake.internal.parquet.ParquetSurgery.S;
import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Lengths and counts a Parquet file declares are checked against the file before anything is
 * allocated for them: each hostile file fails fast as CORRUPT naming the file and what is wrong.
 * The declared sizes exceed any test heap, so an allocation as declared would fail differently.
 */
class HostileParquetTest {
  @TempDir Path dir;

  private Path file(ParquetCompression codec) {
    return ParquetSurgery.write(dir.resolve("hostile.parquet"), codec);
  }

  @Test
  void untouchedFileReads() {
    Path f = file(ParquetCompression.SNAPPY);
    assertThat(readAll(f).rows()).hasSize(ParquetSurgery.ROWS);
    assertThat(ParquetFooter.read(DuckDb.input(f)).rowCount()).isEqualTo(ParquetSurgery.ROWS);
  }

  @Test
  void footerLengthBeyondTheFile() throws Exception {
    Path f = file(ParquetCompression.SNAPPY);
    for (int length : new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE, -1}) {
      ParquetSurgery.setFooterLength(f, length);
      String declared = Long.toString(Integer.toUnsignedLong(length));
      assertCorrupt(() -> ParquetFooter.read(DuckDb.input(f)), f, "footer length " + declared);
      assertCorrupt(() -> readAll(f), f, "footer");
    }
  }

  @Test
  void columnChunkDeclaredBeyondTheFile() throws Exception {
    Path f = file(ParquetCompression.SNAPPY);
    ParquetSurgery.patchFooter(
        f, m -> ParquetSurgery.chunk(m, "s").setTotal_compressed_size(1L << 40));
    assertCorrupt(() -> readAll(f), f, "column s", "1099511627776 bytes", "past the end");
  }

  @Test
  void columnChunkStartingBeforeTheData() throws Exception {
    Path f = file(ParquetCompression.SNAPPY);
    ParquetSurgery.patchFooter(f, m -> ParquetSurgery.chunk(m, "id").setData_page_offset(-5));
    assertCorrupt(() -> readAll(f), f, "column id", "offset -5");
  }

  @Test
  void rowCountThatTheColumnsDoNotHold() throws Exception {
    Path f = file(ParquetCompression.SNAPPY);
    ParquetSurgery.patchFooter(f, m -> m.getRow_groups().get(0).setNum_rows(1L << 40));
    assertCorrupt(() -> readAll(f), f, "1099511627776 rows", "column id holds 1000 values");
    assertCorrupt(() -> ParquetFooter.read(DuckDb.input(f)), f, "1099511627776 rows");
  }

  @Test
  void negativeRowCount() throws Exception {
    Path f = file(ParquetCompression.SNAPPY);
    ParquetSurgery.patchFooter(f, m -> m.getRow_groups().get(0).setNum_rows(-3));
    assertCorrupt(() -> readAll(f), f, "-3 rows");
  }

  @Test
  void uncompressedChunkSizeOutOfProportionWithItsValues() throws Exception {
    Path f = file(ParquetCompression.UNCOMPRESSED);
    ParquetSurgery.patchFooter(
        f, m -> ParquetSurgery.chunk(m, "id").setTotal_uncompressed_size(1L << 40));
    assertCorrupt(() -> readAll(f), f, "column id", "1099511627776 bytes uncompressed");
  }

  @ParameterizedTest
  @EnumSource(ParquetCompression.class)
  void pageDeclaringAHugeUncompressedSize(ParquetCompression codec) throws Exception {
    Path f = file(codec);
    ParquetSurgery.patchFirstPage(f, "id", h -> h.setUncompressed_page_size(Integer.MAX_VALUE));
    assertCorrupt(() -> readAll(f), f, "2147483647");
  }

  @Test
  void pageDeclaringMoreBytesThanItsColumnChunk() throws Exception {
    Path f = file(ParquetCompression.SNAPPY);
    ParquetSurgery.patchFirstPage(f, "id", h -> h.setCompressed_page_size(Integer.MAX_VALUE));
    assertCorrupt(() -> readAll(f), f, "runs past the end of its column chunk");
  }

  @Test
  void dictionaryDeclaringMoreEntriesThanItsBytesHold() throws Exception {
    Path f = file(ParquetCompression.SNAPPY);
    ParquetSurgery.patchFirstPage(
        f, "s", h -> h.getDictionary_page_header().setNum_values(1 << 30));
    assertCorrupt(() -> readAll(f), f, "column s", "1073741824 entries");
  }

  @Test
  void pageDeclaringMoreValuesThanItsChunk() throws Exception {
    Path f = file(ParquetCompression.SNAPPY);
    ParquetSurgery.patchFirstPage(
        f, "id", h -> h.getData_page_header().setNum_values(Integer.MAX_VALUE));
    assertCorrupt(() -> readAll(f), f, "Expected 1000 values", "2147483647 values");
  }

  private static Reads.Result readAll(Path f) {
    return Reads.readAll(ParquetReadRequest.of(DuckDb.input(f), List.of(ID, S)));
  }

  private static void assertCorrupt(Executable action, Path file, String... fragments) {
    long start = System.nanoTime();
    Throwable thrown = null;
    try {
      action.execute();
    } catch (Throwable t) {
      thrown = t;
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(thrown).isInstanceOf(QuacklakeException.class);
    QuacklakeException e = (QuacklakeException) thrown;
    assertThat(e.kind()).as(e.getMessage()).isEqualTo(ErrorKind.CORRUPT);
    assertThat(e.getMessage()).contains(file.toString()).contains(fragments).doesNotContain("\n");
  }
}
