package io.quacklake.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.Transaction;
import io.quacklake.testkit.TestCatalogs;
import io.quacklake.types.ColumnDefinitions;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The released DuckLake 1.1, which no DuckDB here opens (the peer knows 1.0 and 1.1-dev1 only), is
 * checked against the specification and against what the peer reads: a 1.1 lake has the peer's
 * 1.1-dev1 layout plus the columns the specification adds ({@code parent_schema_id}, {@code
 * min_is_exact}, {@code max_is_exact}); the same writes into a 1.1 lake read exactly as the peer
 * reads them from a 1.1-dev1 lake; migrating the peer's 1.1-dev1 and 1.0 lakes to 1.1 keeps every
 * row at every snapshot and makes the specification's repairs.
 */
class ReleasedV11LakesTest {
  private static final String LAYOUT =
      "SELECT table_name, column_name, data_type FROM duckdb_columns()"
          + " WHERE database_name = 'm' ORDER BY 1, column_index";

  @TempDir Path temp;

  private static void run(Lake lake, Consumer<Transaction> step) {
    try (Transaction tx = lake.begin()) {
      step.accept(tx);
      tx.commit();
    }
  }

  private static List<Map<String, Object>> rows(int from, int to, String name) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      Map<String, Object> row = new HashMap<>();
      row.put("id", (long) i);
      row.put("name", name + i);
      out.add(row);
    }
    return out;
  }

  /** Every kind of change: inlined and file inserts, deletes, updates, a new column, a flush. */
  private static void history(Lake lake) {
    lake.createTable("main.t", ColumnDefinitions.parse("id BIGINT, name VARCHAR"));
    run(lake, tx -> tx.insert("t", rows(0, 3, "n")));
    run(lake, tx -> tx.insert("t", rows(10, 60, "x".repeat(300))));
    run(lake, tx -> tx.delete("t", "id IN (1, 11)"));
    run(lake, tx -> tx.update("t", Map.of("name", "u"), "id IN (2, 12)"));
    run(lake, tx -> tx.addColumn("t", LakeColumn.of(0, "score", LakeType.of(TypeId.FLOAT64))));
    run(lake, tx -> tx.insert("t", List.of(Map.of("id", 100L, "name", "late", "score", 1.5))));
    lake.maintenance().flushInlinedData(null);
    try (Transaction tx = lake.begin()) {
      tx.createSchema("s2");
      tx.createTable("s2.u", ColumnDefinitions.parse("k INTEGER"));
      tx.commit();
    }
    run(lake, tx -> tx.insert("s2.u", List.of(Map.of("k", 7))));
  }

  @Test
  void aNewLakeHasThePeersDev1LayoutPlusTheReleasedColumns() {
    DuckDbPeer peer = DuckDbPeer.require();
    Path mine = temp.resolve("mine.ducklake");
    Path theirs = temp.resolve("theirs.ducklake");
    try (Lake lake =
        Lake.create("duckdb:" + mine, temp.resolve("data") + "/", LakeOptions.defaults(), "1.1")) {
      assertThat(lake.specVersion()).isEqualTo("1.1");
    }
    peer.run(temp, peer.attachNew("duckdb:" + theirs, temp.resolve("d2") + "/", "l", null));
    List<String> expected = new ArrayList<>();
    for (Map<String, Object> r : peer.query(temp, "ATTACH '" + theirs + "' AS m; " + LAYOUT)) {
      expected.add(r.get("table_name") + "." + r.get("column_name") + " " + r.get("data_type"));
    }
    int schemaEnd = expected.lastIndexOf("ducklake_schema.path_is_relative BOOLEAN") + 1;
    expected.add(schemaEnd, "ducklake_schema.parent_schema_id BIGINT");
    for (String table : List.of("ducklake_table_column_stats", "ducklake_file_column_stats")) {
      int end = expected.lastIndexOf(table + ".extra_stats VARCHAR") + 1;
      expected.add(end, table + ".max_is_exact BOOLEAN");
      expected.add(end, table + ".min_is_exact BOOLEAN");
    }
    List<String> actual = new ArrayList<>();
    for (Map<String, Object> r :
        peer.query(temp, "ATTACH '" + mine + "' AS m (READ_ONLY); " + LAYOUT)) {
      actual.add(r.get("table_name") + "." + r.get("column_name") + " " + r.get("data_type"));
    }
    assertThat(actual).containsExactlyElementsOf(expected);
    assertThatThrownBy(
            () ->
                peer.run(
                    temp,
                    "ATTACH 'ducklake:" + mine + "' AS l (READ_ONLY); SELECT 1 FROM l.main.t"))
        .as("this peer predates the released 1.1")
        .hasMessageContaining("1.1");
  }

  @ParameterizedTest
  @MethodSource("io.quacklake.testkit.TestCatalogs#all")
  void writesIntoA11LakeReadAsThePeerReadsThemFromA1Dev1Lake(String kind) throws Exception {
    DuckDbPeer peer = DuckDbPeer.require();
    String released = TestCatalogs.location(kind, temp);
    String dev1 = "duckdb:" + temp.resolve("dev1.ducklake");
    try (Lake lake =
        Lake.create(released, temp.resolve("data") + "/", LakeOptions.defaults(), "1.1")) {
      history(lake);
    }
    try (Lake lake =
        Lake.create(dev1, temp.resolve("data-dev1") + "/", LakeOptions.defaults(), "1.1-dev1")) {
      history(lake);
    }
    int compared =
        new PeerLakeComparison(peer, temp)
            .assertSameRows(new LakeLocation(dev1, null), new LakeLocation(released, null));
    assertThat(compared).isGreaterThan(8);
    if (kind.equals("sqlite")) {
      try (Connection c = DriverManager.getConnection(TestCatalogs.jdbcUrl(released));
          Statement s = c.createStatement()) {
        assertThat(
                strings(
                    s,
                    "SELECT DISTINCT c.column_name || ':' || coalesce(f.min_is_exact, 'null') || ','"
                        + " || coalesce(f.max_is_exact, 'null') FROM ducklake_file_column_stats f"
                        + " JOIN ducklake_column c ON c.column_id = f.column_id AND c.table_id ="
                        + " f.table_id JOIN ducklake_table t ON t.table_id = f.table_id"
                        + " WHERE t.table_name = 't' AND c.column_name IN ('id', 'name')"))
            .as("file bounds: exact for numbers, not for strings cut at 256 bytes")
            .contains("id:1,1", "name:0,0");
        assertThat(
                strings(
                    s,
                    "SELECT DISTINCT coalesce(min_is_exact, 'null') || ','"
                        + " || coalesce(max_is_exact, 'null') FROM ducklake_table_column_stats"
                        + " WHERE min_value IS NOT NULL"))
            .as("running table bounds are never claimed exact")
            .containsOnly("0,0");
        assertThat(strings(s, "SELECT count(parent_schema_id) FROM ducklake_schema"))
            .containsExactly("0");
      }
    }
  }

  @Test
  void migratingThePeersDev1LakeTo11KeepsEveryRowAndRepairs() throws Exception {
    DuckDbPeer peer = DuckDbPeer.require();
    Path original = temp.resolve("peer.ducklake");
    Path migrated = temp.resolve("migrated.ducklake");
    peer.run(
        temp,
        peer.attachNew("duckdb:" + original, temp.resolve("data") + "/", "l", null)
            + "; CREATE TABLE l.main.t (id BIGINT, name VARCHAR);"
            + " INSERT INTO l.main.t VALUES (1, 'a'), (2, 'b');"
            + " INSERT INTO l.main.t SELECT range, 'r' || range FROM range(10, 100);"
            + " DELETE FROM l.main.t WHERE id IN (2, 50);"
            + " ALTER TABLE l.main.t ADD COLUMN score DOUBLE;"
            + " INSERT INTO l.main.t VALUES (200, 'late', 2.5);"
            + " UPDATE l.main.t SET name = 'upd' WHERE id = 1;");
    Files.copy(original, migrated);
    String url = "jdbc:duckdb:" + migrated;
    List<String> removed;
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      removed =
          strings(
              s,
              "SELECT v.begin_snapshot || '/' || v.schema_version || '/' || v.table_id"
                  + " FROM ducklake_schema_versions v JOIN ducklake_inlined_data_tables i"
                  + " ON i.table_id = v.table_id AND i.schema_version = v.schema_version"
                  + " ORDER BY 1");
      assertThat(removed).as("the peer's inlined tables").isNotEmpty();
      s.execute(
          "DELETE FROM ducklake_schema_versions WHERE (table_id, schema_version) IN"
              + " (SELECT table_id, schema_version FROM ducklake_inlined_data_tables)");
      s.execute(
          "UPDATE ducklake_file_column_stats SET min_value = 'not a number'"
              + " WHERE column_id = (SELECT column_id FROM ducklake_column"
              + " WHERE column_name = 'id' AND end_snapshot IS NULL)");
    }
    Lake.migrate("duckdb:" + migrated, LakeOptions.defaults(), "1.1");
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      assertThat(
              strings(
                  s,
                  "SELECT v.begin_snapshot || '/' || v.schema_version || '/' || v.table_id"
                      + " FROM ducklake_schema_versions v JOIN ducklake_inlined_data_tables i"
                      + " ON i.table_id = v.table_id AND i.schema_version = v.schema_version"
                      + " ORDER BY 1"))
          .as("missing schema-version rows of inlined tables are restored")
          .isEqualTo(removed);
      assertThat(
              strings(
                  s,
                  "SELECT count(*) FROM ducklake_file_column_stats"
                      + " WHERE min_value = 'not a number'"))
          .as("a bound that is not a value of its column is cleared")
          .containsExactly("0");
      assertThat(
              strings(
                  s,
                  "SELECT count(*) FROM ducklake_file_column_stats WHERE max_value IS NOT NULL"
                      + " AND min_is_exact IS NULL"))
          .as("valid bounds stay; 1.1's new columns are NULL for existing rows")
          .isNotEqualTo(List.of("0"));
    }
    new PeerLakeComparison(peer, temp)
        .assertSameRows(
            new LakeLocation("duckdb:" + original, null),
            new LakeLocation("duckdb:" + migrated, null));
    try (Lake lake = Lake.open("duckdb:" + migrated)) {
      assertThat(lake.specVersion()).isEqualTo("1.1");
      long before = lake.table("t").scan().count();
      run(lake, tx -> tx.insert("t", rows(300, 340, "after")));
      run(lake, tx -> tx.delete("t", "id = 1"));
      assertThat(lake.table("t").scan().count()).isEqualTo(before + 39);
    }
  }

  @Test
  void migratingA10LakeTo11KeepsEveryRow() throws Exception {
    DuckDbPeer peer = DuckDbPeer.require();
    Path original = temp.resolve("v10.ducklake");
    Path migrated = temp.resolve("v10-migrated.ducklake");
    try (Lake lake = Lake.create("duckdb:" + original, temp.resolve("data") + "/")) {
      history(lake);
    }
    Files.copy(original, migrated);
    Lake.migrate("duckdb:" + migrated, LakeOptions.defaults(), "1.1");
    new PeerLakeComparison(peer, temp)
        .assertSameRows(
            new LakeLocation("duckdb:" + original, null),
            new LakeLocation("duckdb:" + migrated, null));
    assertThatThrownBy(() -> Lake.migrate("duckdb:" + migrated, LakeOptions.defaults(), "1.1"))
        .hasMessageContaining("at DuckLake 1.1 already");
  }

  @Test
  void aNestedSchemaIsRefusedByName() throws Exception {
    String catalog = TestCatalogs.location("sqlite", temp);
    try (Lake lake =
        Lake.create(catalog, temp.resolve("data") + "/", LakeOptions.defaults(), "1.1")) {
      lake.createTable("main.t", ColumnDefinitions.parse("id BIGINT"));
    }
    try (Connection c = DriverManager.getConnection(TestCatalogs.jdbcUrl(catalog));
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO ducklake_schema VALUES (99, '0190a0a0-0000-7000-8000-000000000000', 1,"
              + " NULL, 'europe', 'europe/', true, 0)");
    }
    try (Lake lake = Lake.open(catalog)) {
      assertThatThrownBy(lake::schemas)
          .isInstanceOf(io.quacklake.exceptions.QuacklakeException.class)
          .hasMessageContaining("schema europe")
          .hasMessageContaining("nested");
    }
  }

  private static List<String> strings(Statement s, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
