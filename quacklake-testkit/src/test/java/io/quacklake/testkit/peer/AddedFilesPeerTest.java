package io.quacklake.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.AddFilesOptions;
import io.quacklake.Lake;
import io.quacklake.RowIterator;
import io.quacklake.Transaction;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.testkit.TestCatalogs;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files Quacklake registers with {@code Transaction.addDataFiles} read in DuckDB exactly as in
 * Quacklake (name mapping rows as DuckDB writes them), and files that do not fit are refused naming
 * the column.
 */
class AddedFilesPeerTest {
  @TempDir Path temp;

  private void parquet(DuckDbPeer peer, String... copies) throws Exception {
    Files.createDirectories(temp.resolve("files/region=eu west"));
    peer.run(temp, String.join(";\n", copies) + ";");
  }

  private static List<String> rows(Lake lake, String table) {
    List<String> out = new ArrayList<>();
    try (RowIterator it = lake.table(table).scan().rows()) {
      it.forEachRemaining(r -> out.add(r.toString()));
    }
    out.sort(null);
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "postgres"})
  void filesQuacklakeRegistersReadTheSameInDuckDb(String kind) throws Exception {
    DuckDbPeer peer =
        kind.equals("postgres") ? DuckDbPeer.require().withPostgres() : DuckDbPeer.require();
    parquet(
        peer,
        "COPY (SELECT 100 AS B, 1 AS a, {'y': 'why', 'x': 7} AS s, 'extra' AS e)"
            + " TO 'files/f1.parquet'",
        "COPY (SELECT 2 AS a) TO 'files/region=eu west/f2.parquet'");
    String catalog = TestCatalogs.location(kind, temp);
    try (Lake lake = Lake.create(catalog, temp.resolve("data") + "/")) {
      lake.createTable(
          "main.t",
          ColumnDefinitions.parse(
              "a INTEGER, b BIGINT, s STRUCT(x INTEGER, y VARCHAR), region VARCHAR"));
      try (Transaction tx = lake.begin()) {
        tx.addDataFiles(
            "t",
            List.of(
                temp.resolve("files/f1.parquet").toString(),
                temp.resolve("files/region=eu west/f2.parquet").toString()),
            new AddFilesOptions(true, true));
        assertThat(tx.commit().changesText()).isEqualTo("{tables_inserted_into=[1]}");
      }
      try (Transaction tx = lake.begin()) {
        tx.insert("t", List.of(Map.of("a", 3, "b", 300L)));
        tx.commit();
      }
      assertThat(rows(lake, "main.t"))
          .containsExactly(
              "{a=1, b=100, s={x=7, y=why}, region=null}",
              "{a=2, b=null, s=null, region=eu west}",
              "{a=3, b=300, s=null, region=null}");
    }
    new PeerLakeComparison(peer, temp).assertSameRows(new LakeLocation(catalog, null));
    assertThat(Files.exists(temp.resolve("files/f1.parquet"))).isTrue();
  }

  @Test
  void filesThatDoNotFitAreRefusedNamingTheColumn() throws Exception {
    DuckDbPeer peer = DuckDbPeer.require();
    parquet(
        peer,
        "COPY (SELECT 1 AS a) TO 'files/missing.parquet'",
        "COPY (SELECT 1 AS a, 2 AS b, 3 AS c) TO 'files/extra.parquet'",
        "COPY (SELECT 'text' AS a, 2 AS b) TO 'files/type.parquet'");
    try (Lake lake =
        Lake.create(TestCatalogs.location("sqlite", temp), temp.resolve("data").toString())) {
      lake.createTable("main.t", ColumnDefinitions.parse("a INTEGER, b INTEGER"));
      long before = lake.currentSnapshot().id();
      for (String[] c :
          new String[][] {
            {"missing.parquet", "column \"b\" of the table is not in file"},
            {"extra.parquet", "column \"c\" exists in file"},
            {"type.parquet", "'a'"},
            {"nothing.parquet", "does not exist"}
          }) {
        try (Transaction tx = lake.begin()) {
          assertThatThrownBy(
                  () ->
                      tx.addDataFiles(
                          "t",
                          List.of(temp.resolve("files/" + c[0]).toString()),
                          AddFilesOptions.defaults()))
              .isInstanceOfSatisfying(
                  QuacklakeException.class,
                  e -> assertThat(e.kind()).isIn(ErrorKind.INVALID_ARGUMENT, ErrorKind.NOT_FOUND))
              .hasMessageContaining(c[1]);
        }
      }
      assertThat(lake.currentSnapshot().id()).isEqualTo(before);
      assertThat(lake.table("t").scan().count()).isZero();
    }
  }
}
