package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import io.quacklake.testkit.peer.DuckDbPeer;
import io.quacklake.testkit.peer.LakeLocation;
import io.quacklake.testkit.peer.PeerLakeComparison;
import io.quacklake.types.ColumnDefinitions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schemas and tables with their own data paths: files go there, the paths are stored as DuckDB
 * stores paths (relative under the parent's directory, absolute elsewhere), and DuckDB reads every
 * snapshot and writes there too.
 */
class DataPathsPeerTest {
  @TempDir Path temp;

  @Test
  void schemasAndTablesWithTheirOwnDataPaths() throws IOException {
    DuckDbPeer peer = DuckDbPeer.require();
    String catalog = TestCatalogs.location("duckdb", temp);
    Path root = temp.resolve("data");
    Path elsewhere = temp.resolve("elsewhere");
    try (Lake lake = Lake.create(catalog, root + "/")) {
      try (Transaction tx = lake.begin()) {
        tx.createSchema("ext", elsewhere.resolve("ext").toString());
        tx.createTable("ext.t", ColumnDefinitions.parse("id BIGINT, v VARCHAR"));
        tx.createTable(
            "main.u",
            ColumnDefinitions.parse("id BIGINT, v VARCHAR"),
            List.of(),
            root.resolve("main/under").toString());
        tx.createTable(
            "main.w",
            ColumnDefinitions.parse("id BIGINT, v VARCHAR"),
            List.of(),
            elsewhere.resolve("w") + "/");
        tx.createSchema("my schema");
        tx.createTable("\"my schema\".x", ColumnDefinitions.parse("id BIGINT, v VARCHAR"));
        for (String t : List.of("ext.t", "main.u", "main.w", "\"my schema\".x")) {
          tx.insert(t, rows(0, 30));
        }
        tx.commit();
      }
      try (Transaction tx = lake.begin()) {
        for (String t : List.of("ext.t", "main.u", "main.w", "\"my schema\".x")) {
          tx.delete(t, "id % 2 = 0");
        }
        tx.commit();
      }
    }
    assertThat(parquet(elsewhere.resolve("ext/t"))).as("ext.t's data and delete file").hasSize(2);
    assertThat(parquet(root.resolve("main/under"))).hasSize(2);
    assertThat(parquet(elsewhere.resolve("w"))).hasSize(2);
    new PeerLakeComparison(peer, temp).assertSameRows(new LakeLocation(catalog, null));
    List<List<Map<String, Object>>> out =
        peer.results(
            temp,
            peer.attach(catalog, null, "l", false)
                + "; SELECT schema_name, path, path_is_relative FROM"
                + " __ducklake_metadata_l.ducklake_schema ORDER BY schema_id;"
                + " SELECT table_name, path, path_is_relative FROM"
                + " __ducklake_metadata_l.ducklake_table ORDER BY table_id;"
                + " INSERT INTO l.ext.t VALUES (100, 'peer');"
                + " INSERT INTO l.main.w SELECT range, 'p' FROM range(200, 230);");
    assertThat(out.get(0))
        .extracting(
            r -> r.get("schema_name") + " " + r.get("path") + " " + r.get("path_is_relative"))
        .containsExactly(
            "main main/ true",
            "ext " + elsewhere.resolve("ext") + "/ false",
            "my schema " + out.get(0).get(2).get("path") + " true");
    assertThat(String.valueOf(out.get(0).get(2).get("path")))
        .as("a name that is not path-safe: the schema's uuid")
        .matches("[0-9a-f-]{36}/");
    assertThat(out.get(1))
        .extracting(
            r -> r.get("table_name") + " " + r.get("path") + " " + r.get("path_is_relative"))
        .containsExactly(
            "t t/ true", "u under/ true", "w " + elsewhere.resolve("w") + "/ false", "x x/ true");
    assertThat(parquet(elsewhere.resolve("w"))).as("the peer writes there too").hasSize(3);
  }

  @Test
  void relativeAndForeignPathsAreRefused() {
    String catalog = TestCatalogs.location("sqlite", temp);
    try (Lake lake = Lake.create(catalog, temp.resolve("data") + "/");
        Transaction tx = lake.begin()) {
      assertThatThrownBy(() -> tx.createSchema("s", "relative/dir"))
          .hasMessageContaining("relative; give an absolute path");
      assertThatThrownBy(
              () ->
                  tx.createTable(
                      "t", ColumnDefinitions.parse("id BIGINT"), List.of(), "s3://bucket/t/"))
          .hasMessageContaining("on 's3' storage but the lake's data is on local storage");
    }
  }

  private static List<Map<String, ?>> rows(int from, int to) {
    List<Map<String, ?>> out = new ArrayList<>();
    for (long i = from; i < to; i++) {
      out.add(Map.of("id", i, "v", "v" + i));
    }
    return out;
  }

  private static List<Path> parquet(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".parquet")).toList();
    }
  }
}
