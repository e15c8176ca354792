package io.quacklake.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.CatalogFileFormat;
import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.PartitionField;
import io.quacklake.Transaction;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.testkit.GoldenLakes;
import io.quacklake.testkit.TestCatalogs;
import io.quacklake.types.ColumnDefinitions;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code catalog export FILE --format duckdb}: an object-store catalog's newest version, written as
 * a DuckDB catalog file, opens in the peer, which reads every table at every snapshot exactly as
 * Quacklake reads the object-store catalog: every type inlined and in files, deletes, updates,
 * schema changes, partitions, inlined deletes of file rows, and flushed inlined data.
 */
class CatalogExportPeerTest {
  private static final Path TYPES =
      GoldenLakes.repositoryRoot().resolve("quacklake-testkit/src/test/resources/golden/types");

  @TempDir Path temp;

  @ParameterizedTest(name = "DuckLake {0}")
  @ValueSource(strings = {"1.0", "1.1-dev1"})
  void theExportOpensInThePeerWithTheSameRows(String version) {
    DuckDbPeer peer = DuckDbPeer.require();
    String catalog = TestCatalogs.location("objectstore", temp);
    String data = temp.resolve("data").toString();
    try (Lake golden =
            Lake.open(
                "duckdb:" + TYPES.resolve("catalog.ducklake"),
                LakeOptions.dataPath(TYPES.resolve("data").toString()));
        Lake lake = Lake.create(catalog, data, LakeOptions.defaults(), version)) {
      List<LakeColumn> fresh = new ArrayList<>();
      for (LakeColumn c : golden.table("main.all_types").columns()) {
        fresh.add(withoutIds(c));
      }
      lake.createTable("main.all_types", fresh);
      insert(lake, rows(golden, "id < 5"));
      insert(lake, rows(golden, "id >= 5"));
      run(
          lake,
          tx -> tx.delete("all_types", "id IN (2, 100, 700, 1999) OR (id > 1200 AND id < 1300)"));
      run(lake, tx -> tx.update("all_types", Map.of("i32", 7), "id IN (1, 3, 17)"));
      try (Transaction tx = lake.begin()) {
        tx.createTable(
            "main.events",
            ColumnDefinitions.parse("id BIGINT, region VARCHAR, amount DOUBLE"),
            List.of(new PartitionField("region", "identity")));
        tx.commit();
      }
      run(
          lake,
          tx ->
              tx.insert(
                  "events",
                  List.of(
                      Map.of("id", 1L, "region", "EU", "amount", 1.5),
                      Map.of("id", 2L, "region", "US", "amount", 2.5))));
      run(
          lake,
          tx -> tx.addColumn("events", LakeColumn.of(0, "note", LakeType.of(TypeId.VARCHAR))));
      run(
          lake,
          tx ->
              tx.insert(
                  "events", List.of(Map.of("id", 3L, "region", "EU", "amount", 3.5, "note", "n"))));
      run(lake, tx -> tx.delete("events", "id = 1"));
      lake.maintenance().flushInlinedData(null);
      run(
          lake,
          tx -> tx.insert("events", List.of(Map.of("id", 4L, "region", "EU", "amount", 4.5))));
      Path exported = temp.resolve("export.ducklake");
      lake.catalogVersions().export(exported, CatalogFileFormat.DUCKDB);
      assertThatThrownBy(() -> lake.catalogVersions().export(exported, CatalogFileFormat.DUCKDB))
          .isInstanceOf(QuacklakeException.class)
          .extracting(e -> ((QuacklakeException) e).kind())
          .isEqualTo(ErrorKind.ALREADY_EXISTS);
    }
    Path exported = temp.resolve("export.ducklake");
    assertThat(Files.exists(exported)).isTrue();
    int compared =
        new PeerLakeComparison(peer, temp)
            .assertSameRows(
                new LakeLocation("duckdb:" + exported, null), new LakeLocation(catalog, null));
    assertThat(compared).isGreaterThan(10);
    List<Map<String, Object>> meta =
        peer.query(
            temp,
            peer.attachForReading("duckdb:" + exported, null, "l", null)
                + "; SELECT value FROM __ducklake_metadata_l.ducklake_metadata"
                + " WHERE key = 'version'");
    assertThat(meta.get(0).get("value")).isEqualTo(version);
  }

  private static List<Map<String, Object>> rows(Lake golden, String filter) {
    List<Map<String, Object>> out = new ArrayList<>();
    try (var it = golden.table("main.all_types").scan().asOf(3).filter(filter).rows()) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  private static void insert(Lake lake, List<Map<String, Object>> rows) {
    run(lake, tx -> tx.insert("all_types", rows));
  }

  private static void run(Lake lake, java.util.function.Consumer<Transaction> step) {
    try (Transaction tx = lake.begin()) {
      step.accept(tx);
      tx.commit();
    }
  }

  private static LakeColumn withoutIds(LakeColumn c) {
    List<LakeColumn> children = new ArrayList<>();
    for (LakeColumn child : c.children()) {
      children.add(withoutIds(child));
    }
    return new LakeColumn(0, c.name(), c.type(), c.nullable(), null, null, children);
  }
}
