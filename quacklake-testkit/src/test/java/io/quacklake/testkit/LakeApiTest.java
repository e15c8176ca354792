package io.quacklake.testkit;

import static io.quacklake.expr.Expressions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.RowIterator;
import io.quacklake.ScanReader;
import io.quacklake.Snapshot;
import io.quacklake.TableScan;
import io.quacklake.ViewInfo;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/** The public API over golden lakes: listings, time travel by id and time, the row iterator. */
class LakeApiTest {
  private static final Path GOLDEN =
      GoldenLakes.repositoryRoot().resolve("quacklake-testkit/src/test/resources/golden");

  private static Lake open(String name) {
    Path dir = GOLDEN.resolve(name);
    return Lake.open(
        "duckdb:" + dir.resolve("catalog.ducklake"),
        LakeOptions.dataPath(dir.resolve("data").toString()));
  }

  @Test
  void listsSchemasTablesAndViewsAtEachSnapshot() {
    try (Lake lake = open("multi_schema")) {
      assertThat(lake.schemas(8)).containsExactly("main", "sales", "staging");
      assertThat(lake.schemas()).containsExactly("main", "sales");
      assertThat(lake.tables(8).stream().map(t -> t.name().toString()))
          .containsExactly("sales.orders", "staging.tmp");
      List<ViewInfo> views = lake.views();
      assertThat(views).hasSize(1);
      assertThat(views.get(0).schema()).isEqualTo("sales");
      assertThat(views.get(0).name()).isEqualTo("big_orders");
      assertThat(views.get(0).sql()).containsIgnoringCase("total > 1000");
      assertThat(lake.views(6)).isEmpty();
    }
  }

  @Test
  void timeTravelByInstantPicksNewestSnapshotAtOrBefore() {
    try (Lake lake = open("basic")) {
      Snapshot three = lake.snapshot(3);
      assertThat(lake.snapshotAt(three.time()).id()).isEqualTo(3);
      assertThat(lake.snapshotAt(three.time().plusNanos(1000)).id()).isEqualTo(3);
      assertThat(lake.snapshotAt(three.time().minusNanos(1000)).id()).isEqualTo(2);
      long atThree = lake.table("users").scan().asOf(three.time()).count();
      assertThat(atThree).isEqualTo(200);
      assertThatThrownBy(() -> lake.snapshotAt(lake.snapshot(0).time().minusSeconds(1)))
          .isInstanceOf(QuacklakeException.class)
          .satisfies(
              e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }
  }

  @Test
  void renamedTableIsFoundUnderItsNameAtEachSnapshot() {
    try (Lake lake = open("evolution")) {
      assertThat(lake.table("metrics").scan().asOf(9).count()).isEqualTo(450);
      assertThat(lake.table("measurements").scan().count()).isEqualTo(450);
      assertThatThrownBy(() -> lake.table("metrics").scan().count())
          .isInstanceOf(QuacklakeException.class)
          .hasMessageContaining("main.metrics")
          .satisfies(
              e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }
  }

  @Test
  void rowIteratorGivesCanonicalValues() {
    try (Lake lake = open("basic");
        RowIterator rows =
            lake.table("main.users")
                .scan()
                .select("id", "name", "score")
                .filter(col("id").between(4, 6))
                .rows()) {
      List<Map<String, Object>> all = rows.toList();
      assertThat(all)
          .extracting(r -> r.get("id"), r -> r.get("name"), r -> r.get("score"))
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(4L, "user_4", 6.0),
              org.assertj.core.groups.Tuple.tuple(5L, "USER_5", 7.5),
              org.assertj.core.groups.Tuple.tuple(6L, "USER_6", 9.0));
      assertThat(rows.metrics().inlinedRows()).isGreaterThan(0);
    }
  }

  @Test
  void aColumnSelectedTwiceFillsBothOutputsFromFilesAndInlinedRows() throws Exception {
    try (Lake lake = open("basic")) {
      for (String filter : List.of("true", "id <> 5")) {
        TableScan scan = lake.table("users").scan().select("id", "name", "ID").filter(filter);
        long rows = 0;
        try (ScanReader reader = scan.arrow()) {
          while (reader.loadNextBatch()) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            for (int r = 0; r < root.getRowCount(); r++) {
              assertThat(root.getVector(2).getObject(r))
                  .isNotNull()
                  .isEqualTo(root.getVector(0).getObject(r));
            }
            rows += root.getRowCount();
          }
          assertThat(reader.metrics().inlinedRows()).isGreaterThan(0);
        }
        assertThat(rows).isEqualTo(lake.table("users").scan().filter(filter).count());
      }
    }
  }

  @Test
  void countMatchesScanWithAndWithoutFilter() {
    try (Lake lake = open("partitioned")) {
      assertThat(lake.table("sales").scan().count()).isEqualTo(3101);
      assertThat(lake.table("sales").scan().filter("region = 'US'").count()).isEqualTo(901);
    }
  }

  @Test
  void missingSnapshotIsNotFound() {
    try (Lake lake = open("basic")) {
      assertThatThrownBy(() -> lake.table("users").scan().asOf(99).count())
          .isInstanceOf(QuacklakeException.class)
          .hasMessageContaining("snapshot 99")
          .satisfies(
              e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }
  }
}
