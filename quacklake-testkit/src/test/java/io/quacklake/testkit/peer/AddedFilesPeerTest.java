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
  void filesRegisteredInAPartitionedTableGetThePeersPartitionValues() throws Exception {
    DuckDbPeer peer = DuckDbPeer.require().withPostgres();
    Files.createDirectories(temp.resolve("p/region=EU/year=2024/bucket=1"));
    Files.createDirectories(temp.resolve("p/region=US/year=2023/bucket=0"));
    Files.createDirectories(temp.resolve("p/region=EU"));
    peer.run(
        temp,
        "COPY (SELECT 1 AS id, TIMESTAMP '2024-05-01 10:00' AS ts) TO"
            + " 'p/region=EU/year=2024/bucket=1/a.parquet';"
            + " COPY (SELECT 2 AS id, TIMESTAMP '2023-01-02 03:04' AS ts) TO"
            + " 'p/region=US/year=2023/bucket=0/b.parquet';"
            + " COPY (SELECT 3 AS id, TIMESTAMP '2023-01-02 03:04' AS ts) TO"
            + " 'p/region=EU/c.parquet';");
    String ours = TestCatalogs.location("postgres", temp);
    String theirs = TestCatalogs.location("postgres", temp);
    String columns = "id INTEGER, ts TIMESTAMP, region VARCHAR";
    List<String> files =
        List.of(
            temp.resolve("p/region=EU/year=2024/bucket=1/a.parquet").toString(),
            temp.resolve("p/region=US/year=2023/bucket=0/b.parquet").toString());
    try (Lake lake = Lake.create(ours, temp.resolve("data") + "/")) {
      try (Transaction tx = lake.begin()) {
        tx.createTable(
            "main.t",
            ColumnDefinitions.parse(columns),
            List.of(
                new io.quacklake.PartitionField("region", "identity"),
                new io.quacklake.PartitionField("ts", "year"),
                io.quacklake.PartitionField.bucket(2, "id")));
        tx.commit();
      }
      try (Transaction tx = lake.begin()) {
        tx.addDataFiles("t", files, AddFilesOptions.defaults());
        tx.commit();
      }
      try (Transaction tx = lake.begin()) {
        assertThatThrownBy(
                () ->
                    tx.addDataFiles(
                        "t",
                        List.of(temp.resolve("p/region=EU/c.parquet").toString()),
                        AddFilesOptions.defaults()))
            .isInstanceOf(QuacklakeException.class)
            .hasMessageContaining("'year=VALUE' directory");
      }
    }
    peer.run(
        temp,
        peer.attach(theirs, temp.resolve("data2") + "/", "l", false)
            + "; CREATE TABLE l.main.t ("
            + columns
            + "); ALTER TABLE l.main.t SET PARTITIONED BY (region, year(ts), bucket(2, id));"
            + " CALL ducklake_add_data_files('l', 't', '"
            + files.get(0)
            + "'); CALL ducklake_add_data_files('l', 't', '"
            + files.get(1)
            + "')");
    assertThatThrownBy(
            () ->
                peer.run(
                    temp,
                    peer.attach(theirs, null, "l", false)
                        + "; CALL ducklake_add_data_files('l', 't', '"
                        + temp.resolve("p/region=EU/c.parquet")
                        + "')"))
        .as("the peer refuses a file outside the partition directories too")
        .hasMessageContaining("invalid partition value");
    String values =
        "; SELECT f.path, string_agg(v.partition_key_index || '=' || coalesce(v.partition_value,"
            + " 'NULL'), ',' ORDER BY v.partition_key_index) AS vals, f.partition_id IS NOT NULL"
            + " AS has_partition FROM __ducklake_metadata_l.ducklake_data_file f JOIN"
            + " __ducklake_metadata_l.ducklake_file_partition_value v USING (data_file_id)"
            + " GROUP BY ALL ORDER BY 1";
    assertThat(peer.query(temp, peer.attachForReading(ours, null, "l", null) + values))
        .isEqualTo(peer.query(temp, peer.attachForReading(theirs, null, "l", null) + values))
        .hasSize(2);
    String table = "; SELECT * FROM l.main.t ORDER BY id";
    assertThat(peer.query(temp, peer.attachForReading(ours, null, "l", null) + table))
        .isEqualTo(peer.query(temp, peer.attachForReading(theirs, null, "l", null) + table))
        .hasSize(2);
    new PeerLakeComparison(peer, temp).assertSameRows(new LakeLocation(ours, null));
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
