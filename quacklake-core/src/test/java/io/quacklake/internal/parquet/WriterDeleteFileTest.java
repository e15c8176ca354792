package io.quacklake.internal.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.storage.LocalObjectStore;
import io.quacklake.storage.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Positional delete files as DuckDB writes them. */
class WriterDeleteFileTest {
  @TempDir Path dir;

  @Test
  void deleteFileHasDuckDbsSchemaAndRows() throws Exception {
    Path file = dir.resolve("del.parquet");
    PositionDeleteWriter w =
        PositionDeleteWriter.open(
            new LocalObjectStore(),
            Location.of(file.toString()),
            ParquetWriteOptions.defaults(),
            false);
    w.write("s3://bucket/data/f1.parquet", new long[] {0, 5, 7});
    w.write("s3://bucket/data/f1.parquet", new long[] {9});
    WrittenFile f = w.close();
    assertThat(f.rowCount()).isEqualTo(4);
    assertThat(f.fileSizeBytes()).isEqualTo(Files.size(file));
    assertThat(f.leafStats().get(PositionDeleteWriter.POS_FIELD_ID).max()).isEqualTo(9L);
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = conn.createStatement()) {
      assertThat(rows(st, "SELECT file_path, pos FROM read_parquet('" + file + "')"))
          .containsExactly(
              "s3://bucket/data/f1.parquet 0",
              "s3://bucket/data/f1.parquet 5",
              "s3://bucket/data/f1.parquet 7",
              "s3://bucket/data/f1.parquet 9");
      assertThat(
              rows(
                  st,
                  "SELECT name, type, field_id FROM parquet_schema('"
                      + file
                      + "') WHERE name <> 'duckdb_schema'"))
          .containsExactly("file_path BYTE_ARRAY 2147483646", "pos INT64 2147483645");
    }
  }

  @Test
  void partialDeleteFileCarriesSnapshotIds() throws Exception {
    Path file = dir.resolve("partial.parquet");
    PositionDeleteWriter w =
        PositionDeleteWriter.open(
            new LocalObjectStore(),
            Location.of(file.toString()),
            ParquetWriteOptions.defaults(),
            true);
    w.write("f.parquet", new long[] {1, 2}, new long[] {7, 8});
    w.close();
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = conn.createStatement()) {
      assertThat(
              rows(
                  st,
                  "SELECT name, type, field_id FROM parquet_schema('"
                      + file
                      + "') WHERE name <> 'duckdb_schema'"))
          .containsExactly(
              "file_path BYTE_ARRAY 2147483646",
              "pos INT64 2147483645",
              "_ducklake_internal_snapshot_id INT64 2147483539");
      assertThat(rows(st, "SELECT * FROM read_parquet('" + file + "')"))
          .containsExactly("f.parquet 1 7", "f.parquet 2 8");
    }
  }

  @Test
  void positionsMustBeStrictlyIncreasing() {
    Path file = dir.resolve("bad.parquet");
    PositionDeleteWriter w =
        PositionDeleteWriter.open(
            new LocalObjectStore(),
            Location.of(file.toString()),
            ParquetWriteOptions.defaults(),
            false);
    w.write("f.parquet", new long[] {3});
    assertThatThrownBy(() -> w.write("f.parquet", new long[] {3}))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("strictly increasing")
        .extracting(e -> ((QuacklakeException) e).kind())
        .isEqualTo(ErrorKind.INVALID_ARGUMENT);
    w.abort();
    assertThat(file).doesNotExist();
  }

  static List<String> rows(Statement st, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          b.append(i > 1 ? " " : "").append(rs.getString(i));
        }
        out.add(b.toString());
      }
    }
    return out;
  }
}
