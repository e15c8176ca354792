package io.quacklake.internal.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.internal.storage.LocalObjectStore;
import io.quacklake.storage.Location;
import io.quacklake.types.ArrowTypes;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long string and blob values never land whole in the footer's statistics. */
class WriterLongStatsTest {
  private static final LakeColumn S = LakeColumn.of(1, "s", LakeType.of(TypeId.VARCHAR));
  private static final LakeColumn B = LakeColumn.of(2, "b", LakeType.of(TypeId.BLOB));
  private static final String LOW = "a".repeat(100_000);
  private static final String HIGH = "z".repeat(100_000);
  private static final byte[] ALL_FF = filled(100_000, (byte) 0xFF);

  @TempDir Path dir;

  @Test
  void footerMinMaxOfLongValuesAreShortBoundsAndDuckDbStillFindsTheRows() throws Exception {
    Path file = dir.resolve("long.parquet");
    write(file, new String[] {"m", LOW, HIGH}, new byte[][] {{1}, {2}, ALL_FF});
    assertThat(Files.size(file)).isLessThan(20_000);
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = conn.createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              "SELECT path_in_schema, stats_min_value, stats_max_value FROM parquet_metadata('"
                  + file
                  + "') ORDER BY path_in_schema DESC")) {
        rs.next();
        String min = rs.getString(2);
        String max = rs.getString(3);
        assertThat(min.length()).isLessThanOrEqualTo(256);
        assertThat(max.length()).isLessThanOrEqualTo(256);
        assertThat(min.compareTo(LOW)).isLessThanOrEqualTo(0);
        assertThat(max.compareTo(HIGH)).isGreaterThan(0);
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("b");
        assertThat(rs.getString(2)).as("a max of 0xFF bytes cannot be rounded up").isNull();
        assertThat(rs.getString(3)).isNull();
      }
      for (String value : List.of(LOW, HIGH)) {
        try (ResultSet rs =
            st.executeQuery(
                "SELECT count(*) FROM read_parquet('" + file + "') WHERE s = '" + value + "'")) {
          rs.next();
          assertThat(rs.getLong(1)).isEqualTo(1);
        }
      }
    }
    Reads.Result read = Reads.readAll(ParquetReadRequest.of(DuckDb.input(file), List.of(S, B)));
    assertThat(read.rows()).hasSize(3);
    assertThat(read.rows().get(1).get(0)).isEqualTo(LOW);
  }

  private static void write(Path file, String[] strings, byte[][] blobs) {
    List<LakeColumn> cols = List.of(S, B);
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(ArrowTypes.schema(cols), allocator)) {
      root.allocateNew();
      for (int i = 0; i < strings.length; i++) {
        WriterTestVectors.set(root.getVector(0), i, strings[i]);
        WriterTestVectors.set(root.getVector(1), i, blobs[i]);
      }
      root.setRowCount(strings.length);
      ArrowParquetWriter w =
          ArrowParquetWriter.open(
              new LocalObjectStore(),
              Location.of(file.toString()),
              cols,
              ParquetWriteOptions.defaults());
      w.write(root);
      w.close();
    }
  }

  private static byte[] filled(int n, byte b) {
    byte[] out = new byte[n];
    Arrays.fill(out, b);
    return out;
  }
}
