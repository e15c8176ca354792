package io.quacklake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code append} of a Parquet file declaring impossible sizes: exit 5, one line, lake unchanged.
 */
class CliHostileParquetTest {
  @TempDir Path temp;
  private String catalog;
  private Path parquet;

  @BeforeEach
  void setUp() throws Exception {
    catalog = "sqlite:" + temp.resolve("lake.sqlite");
    assertThat(run("init").exit()).isZero();
    assertThat(run("create-table", "t", "--schema", "id BIGINT, s VARCHAR").exit()).isZero();
    assertThat(run("append", "t", csv().toString()).exit()).isZero();
    parquet = temp.resolve("hostile.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT i::BIGINT AS id, 'v' || i AS s FROM range(1000) t(i)) TO '"
              + parquet
              + "' (FORMAT parquet)");
    }
  }

  @Test
  void footerLengthBeyondTheFileIsCorrupt() throws Exception {
    byte[] bytes = Files.readAllBytes(parquet);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length - 8, -1);
    Files.write(parquet, bytes);
    assertRefused("hostile.parquet", "footer length 4294967295 exceeds the file size");
  }

  @Test
  void columnChunkBeyondTheFileIsCorrupt() throws Exception {
    patchFooter(
        m ->
            m.getRow_groups()
                .get(0)
                .getColumns()
                .get(1)
                .getMeta_data()
                .setTotal_compressed_size(1L << 40));
    assertRefused("hostile.parquet", "column s of row group 0 declares 1099511627776 bytes");
  }

  private void assertRefused(String... fragments) {
    CliRun r = run("append", "t", parquet.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(5);
    assertThat(r.err().strip()).doesNotContain("\n").contains(fragments);
    assertThat(run("snapshots", "--format", "csv").out().strip().split("\n")).hasSize(4);
    CliRun scan = run("scan", "t", "--format", "csv");
    assertThat(scan.exit()).isZero();
    assertThat(scan.out()).isEqualTo("id,s\n1,a\n");
  }

  private Path csv() throws Exception {
    Path p = temp.resolve("one.csv");
    Files.writeString(p, "id,s\n1,a\n");
    return p;
  }

  private void patchFooter(Consumer<FileMetaData> edit) throws Exception {
    byte[] bytes = Files.readAllBytes(parquet);
    int length = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(bytes.length - 8);
    FileMetaData meta =
        Util.readFileMetaData(new ByteArrayInputStream(bytes, bytes.length - 8 - length, length));
    edit.accept(meta);
    ByteArrayOutputStream footer = new ByteArrayOutputStream();
    Util.writeFileMetaData(meta, footer);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bytes, 0, bytes.length - 8 - length);
    footer.writeTo(out);
    byte[] tail = new byte[8];
    ByteBuffer.wrap(tail).order(ByteOrder.LITTLE_ENDIAN).putInt(footer.size());
    System.arraycopy("PAR1".getBytes(StandardCharsets.US_ASCII), 0, tail, 4, 4);
    out.write(tail);
    Files.write(parquet, out.toByteArray());
  }

  private CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of("--catalog", catalog));
    all.addAll(List.of("--data-path", temp.resolve("data").toString()));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }
}
