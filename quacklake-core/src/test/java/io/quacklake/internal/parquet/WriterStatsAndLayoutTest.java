package io.quacklake.internal.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.internal.storage.LocalObjectStore;
import io.quacklake.storage.Location;
import io.quacklake.types.ArrowTypes;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Per-leaf statistics, row groups and codecs. */
class WriterStatsAndLayoutTest {
  @TempDir Path dir;

  private static LakeColumn column(String name) {
    return WriterAllTypesTest.cases().stream()
        .filter(c -> c.column().name().equals(name))
        .findFirst()
        .orElseThrow()
        .column();
  }

  private static long id(String name) {
    return column(name).id();
  }

  @Test
  void leafStatsHoldCanonicalMinMaxAndCounts() {
    WrittenFile f =
        WriterAllTypesTest.writeCases(
            dir.resolve("stats.parquet"),
            WriterAllTypesTest.cases(),
            ParquetWriteOptions.defaults());
    Map<Long, LeafStats> s = f.leafStats();
    LeafStats i64 = s.get(id("i64"));
    assertThat(i64.min()).isEqualTo(Long.MIN_VALUE);
    assertThat(i64.max()).isEqualTo(Long.MAX_VALUE);
    assertThat(i64.nullCount()).isEqualTo(1);
    assertThat(i64.valueCount()).isEqualTo(2);
    assertThat(i64.columnSizeBytes()).isPositive();
    assertThat(i64.containsNan()).isNull();
    assertThat(s.get(id("u32")).max()).isEqualTo(4294967295L);
    assertThat(s.get(id("u64")).max()).isEqualTo(new BigInteger("18446744073709551615"));
    assertThat(s.get(id("u64")).min()).isEqualTo(BigInteger.valueOf(3));
    assertThat(s.get(id("f32")).containsNan()).isTrue();
    assertThat(s.get(id("f32")).min()).isEqualTo(1.5);
    assertThat(s.get(id("f64")).max()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(s.get(id("f64")).containsNan()).isFalse();
    assertThat(s.get(id("d38")).min()).isEqualTo(new BigDecimal("-1.0000000000"));
    assertThat(s.get(id("d5")).max()).isEqualTo(new BigDecimal("1.50"));
    assertThat(s.get(id("ts")).min()).isEqualTo(LocalDateTime.parse("1969-12-31T23:59:59.999999"));
    assertThat(s.get(id("ts_s")).max()).isEqualTo(LocalDateTime.parse("2024-01-02T03:04:05"));
    assertThat(s.get(id("tstz_ns")).max())
        .isEqualTo(Instant.parse("2024-01-02T03:04:05.123456789Z"));
    assertThat(s.get(id("s")).max()).isEqualTo("ünï😀");
    assertThat((byte[]) s.get(id("bl")).min()).isEmpty();
    assertThat(s.get(id("u")).max())
        .isEqualTo(UUID.fromString("ffffffff-0000-0000-0000-000000000001"));
    for (String none : List.of("i128", "u128", "iv", "tmtz")) {
      assertThat(s.get(id(none)).min()).as(none).isNull();
    }
    // l = [1, NULL, 3], NULL, []: five slots, two values
    LeafStats element = s.get(column("l").children().get(0).id());
    assertThat(element.min()).isEqualTo(1L);
    assertThat(element.max()).isEqualTo(3L);
    assertThat(element.valueCount()).isEqualTo(2);
    assertThat(element.nullCount()).isEqualTo(3);
    assertThat(s).doesNotContainKey(id("l")).doesNotContainKey(id("st"));
  }

  @ParameterizedTest
  @EnumSource(ParquetCompression.class)
  void rowGroupsAreCutAtTheRowLimitForEveryCodec(ParquetCompression codec) throws Exception {
    for (ParquetFormatVersion version : ParquetFormatVersion.values()) {
      Path file = dir.resolve(codec + "-" + version + ".parquet");
      ParquetWriteOptions options =
          ParquetWriteOptions.defaults()
              .withCompression(codec)
              .withFormatVersion(version)
              .withRowGroupRows(3000);
      WrittenFile f = writeRows(file, 10_000, 1000, options);
      assertThat(f.rowGroupCount()).isEqualTo(4);
      assertThat(f.rowCount()).isEqualTo(10_000);
      try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
          Statement st = conn.createStatement()) {
        try (ResultSet rs =
            st.executeQuery(
                "SELECT count(*), sum(id), sum(len(tags)), count(tags), sum(length(name))"
                    + " FROM read_parquet('"
                    + file
                    + "')")) {
          rs.next();
          assertThat(rs.getLong(1)).isEqualTo(10_000);
          assertThat(rs.getLong(2)).isEqualTo(49_995_000L);
          assertThat(rs.getLong(3)).isEqualTo(expectedTagCount(10_000));
          assertThat(rs.getLong(4)).isEqualTo(10_000 - 10_000 / 7 - 1);
        }
        List<String> groups = new ArrayList<>();
        try (ResultSet rs =
            st.executeQuery(
                "SELECT row_group_id, row_group_num_rows, compression, stats_min, stats_max,"
                    + " stats_null_count FROM parquet_metadata('"
                    + file
                    + "') WHERE path_in_schema = 'id' ORDER BY row_group_id")) {
          while (rs.next()) {
            groups.add(
                rs.getLong(2)
                    + " "
                    + rs.getString(3)
                    + " "
                    + rs.getString(4)
                    + ".."
                    + rs.getString(5)
                    + " nulls="
                    + rs.getString(6));
          }
        }
        String c = codec.name();
        assertThat(groups)
            .containsExactly(
                "3000 " + c + " 0..2999 nulls=0",
                "3000 " + c + " 3000..5999 nulls=0",
                "3000 " + c + " 6000..8999 nulls=0",
                "1000 " + c + " 9000..9999 nulls=0");
      }
    }
  }

  private static long expectedTagCount(int rows) {
    long n = 0;
    for (int i = 0; i < rows; i++) {
      n += i % 7 == 0 ? 0 : i % 4;
    }
    return n;
  }

  /** Rows: id, name (NULL every 5th), tags list (NULL every 7th, i % 4 elements). */
  @Test
  void mostlyDistinctColumnsSkipTheDictionaryOthersKeepIt() throws Exception {
    Path file = dir.resolve("encodings.parquet");
    writeRows(file, 10_000, 2500, ParquetWriteOptions.defaults());
    Map<String, String> encodings = new java.util.HashMap<>();
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = conn.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT path_in_schema, string_agg(DISTINCT encodings, ',') FROM parquet_metadata('"
                    + file
                    + "') GROUP BY path_in_schema")) {
      while (rs.next()) {
        encodings.put(rs.getString(1), rs.getString(2));
      }
    }
    assertThat(encodings.get("id")).doesNotContain("DICTIONARY");
    assertThat(encodings.get("name")).doesNotContain("DICTIONARY");
    assertThat(encodings)
        .hasEntrySatisfying("tags, list, element", e -> assertThat(e).contains("DICTIONARY"));
  }

  static WrittenFile writeRows(Path file, int rows, int batch, ParquetWriteOptions options) {
    List<LakeColumn> cols =
        List.of(
            new LakeColumn(1, "id", LakeType.of(TypeId.INT64), false, null, null, List.of()),
            LakeColumn.of(2, "name", LakeType.of(TypeId.VARCHAR)),
            new LakeColumn(
                3,
                "tags",
                LakeType.of(TypeId.LIST),
                true,
                null,
                null,
                List.of(LakeColumn.of(4, "element", LakeType.of(TypeId.VARCHAR)))));
    try (RootAllocator allocator = new RootAllocator()) {
      ArrowParquetWriter w =
          ArrowParquetWriter.open(
              new LocalObjectStore(), Location.of(file.toString()), cols, options);
      for (int start = 0; start < rows; start += batch) {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(ArrowTypes.schema(cols), allocator)) {
          root.allocateNew();
          int n = Math.min(batch, rows - start);
          for (int k = 0; k < n; k++) {
            int i = start + k;
            WriterTestVectors.set(root.getVector(0), k, (long) i);
            WriterTestVectors.set(root.getVector(1), k, i % 5 == 0 ? null : "name-" + i);
            List<String> tags = new ArrayList<>();
            for (int t = 0; t < i % 4; t++) {
              tags.add("t" + t);
            }
            WriterTestVectors.set(root.getVector(2), k, i % 7 == 0 ? null : tags);
          }
          root.setRowCount(n);
          w.write(root);
        }
      }
      return w.close();
    }
  }
}
