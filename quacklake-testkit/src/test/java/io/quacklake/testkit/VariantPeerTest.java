package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.RowIterator;
import io.quacklake.testkit.peer.DuckDbPeer;
import io.quacklake.testkit.peer.LakeLocation;
import io.quacklake.testkit.peer.PeerLakeComparison;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VARIANT columns DuckDB wrote — shredded into typed columns (objects, arrays, scalars), partly
 * shredded, unshredded, inlined in the catalog — read here as the JSON text DuckDB's {@code
 * to_json} gives, at every snapshot.
 */
class VariantPeerTest {
  @TempDir Path temp;

  @Test
  void variantsDuckDbWroteReadAsItsJson() {
    DuckDbPeer peer = DuckDbPeer.require();
    Path catalog = temp.resolve("lake.ducklake");
    peer.query(
        temp,
        peer.attachNew("duckdb:" + catalog, temp.resolve("data") + "/", "l", "1.0")
            + ";"
            + " CREATE TABLE l.g(id INT, v VARIANT);"
            + " INSERT INTO l.g SELECT range, {'a': range, 'b': 'x' || range, 'c': [range, range + 1]}"
            + "::VARIANT FROM range(20);"
            + " INSERT INTO l.g VALUES (100, {'a': 'str', 'z': true}::VARIANT),"
            + " (101, [1::VARIANT, 'two'::VARIANT, 3.5::VARIANT]::VARIANT),"
            + " (102, DATE '2024-01-02'::VARIANT), (103, 1.25::DECIMAL(5,2)::VARIANT),"
            + " (104, NULL), (105, 'hello'::VARIANT), (106, 42::VARIANT),"
            + " (107, TIMESTAMP '2024-05-06 07:08:09.5'::VARIANT), (108, true::VARIANT),"
            + " (109, 2.5::DOUBLE::VARIANT), (110, {'n': NULL, 'l': []}::VARIANT),"
            + " (111, 'b5c07a7e-0000-4000-8000-000000000001'::UUID::VARIANT);"
            + " INSERT INTO l.g SELECT 200 + range, (range * 3)::VARIANT FROM range(30);"
            + " INSERT INTO l.g VALUES (300, {'only': 1}::VARIANT), (301, [{'x': 1}, {'x': 2}]::VARIANT);");
    int compared =
        new PeerLakeComparison(peer, temp)
            .assertSameRows(new LakeLocation("duckdb:" + catalog, null));
    assertThat(compared).isGreaterThanOrEqualTo(4);
    List<String> values = new ArrayList<>();
    try (Lake lake = Lake.open("duckdb:" + catalog);
        RowIterator rows = lake.table("g").scan().filter("id = 0 OR id = 102").rows()) {
      rows.forEachRemaining(r -> values.add(String.valueOf(r.get("v"))));
    }
    assertThat(values)
        .containsExactlyInAnyOrder("{\"a\":0,\"b\":\"x0\",\"c\":[0,1]}", "\"2024-01-02\"");
  }

  @Test
  void variantsWrittenHereAreReadByDuckDb() {
    DuckDbPeer peer = DuckDbPeer.require();
    String catalog = TestCatalogs.location("duckdb", temp);
    List<String> json =
        List.of(
            "{\"a\":1,\"b\":\"x\",\"c\":[1,2]}",
            "[1,\"two\",3.5,null,{\"k\":false}]",
            "\"hello\"",
            "42",
            "-1.25",
            "12345678901234567890123",
            "true",
            "null",
            "{}",
            "{\"nested\":{\"deeper\":[{\"x\":1e300}]}}",
            "1234567890123456789012345678901234567890");
    try (Lake lake = Lake.create(catalog, temp.resolve("data") + "/")) {
      lake.createTable("g", io.quacklake.types.ColumnDefinitions.parse("id INTEGER, v VARIANT"));
      List<java.util.Map<String, ?>> rows = new ArrayList<>();
      for (int i = 0; i < json.size(); i++) {
        rows.add(java.util.Map.of("id", i, "v", json.get(i)));
      }
      java.util.Map<String, Object> sqlNull = new java.util.HashMap<>();
      sqlNull.put("id", 99);
      sqlNull.put("v", null);
      rows.add(sqlNull);
      try (io.quacklake.Transaction tx = lake.begin()) {
        tx.insert("g", rows);
        tx.commit();
      }
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> {
                try (io.quacklake.Transaction tx = lake.begin()) {
                  tx.insert("g", List.of(java.util.Map.of("id", 100, "v", "{not json")));
                  tx.commit();
                }
              })
          .hasMessageContaining("takes JSON text");
      assertThat(lake.table("g").scan().filter("v IS NULL").count())
          .as("a JSON null and a SQL NULL are both NULL, and the file's statistics say so")
          .isEqualTo(2);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> lake.maintenance().mergeAdjacentFiles("g", null))
          .hasMessageContaining("has VARIANT columns");
      lake.maintenance().checkpoint();
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  lake.createTable(
                      "nested", io.quacklake.types.ColumnDefinitions.parse("s STRUCT(v VARIANT)")))
          .hasMessageContaining("inside a nested type");
    }
    new PeerLakeComparison(peer, temp).assertSameRows(new LakeLocation(catalog, null));
    List<java.util.Map<String, Object>> typed =
        peer.query(
            temp,
            peer.attachForReading(catalog, null, "l", null)
                + "; SELECT variant_typeof(v) AS t FROM l.g WHERE id IN (0, 2, 3) ORDER BY id");
    assertThat(typed)
        .extracting(r -> r.get("t"))
        .containsExactly("OBJECT(a, b, c)", "VARCHAR", "INT64");
  }
}
