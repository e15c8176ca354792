package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.ScanReader;
import io.quacklake.TableScan;
import io.quacklake.Transaction;
import io.quacklake.types.ArrowValues;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code TableScan.arrowInOrder()}: files in catalog order, rows in file order, inlined rows last —
 * the same sequence on every read, with several reader threads and files with deletes.
 */
class OrderedScanTest {
  @TempDir Path temp;

  private static List<Long> ids(TableScan scan) {
    List<Long> out = new ArrayList<>();
    try (ScanReader reader = scan.arrowInOrder()) {
      while (reader.loadNextBatch()) {
        var v = reader.getVectorSchemaRoot().getVector("id");
        for (int r = 0; r < v.getValueCount(); r++) {
          out.add((Long) ArrowValues.get(v, r));
        }
      }
    }
    return out;
  }

  @Test
  void rowsComeInTheTablesOrderEveryTime() {
    LakeOptions options =
        LakeOptions.dataPath(temp.resolve("data").toString()).withReadThreads(4).withBatchSize(100);
    String catalog = TestCatalogs.location("sqlite", temp);
    try (Lake lake = Lake.create(catalog, temp.resolve("data").toString())) {
      lake.createTable("main.t", ColumnDefinitions.parse("id BIGINT, v VARCHAR"));
    }
    try (Lake lake = Lake.open(catalog);
        Lake reading = Lake.open(catalog, options)) {
      List<Long> expected = new ArrayList<>();
      for (int f = 11; f >= 0; f--) {
        List<Map<String, ?>> rows = new ArrayList<>();
        int size = f % 3 == 0 ? 2 : 700;
        for (int i = 0; i < size; i++) {
          long id = f * 1000L + (size - i);
          rows.add(Map.of("id", id, "v", "x" + id));
        }
        try (Transaction tx = lake.begin()) {
          tx.insert("t", rows);
          tx.commit();
        }
      }
      List<String> sevens = new ArrayList<>();
      for (long id = 0; id < 12_000; id += 7) {
        sevens.add(Long.toString(id));
      }
      try (Transaction tx = lake.begin()) {
        tx.delete("t", "id IN (" + String.join(", ", sevens) + ")");
        tx.commit();
      }
      List<Long> files = new ArrayList<>();
      List<Long> inlined = new ArrayList<>();
      for (int f = 11; f >= 0; f--) {
        int size = f % 3 == 0 ? 2 : 700;
        for (int i = 0; i < size; i++) {
          long id = f * 1000L + (size - i);
          if (id % 7 != 0) {
            (size == 2 ? inlined : files).add(id);
          }
        }
      }
      expected.addAll(files);
      expected.addAll(inlined);
      List<Long> first = ids(reading.table("t").scan());
      assertThat(first).isEqualTo(expected);
      for (int i = 0; i < 5; i++) {
        assertThat(ids(reading.table("t").scan())).isEqualTo(first);
      }
      assertThat(ids(reading.table("t").scan().filter("id > 5000").select("id")))
          .isEqualTo(expected.stream().filter(id -> id > 5000).toList());
    }
  }
}
