package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.RowIterator;
import io.quacklake.ScanMetrics;
import io.quacklake.Transaction;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scans with several threads split one file by row group: every surviving row comes back exactly
 * once, deletes are honoured in every row group, and each row group is read by one worker only.
 */
class ParallelScanTest {
  private static final int ROWS = 20_000;
  private static final List<LakeColumn> COLUMNS =
      List.of(
          LakeColumn.of(0, "id", LakeType.of(TypeId.INT64)),
          LakeColumn.of(0, "name", LakeType.of(TypeId.VARCHAR)));

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 8})
  void oneFileIsSplitByRowGroup(int threads) {
    String catalog = oneFileOfRowGroups("id IN (" + everySeventh() + ")");
    try (Lake lake = Lake.open(catalog, LakeOptions.defaults().withReadThreads(threads));
        RowIterator it = lake.table("t").scan().select("id").rows()) {
      List<Long> ids = new ArrayList<>();
      it.forEachRemaining(r -> ids.add(((Number) r.get("id")).longValue()));
      ScanMetrics m = it.metrics();
      assertThat(ids)
          .containsExactlyInAnyOrderElementsOf(
              LongStream.range(0, ROWS).filter(i -> i % 7 != 3).boxed().toList());
      assertThat(m.dataFiles()).isEqualTo(1);
      assertThat(m.rowGroupsRead()).isEqualTo(ROWS / 1000);
    }
  }

  @Test
  void filteredParallelScanSkipsRowGroupsOnce() {
    String catalog = oneFileOfRowGroups(null);
    try (Lake lake = Lake.open(catalog, LakeOptions.defaults().withReadThreads(4));
        RowIterator it = lake.table("t").scan().filter("id BETWEEN 4500 AND 6499").rows()) {
      assertThat(it.toList()).hasSize(2000);
      ScanMetrics m = it.metrics();
      assertThat(m.rowGroupsRead()).isEqualTo(3);
      assertThat(m.rowGroupsSkipped()).isEqualTo(17);
    }
  }

  /** A table of ROWS rows in one file of 1,000-row row groups, then {@code delete} if given. */
  private String oneFileOfRowGroups(String delete) {
    String catalog = "sqlite:" + temp.resolve("catalog.sqlite");
    try (Lake lake = Lake.create(catalog, temp.resolve("data").toString())) {
      lake.setOption("parquet_row_group_size", "1000");
      lake.createTable("t", COLUMNS);
      try (Transaction tx = lake.begin()) {
        tx.insert("t", rows(0, ROWS));
        tx.commit();
      }
      if (delete != null) {
        try (Transaction tx = lake.begin()) {
          tx.delete("t", delete);
          tx.commit();
        }
      }
    }
    return catalog;
  }

  private static String everySeventh() {
    StringBuilder b = new StringBuilder();
    LongStream.range(0, ROWS)
        .filter(i -> i % 7 == 3)
        .forEach(i -> b.append(b.isEmpty() ? "" : ", ").append(i));
    return b.toString();
  }

  private static List<Map<String, Object>> rows(long from, long to) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (long i = from; i < to; i++) {
      out.add(Map.of("id", i, "name", "n" + i));
    }
    return out;
  }
}
