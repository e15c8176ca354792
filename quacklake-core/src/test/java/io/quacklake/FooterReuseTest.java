package io.quacklake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.ColumnDefinitions;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An open lake reads a data file's footer once (files are immutable): damaging the footer of a file
 * it scanned before goes unnoticed by its next scan, while a lake opened afresh reports the file as
 * damaged.
 */
class FooterReuseTest {
  @TempDir Path dir;

  @Test
  void aLakeScansAFileItReadBeforeWithoutItsFooter() throws Exception {
    String catalog = "sqlite:" + dir.resolve("catalog.sqlite");
    try (Lake lake = Lake.create(catalog, dir.resolve("data") + "/")) {
      lake.createTable("main.t", ColumnDefinitions.parse("id BIGINT, kind VARCHAR"));
      try (Transaction tx = lake.begin()) {
        tx.insert("main.t", rows(5_000));
        tx.commit();
      }
      assertThat(count(lake, null)).isEqualTo(5_000);

      damageTrailingMagic(onlyDataFile());

      assertThat(count(lake, null)).isEqualTo(5_000);
      assertThat(count(lake, "id < 10")).isEqualTo(10);
    }
    try (Lake fresh = Lake.open(catalog)) {
      assertThatThrownBy(() -> count(fresh, null))
          .isInstanceOf(QuacklakeException.class)
          .satisfies(e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.CORRUPT));
    }
  }

  private static long count(Lake lake, String filter) {
    TableScan scan = lake.table("main.t").scan();
    if (filter != null) {
      scan = scan.filter(filter);
    }
    long n = 0;
    try (ScanReader r = scan.arrow()) {
      while (r.loadNextBatch()) {
        n += r.getVectorSchemaRoot().getRowCount();
      }
    }
    return n;
  }

  private Path onlyDataFile() throws Exception {
    try (Stream<Path> files = Files.walk(dir.resolve("data"))) {
      List<Path> parquet = files.filter(p -> p.toString().endsWith(".parquet")).toList();
      assertThat(parquet).hasSize(1);
      return parquet.get(0);
    }
  }

  /** Overwrites the closing "PAR1", keeping the file's size. */
  private static void damageTrailingMagic(Path file) throws Exception {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap("XXXX".getBytes(StandardCharsets.US_ASCII)), ch.size() - 4);
    }
  }

  private static List<Map<String, Object>> rows(int n) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      rows.add(Map.of("id", i, "kind", "k" + (i % 3)));
    }
    return rows;
  }
}
