package io.quacklake;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog's write settings are read once per transaction, however much it writes: appends that
 * inline, appends that write files (partitioned or not), and updates and deletes that rewrite the
 * transaction's own files.
 */
class WriteSettingsOncePerTransactionTest {
  @TempDir Path dir;

  @Test
  void catalogOptionReadsDoNotGrowWithAppends() throws Exception {
    try (CatalogStatementCounter metadata = CatalogStatementCounter.install("ducklake_metadata");
        Lake lake =
            Lake.create("sqlite:" + dir.resolve("catalog.sqlite"), dir.resolve("data") + "/")) {
      lake.createTable("main.t", ColumnDefinitions.parse("id BIGINT, kind VARCHAR"));
      lake.createTable("main.p", ColumnDefinitions.parse("id BIGINT, kind VARCHAR"));
      try (Transaction tx = lake.begin()) {
        tx.setPartitioning("main.p", List.of(new PartitionField("kind", "identity")));
        tx.commit();
      }

      int oneRound = readsOfTransaction(lake, metadata, 1);
      int fiveRounds = readsOfTransaction(lake, metadata, 5);

      assertThat(List.of(oneRound, fiveRounds))
          .as("ducklake_metadata statements of a transaction with 1 and with 5 rounds of writes")
          .containsExactly(1, 1);
    }
  }

  @Test
  void aTransactionThatDoesNotWriteReadsNoSettings() throws Exception {
    try (CatalogStatementCounter metadata = CatalogStatementCounter.install("ducklake_metadata");
        Lake lake =
            Lake.create("sqlite:" + dir.resolve("catalog.sqlite"), dir.resolve("data") + "/")) {
      lake.createTable("main.t", ColumnDefinitions.parse("id BIGINT, kind VARCHAR"));
      int before = metadata.count();

      try (Transaction tx = lake.begin()) {
        tx.scan("main.t").arrow().close();
        tx.rollback();
      }

      assertThat(metadata.count()).isEqualTo(before);
    }
  }

  private static int readsOfTransaction(Lake lake, CatalogStatementCounter metadata, int rounds) {
    int before = metadata.count();
    try (Transaction tx = lake.begin()) {
      for (int i = 0; i < rounds; i++) {
        tx.insert("main.t", rows(2));
        tx.insert("main.t", rows(100));
        tx.insert("main.p", rows(100));
        tx.update("main.t", Map.of("kind", "u"), "id = " + i);
        tx.delete("main.p", "id = " + i);
      }
      tx.commit();
    }
    return metadata.count() - before;
  }

  private static List<Map<String, Object>> rows(int n) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      rows.add(Map.of("id", i, "kind", "k" + (i % 3)));
    }
    return rows;
  }
}
