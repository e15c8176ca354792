package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.RowIterator;
import io.quacklake.Transaction;
import io.quacklake.testkit.peer.DuckDbPeer;
import io.quacklake.testkit.peer.LakeLocation;
import io.quacklake.testkit.peer.PeerLakeComparison;
import io.quacklake.types.ColumnDefinitions;
import io.quacklake.types.ValueText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GEOMETRY columns as DuckDB stores them (little-endian WKB in Parquet's GEOMETRY type, well-known
 * text inlined in the catalog) read and written both ways, in files and inlined rows; DuckDB's text
 * form is WKT.
 */
class GeometryPeerTest {
  @TempDir Path temp;

  private static final List<String> SHAPES =
      List.of(
          "POINT (1 2)",
          "LINESTRING (0 0, 3 4)",
          "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0))",
          "MULTIPOINT ((1 1), (2.5 -3.25))",
          "POINT (0.1 1e-7)",
          "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1))");

  @Test
  void geometryDuckDbWroteIsReadHere() {
    DuckDbPeer peer = DuckDbPeer.require();
    Path catalog = temp.resolve("lake.ducklake");
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < SHAPES.size(); i++) {
      values
          .append(i == 0 ? "" : ", ")
          .append("(")
          .append(i)
          .append(", '")
          .append(SHAPES.get(i))
          .append("'::GEOMETRY)");
    }
    peer.query(
        temp,
        peer.attachNew("duckdb:" + catalog, temp.resolve("data") + "/", "l", "1.0")
            + ";"
            + " CREATE TABLE l.g(id INT, p GEOMETRY);"
            + " INSERT INTO l.g VALUES "
            + values
            + ", (9, NULL);"
            + " INSERT INTO l.g SELECT 100 + range, ('POINT (' || range || ' ' || range * 2 || ')')::GEOMETRY FROM range(20);");
    int compared =
        new PeerLakeComparison(peer, temp)
            .assertSameRows(new LakeLocation("duckdb:" + catalog, null));
    assertThat(compared).isGreaterThanOrEqualTo(2);
    try (Lake lake = Lake.open("duckdb:" + catalog);
        RowIterator rows = lake.table("g").scan().filter("id = 1").rows()) {
      byte[] wkb = (byte[]) rows.next().get("p");
      assertThat(wkb[0]).as("little-endian WKB").isEqualTo((byte) 1);
      var column = lake.table("g").columns().get(1);
      assertThat(ValueText.format(wkb, column)).isEqualTo("LINESTRING (0 0, 3 4)");
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> ValueText.parse("POINT Z (1 2 3)", column))
          .hasMessageContaining("Z or M coordinates");
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> ValueText.parse("LINESTRING (1 1)", column))
          .hasMessageContaining("is not a GEOMETRY");
    }
  }

  @Test
  void geometryWrittenHereIsReadByDuckDb() {
    DuckDbPeer peer = DuckDbPeer.require();
    String catalog = TestCatalogs.location("duckdb", temp);
    try (Lake lake = Lake.create(catalog, temp.resolve("data") + "/")) {
      lake.createTable("g", ColumnDefinitions.parse("id INTEGER, p GEOMETRY"));
      var column = lake.table("g").columns().get(1);
      List<Map<String, ?>> few = new ArrayList<>();
      for (int i = 0; i < SHAPES.size(); i++) {
        few.add(Map.of("id", i, "p", ValueText.parse(SHAPES.get(i), column)));
      }
      Map<String, Object> empty = new HashMap<>();
      empty.put("id", 9);
      empty.put("p", null);
      few.add(empty);
      List<Map<String, ?>> many = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        many.add(
            Map.of(
                "id",
                100 + i,
                "p",
                ValueText.parse("POINT (" + i + " " + (i * 0.5) + ")", column)));
      }
      for (List<Map<String, ?>> rows : List.of(few, many)) {
        try (Transaction tx = lake.begin()) {
          tx.insert("g", rows);
          tx.commit();
        }
      }
    }
    new PeerLakeComparison(peer, temp).assertSameRows(new LakeLocation(catalog, null));
    String stats =
        " SELECT s.extra_stats FROM __ducklake_metadata_l.ducklake_file_column_stats s"
            + " JOIN __ducklake_metadata_l.ducklake_column c ON c.column_id = s.column_id"
            + " WHERE c.column_name = 'p';";
    List<Map<String, Object>> ours =
        peer.query(temp, peer.attachForReading(catalog, null, "l", null) + ";" + stats);
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      points
          .append(i == 0 ? "" : ", ")
          .append("(")
          .append(100 + i)
          .append(", 'POINT (")
          .append(i)
          .append(' ')
          .append(i * 0.5)
          .append(")'::GEOMETRY)");
    }
    List<Map<String, Object>> theirs =
        peer.query(
            temp,
            peer.attachNew(
                    "duckdb:" + temp.resolve("peer.ducklake"),
                    temp.resolve("peer") + "/",
                    "l",
                    "1.0",
                    "DATA_INLINING_ROW_LIMIT 0")
                + "; CREATE TABLE l.g(id INT, p GEOMETRY); INSERT INTO l.g VALUES "
                + points
                + ";"
                + stats);
    assertThat(ours)
        .as("the bounding box and types of our file, as DuckDB records them for the same rows")
        .isEqualTo(theirs)
        .isNotEmpty();
    String tableStats =
        " SELECT s.extra_stats FROM __ducklake_metadata_l.ducklake_table_column_stats s"
            + " JOIN __ducklake_metadata_l.ducklake_column c ON c.column_id = s.column_id"
            + " WHERE c.column_name = 'p';";
    StringBuilder shapes = new StringBuilder();
    for (int i = 0; i < SHAPES.size(); i++) {
      shapes.append("(").append(i).append(", '").append(SHAPES.get(i)).append("'::GEOMETRY), ");
    }
    List<Map<String, Object>> theirTable =
        peer.query(
            temp,
            peer.attachNew(
                    "duckdb:" + temp.resolve("peer2.ducklake"),
                    temp.resolve("peer2") + "/",
                    "l",
                    "1.0",
                    "DATA_INLINING_ROW_LIMIT 10")
                + "; CREATE TABLE l.g(id INT, p GEOMETRY); INSERT INTO l.g VALUES "
                + shapes
                + "(9, NULL); INSERT INTO l.g VALUES "
                + points
                + ";"
                + tableStats);
    assertThat(peer.query(temp, peer.attachForReading(catalog, null, "l", null) + ";" + tableStats))
        .as("the table's bounding box and types over inlined rows and a file, as DuckDB's")
        .isEqualTo(theirTable)
        .singleElement()
        .satisfies(row -> assertThat(String.valueOf(row.get("extra_stats"))).contains("polygon"));
  }
}
