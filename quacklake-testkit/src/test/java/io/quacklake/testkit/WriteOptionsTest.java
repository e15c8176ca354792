package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog's write options are honoured: file size, row groups, compression, inlining. */
class WriteOptionsTest {
  @TempDir Path temp;

  @Test
  void targetFileSizeRowGroupSizeCompressionAndInliningLimit() throws Exception {
    Path catalog = temp.resolve("lake.sqlite");
    try (Lake lake = Lake.create("sqlite:" + catalog, temp.resolve("data").toString())) {
      lake.setOption("target_file_size", "200000");
      lake.setOption("parquet_row_group_size", "5000");
      lake.setOption("parquet_compression", "zstd");
      lake.setOption("data_inlining_row_limit", "0");
      lake.createTable("t", ColumnDefinitions.parse("id BIGINT, payload VARCHAR"));
      List<Map<String, Object>> rows = new ArrayList<>();
      for (long i = 0; i < 60_000; i++) {
        rows.add(Map.of("id", i, "payload", "row " + i + " " + Long.toHexString(i * 2654435761L)));
      }
      try (Transaction tx = lake.begin()) {
        tx.insert("t", rows);
        tx.commit();
      }
      try (Transaction tx = lake.begin()) {
        tx.insert("t", List.of(Map.of("id", -1L, "payload", "one row, not inlined")));
        tx.commit();
      }
      assertThat(lake.table("t").scan().count()).isEqualTo(60_001);
      assertThat(lake.currentSnapshot().changesText()).isEqualTo("{tables_inserted_into=[1]}");
    }
    List<String> files = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + catalog);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT path, file_size_bytes FROM ducklake_data_file")) {
      while (rs.next()) {
        files.add(temp.resolve("data/main/t").resolve(rs.getString(1)).toString());
        assertThat(rs.getLong(2)).isLessThan(400_000);
      }
    }
    assertThat(files).hasSizeGreaterThan(2);
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = duck.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT max(row_group_num_rows), min(compression), max(compression) FROM"
                    + " parquet_metadata(['"
                    + String.join("','", files)
                    + "'])")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(5000);
      assertThat(rs.getString(2)).isEqualTo("ZSTD");
      assertThat(rs.getString(3)).isEqualTo("ZSTD");
    }
  }
}
