package io.quacklake.testkit;

import static io.quacklake.expr.Expressions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.Transaction;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile sizes and shapes stay bounded: inlined bytes, statistics text, column trees. */
class BoundedResourcesTest {
  private static final String LONG_A = "a".repeat(1_000_000);
  private static final String LONG_Z = "z".repeat(1_000_000);

  @TempDir Path temp;
  private Path sqlite;
  private String catalog;

  @BeforeEach
  void setUp() {
    sqlite = temp.resolve("lake.sqlite");
    catalog = "sqlite:" + sqlite;
    try (Lake lake = Lake.create(catalog, temp.resolve("data").toString())) {
      lake.createTable("t", ColumnDefinitions.parse("id BIGINT, s VARCHAR"));
      lake.createTable("other", ColumnDefinitions.parse("k BIGINT"));
    }
  }

  @Test
  void rowsOverTheInlineByteLimitGoToAParquetFileRowsUnderItStayInlined() throws Exception {
    try (Lake lake = Lake.open(catalog)) {
      insert(lake, row(1, "small"), row(2, "rows"));
      assertThat(dataFiles()).isZero();
      insert(lake, row(3, "x".repeat(600_000)), row(4, "y".repeat(600_000)));
      assertThat(dataFiles()).as("2 rows under the row limit, over 1 MiB").isEqualTo(1);
      try (Transaction tx = lake.begin()) {
        tx.insert("t", List.of(row(5, "p".repeat(300_000)), row(6, "q".repeat(300_000))));
        tx.insert("t", List.of(row(7, "r".repeat(300_000))));
        tx.insert("t", List.of(row(8, "s".repeat(300_000))));
        tx.commit();
      }
      assertThat(dataFiles()).as("the commit's fourth 300 KB value passes 1 MiB").isEqualTo(2);
      assertThat(inlinedRows()).isEqualTo(5);
      assertThat(lake.table("t").scan().count()).isEqualTo(8);
      assertThat(lengths(lake, "id >= 3"))
          .containsEntry(4L, 600_000)
          .containsEntry(7L, 300_000)
          .containsEntry(8L, 300_000);
    }
    try (Lake lake = Lake.open(catalog, LakeOptions.defaults().withInlineByteLimit(0))) {
      insert(lake, row(9, "tiny"));
      assertThat(dataFiles()).isEqualTo(3);
      assertThat(lake.table("t").scan().filter("id = 9").count()).isEqualTo(1);
    }
  }

  @Test
  void inlineByteLimitMustNotBeNegative() {
    assertThatThrownBy(() -> LakeOptions.defaults().withInlineByteLimit(-1))
        .isInstanceOfSatisfying(
            QuacklakeException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT))
        .hasMessageContaining("inlineByteLimit must not be negative, got -1");
  }

  @Test
  void longStringStatsAreBoundedInTheCatalogAndPruningStaysCorrect() throws Exception {
    try (Lake lake = Lake.open(catalog)) {
      List<Map<String, Object>> rows = new ArrayList<>();
      rows.add(row(0, LONG_A));
      rows.add(row(1, LONG_Z));
      for (int i = 2; i < 12; i++) {
        rows.add(row(i, "m" + i));
      }
      insert(lake, rows);
      insert(lake, row(20, "b" + "é".repeat(3000)));
      assertThat(dataFiles()).isEqualTo(1);
      assertThat(longestStatsText())
          .as("catalog stats text of 1 MB values")
          .isLessThanOrEqualTo(256);
      assertThat(statsText("ducklake_file_column_stats"))
          .containsExactly("a".repeat(256), "z".repeat(255) + "{");
      assertThat(lake.table("t").scan().filter(col("s").eq(LONG_A)).count()).isEqualTo(1);
      assertThat(lake.table("t").scan().filter(col("s").eq(LONG_Z)).count()).isEqualTo(1);
      assertThat(lake.table("t").scan().filter(col("s").ge(LONG_Z)).count()).isEqualTo(1);
      assertThat(lake.table("t").scan().filter(col("s").gt(LONG_Z)).count()).isZero();
      assertThat(lake.table("t").scan().filter(col("s").le(LONG_A)).count()).isEqualTo(1);
      assertThat(lake.table("t").scan().filter(col("s").eq("b" + "é".repeat(3000))).count())
          .isEqualTo(1);
      assertThat(lake.table("t").scan().filter(col("s").ne("m5")).count()).isEqualTo(12);
      lake.createTable("notes", ColumnDefinitions.parse("n VARCHAR"));
      try (Transaction tx = lake.begin()) {
        tx.insert("notes", List.of(Map.of("n", "n".repeat(5000))));
        tx.commit();
      }
      assertThat(dataFiles()).as("one 5 KB row is inlined").isEqualTo(1);
      assertThat(lake.table("notes").scan().filter(col("n").eq("n".repeat(5000))).count())
          .isEqualTo(1);
    }
    assertThat(
            textRow(
                "SELECT s.min_value, s.max_value FROM ducklake_table_column_stats s"
                    + " JOIN ducklake_table t USING (table_id) WHERE t.table_name = 'notes'"))
        .as("table stats of inlined rows")
        .containsExactly("n".repeat(256), "n".repeat(255) + "o");
  }

  @Test
  void columnTreeWithACycleIsCorruptAndOtherTablesStillRead() throws Exception {
    try (Lake lake = Lake.open(catalog)) {
      insert(lake, row(1, "one"));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
        Statement st = c.createStatement()) {
      st.executeUpdate(
          "UPDATE ducklake_column SET parent_column = column_id WHERE column_name = 's'");
    }
    try (Lake lake = Lake.open(catalog)) {
      assertThatThrownBy(() -> lake.table("t").scan().count())
          .isInstanceOfSatisfying(
              QuacklakeException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CORRUPT))
          .hasMessageContaining("table 1 has a column tree whose parent ids form a cycle")
          .hasMessageContaining("column ids [2]");
      assertThat(lake.table("other").scan().count()).isZero();
    }
  }

  @Test
  void dataFileDeclaringAFooterBeyondItselfIsCorruptAndTheLakeStillReads() throws Exception {
    try (Lake lake = Lake.open(catalog)) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        rows.add(row(i, "v" + i));
      }
      insert(lake, rows);
    }
    Path file;
    try (var files = java.nio.file.Files.walk(temp.resolve("data"))) {
      file = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    byte[] original = java.nio.file.Files.readAllBytes(file);
    byte[] hostile = original.clone();
    java.nio.ByteBuffer.wrap(hostile)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
        .putInt(hostile.length - 8, Integer.MAX_VALUE);
    java.nio.file.Files.write(file, hostile);
    try (Lake lake = Lake.open(catalog)) {
      assertThatThrownBy(() -> lengths(lake, "id >= 0"))
          .isInstanceOfSatisfying(
              QuacklakeException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CORRUPT))
          .hasMessageContaining(file.getFileName().toString())
          .hasMessageContaining("footer");
      assertThat(lake.table("other").scan().count()).isZero();
    }
    java.nio.file.Files.write(file, original);
    try (Lake lake = Lake.open(catalog)) {
      assertThat(lengths(lake, "id >= 0")).hasSize(20);
    }
  }

  private static Map<String, Object> row(long id, String s) {
    Map<String, Object> row = new HashMap<>();
    row.put("id", id);
    row.put("s", s);
    return row;
  }

  @SafeVarargs
  private static void insert(Lake lake, Map<String, Object>... rows) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      list.add(row);
    }
    insert(lake, list);
  }

  private static void insert(Lake lake, List<Map<String, Object>> rows) {
    try (Transaction tx = lake.begin()) {
      tx.insert("t", rows);
      tx.commit();
    }
  }

  private static Map<Long, Integer> lengths(Lake lake, String filter) {
    Map<Long, Integer> out = new HashMap<>();
    try (var rows = lake.table("t").scan().filter(filter).rows()) {
      rows.forEachRemaining(r -> out.put((Long) r.get("id"), ((String) r.get("s")).length()));
    }
    return out;
  }

  private long dataFiles() throws SQLException {
    return single("SELECT count(*) FROM ducklake_data_file");
  }

  private long inlinedRows() throws SQLException {
    long n = 0;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT name FROM sqlite_master WHERE name LIKE 'ducklake_inlined_data_1_%'")) {
      List<String> tables = new ArrayList<>();
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
      for (String table : tables) {
        n += single("SELECT count(*) FROM " + table);
      }
    }
    return n;
  }

  private long longestStatsText() throws SQLException {
    return Math.max(
        single(
            "SELECT max(max(length(min_value)), max(length(max_value)))"
                + " FROM ducklake_file_column_stats"),
        single(
            "SELECT max(max(length(min_value)), max(length(max_value)))"
                + " FROM ducklake_table_column_stats"));
  }

  private List<String> statsText(String table) throws SQLException {
    return textRow("SELECT min_value, max_value FROM " + table + " WHERE column_id = 2");
  }

  private List<String> textRow(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return List.of(rs.getString(1), rs.getString(2));
    }
  }

  private long single(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
