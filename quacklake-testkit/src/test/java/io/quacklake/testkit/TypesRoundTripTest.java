package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.Snapshot;
import io.quacklake.Transaction;
import io.quacklake.types.LakeColumn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every type DuckLake 1.0 stores, written through Quacklake and read back: the golden {@code types}
 * lake's rows are re-inserted (4 rows inlined in the catalog, then 2000 rows in a Parquet file)
 * into a new lake of each catalog kind, and must render exactly as DuckDB rendered the original at
 * each snapshot.
 */
@org.junit.jupiter.api.extension.ExtendWith(io.quacklake.testkit.peer.PeerChecksLakes.class)
class TypesRoundTripTest {
  private static final Path GOLDEN =
      GoldenLakes.repositoryRoot().resolve("quacklake-testkit/src/test/resources/golden/types");

  @TempDir Path temp;

  private static List<Map<String, Object>> rows(Lake golden, long snapshot, long minId) {
    List<Map<String, Object>> out = new ArrayList<>();
    try (var it =
        golden.table("main.all_types").scan().asOf(snapshot).filter("id >= " + minId).rows()) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("io.quacklake.testkit.TestCatalogs#all")
  void everyTypeSurvivesInliningAndParquet(String kind) {
    try (Lake golden =
            Lake.open(
                "duckdb:" + GOLDEN.resolve("catalog.ducklake"),
                LakeOptions.dataPath(GOLDEN.resolve("data").toString()));
        Lake lake =
            Lake.create(TestCatalogs.location(kind, temp), temp.resolve("data").toString())) {
      List<LakeColumn> columns = golden.table("main.all_types").columns();
      List<LakeColumn> fresh = new ArrayList<>();
      for (LakeColumn c : columns) {
        fresh.add(withoutIds(c));
      }
      lake.createTable("main.all_types", fresh);
      Snapshot inlined;
      try (Transaction tx = lake.begin()) {
        tx.insert("main.all_types", rows(golden, 2, 0));
        inlined = tx.commit();
      }
      assertThat(inlined.changesText()).isEqualTo("{inlined_insert=[1]}");
      Snapshot file;
      try (Transaction tx = lake.begin()) {
        tx.insert("main.all_types", rows(golden, 3, 5));
        file = tx.commit();
      }
      assertThat(file.changesText()).isEqualTo("{tables_inserted_into=[1]}");
      check(lake, inlined.id(), "expected/main.all_types@2.json");
      check(lake, file.id(), "expected/main.all_types@3.json");
    }
  }

  private static void check(Lake lake, long snapshot, String expectedFile) {
    RenderedResult actual =
        RenderedResult.of(lake.table("main.all_types").scan().asOf(snapshot).arrow());
    ExpectedRows expected = ExpectedRows.read(GOLDEN.resolve(expectedFile));
    assertThat(actual.columns()).isEqualTo(expected.columns());
    assertThat(RenderedResult.sorted(actual.rows()))
        .containsExactlyElementsOf(RenderedResult.sorted(expected.rows()));
  }

  private static LakeColumn withoutIds(LakeColumn c) {
    List<LakeColumn> children = new ArrayList<>();
    for (LakeColumn child : c.children()) {
      children.add(withoutIds(child));
    }
    return new LakeColumn(0, c.name(), c.type(), c.nullable(), null, null, children);
  }
}
