package io.quacklake.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.RowIterator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files registered with DuckDB's {@code ducklake_add_data_files} carry no field ids and are read by
 * name through {@code ducklake_name_mapping}: other column orders, missing and extra columns,
 * nested fields in another order, hive partition columns, and later schema changes of the table
 * read in Quacklake exactly as in DuckDB.
 */
class NameMappedFilesTest {
  @TempDir Path temp;

  private LakeLocation peerLake(DuckDbPeer peer, String... statements) throws Exception {
    Path dir = temp.resolve("lake");
    Files.createDirectories(dir.resolve("files/region=eu west"));
    String attach =
        "ATTACH 'ducklake:"
            + dir.resolve("lake.ducklake")
            + "' AS lake (DATA_PATH '"
            + dir.resolve("data")
            + "/', DUCKLAKE_VERSION '1.0')";
    peer.run(dir, attach + ";\n" + String.join(";\n", statements) + ";");
    return new LakeLocation("duckdb:" + dir.resolve("lake.ducklake"), null);
  }

  private static List<String> rows(LakeLocation lake, String table) {
    List<String> out = new ArrayList<>();
    try (Lake opened = Lake.open(lake.catalog());
        RowIterator it = opened.table(table).scan().rows()) {
      it.forEachRemaining(r -> out.add(r.toString()));
    }
    out.sort(null);
    return out;
  }

  @Test
  void columnsInAnotherOrderMissingAndExtraReadByName() throws Exception {
    DuckDbPeer peer = DuckDbPeer.require();
    LakeLocation lake =
        peerLake(
            peer,
            "COPY (SELECT 100 AS b, 1 AS a, 'x' AS extra) TO 'files/f1.parquet'",
            "COPY (SELECT 2 AS a) TO 'files/f2.parquet'",
            "CREATE TABLE lake.main.t (a INTEGER, b INTEGER, c VARCHAR)",
            "CALL ducklake_add_data_files('lake', 't', 'files/f1.parquet',"
                + " ignore_extra_columns => true, allow_missing => true)",
            "CALL ducklake_add_data_files('lake', 't', 'files/f2.parquet', allow_missing => true)",
            "INSERT INTO lake.main.t VALUES (3, 300, 'native')");
    assertThat(rows(lake, "main.t"))
        .containsExactly("{a=1, b=100, c=null}", "{a=2, b=null, c=null}", "{a=3, b=300, c=native}");
    assertThat(new PeerLakeComparison(peer, temp).assertSameRows(lake)).isPositive();
  }

  @Test
  void nestedFieldsInAnotherOrderAndLaterSchemaChangesReadByName() throws Exception {
    DuckDbPeer peer = DuckDbPeer.require();
    LakeLocation lake =
        peerLake(
            peer,
            "COPY (SELECT {'y': 'why', 'x': 7} AS s, [{'q': 2, 'p': 1}] AS l,"
                + " MAP {'k': 5} AS m, 10 AS n) TO 'files/nested.parquet'",
            "CREATE TABLE lake.main.t (n INTEGER, s STRUCT(x INTEGER, y VARCHAR),"
                + " l STRUCT(p INTEGER, q INTEGER)[], m MAP(VARCHAR, INTEGER))",
            "CALL ducklake_add_data_files('lake', 't', 'files/nested.parquet')",
            "ALTER TABLE lake.main.t RENAME COLUMN n TO number",
            "ALTER TABLE lake.main.t ALTER COLUMN number TYPE BIGINT",
            "ALTER TABLE lake.main.t ADD COLUMN added VARCHAR DEFAULT 'dflt'",
            "INSERT INTO lake.main.t VALUES (11, {'x': 8, 'y': 'z'}, [], MAP {}, 'own')");
    assertThat(rows(lake, "main.t"))
        .contains("{number=10, s={x=7, y=why}, l=[{p=1, q=2}], m={k=5}, added=dflt}");
    new PeerLakeComparison(peer, temp).assertSameRows(lake);
  }

  @Test
  void hivePartitionColumnsComeFromThePath() throws Exception {
    DuckDbPeer peer = DuckDbPeer.require();
    LakeLocation lake =
        peerLake(
            peer,
            "COPY (SELECT 1 AS id UNION ALL SELECT 2) TO 'files/region=eu west/part.parquet'",
            "CREATE TABLE lake.main.t (id INTEGER, region VARCHAR)",
            "CALL ducklake_add_data_files('lake', 't', 'files/region=eu west/part.parquet',"
                + " hive_partitioning => true)");
    List<Map<String, Object>> mapping =
        peer.query(
            temp.resolve("lake"),
            "ATTACH 'ducklake:"
                + temp.resolve("lake/lake.ducklake")
                + "' AS lake (READ_ONLY); SELECT source_name, is_partition FROM"
                + " __ducklake_metadata_lake.ducklake_name_mapping ORDER BY column_id");
    assertThat(mapping).extracting(m -> m.get("is_partition")).contains(true);
    assertThat(rows(lake, "main.t"))
        .containsExactly("{id=1, region=eu west}", "{id=2, region=eu west}");
    new PeerLakeComparison(peer, temp).assertSameRows(lake);
  }
}
