package io.quacklake;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A one-row commit costs what it changes: a table at a snapshot is read from the catalog once per
 * lake, its inlining and partitioning once per transaction (38 statements before, 26 now; on
 * PostgreSQL each is a round trip).
 */
class CommitStatementsTest {
  @TempDir Path dir;

  @Test
  void aOneRowCommitSendsFewStatements() throws Exception {
    try (CatalogStatementCounter all = CatalogStatementCounter.install("ducklake");
        CatalogStatementCounter columns = CatalogStatementCounter.install("ducklake_column ");
        Lake lake =
            Lake.create("sqlite:" + dir.resolve("catalog.sqlite"), dir.resolve("data") + "/")) {
      lake.createTable("main.t", ColumnDefinitions.parse("id BIGINT, kind VARCHAR"));
      insert(lake);
      int before = all.count();
      int columnReads = columns.count();
      insert(lake);
      assertThat(all.count() - before).as("statements of a one-row commit").isLessThanOrEqualTo(26);
      assertThat(columns.count() - columnReads)
          .as("reads of the table's columns (before: four, one per name lookup)")
          .isLessThanOrEqualTo(2);
      assertThat(lake.table("main.t").scan().count()).isEqualTo(2);
    }
  }

  private static void insert(Lake lake) {
    try (Transaction tx = lake.begin()) {
      tx.insert("main.t", List.of(Map.of("id", 1L, "kind", "a")));
      tx.commit();
    }
  }
}
