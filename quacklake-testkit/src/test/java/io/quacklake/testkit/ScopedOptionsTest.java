package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.LakeOption;
import io.quacklake.Transaction;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scoped options where they differ from the lake's in the other direction: a table or schema that
 * inlines while the lake does not, a table left out of lake-wide compaction, a table's own rewrite
 * threshold; and values checked and normalised as DuckDB stores them.
 */
class ScopedOptionsTest {
  @TempDir Path temp;

  private Lake lake() {
    return Lake.create(TestCatalogs.location("sqlite", temp), temp.resolve("data") + "/");
  }

  private static void insert(Lake lake, String table, long from, long to) {
    List<Map<String, ?>> rows = new ArrayList<>();
    for (long i = from; i < to; i++) {
      rows.add(Map.of("id", i));
    }
    try (Transaction tx = lake.begin()) {
      tx.insert(table, rows);
      tx.commit();
    }
  }

  @Test
  void aSchemaOrTableMayInlineWhereTheLakeDoesNot() {
    try (Lake lake = lake()) {
      lake.setOption("data_inlining_row_limit", "0");
      lake.createSchema("s");
      lake.setSchemaOption("s", "data_inlining_row_limit", "10");
      try (Transaction tx = lake.begin()) {
        tx.createTable("s.t", ColumnDefinitions.parse("id BIGINT"));
        tx.insert("s.t", List.of(Map.of("id", 1L)));
        tx.commit();
      }
      assertThat(lake.table("s.t").scan().files()).as("a table made in s inlines").isEmpty();
      lake.createTable("main.u", ColumnDefinitions.parse("id BIGINT"));
      lake.setTableOption("main.u", "data_inlining_row_limit", "10");
      insert(lake, "main.u", 0, 1);
      assertThat(lake.table("main.u").scan().files()).as("u inlines by its own option").isEmpty();
      lake.createTable("main.w", ColumnDefinitions.parse("id BIGINT"));
      insert(lake, "main.w", 0, 1);
      assertThat(lake.table("main.w").scan().files()).as("the lake's limit 0").hasSize(1);
    }
  }

  @Test
  void aTablesAutoCompactAndRewriteThresholdApplyToLakeWideMaintenance() {
    try (Lake lake = lake()) {
      lake.setOption("data_inlining_row_limit", "0");
      for (String t : List.of("main.a", "main.b")) {
        lake.createTable(t, ColumnDefinitions.parse("id BIGINT"));
        insert(lake, t, 0, 50);
        insert(lake, t, 50, 100);
      }
      lake.setTableOption("a", "auto_compact", "false");
      lake.maintenance().mergeAdjacentFiles(null, null);
      assertThat(lake.table("a").scan().files()).as("a is left alone").hasSize(2);
      assertThat(lake.table("b").scan().files()).as("b is merged").hasSize(1);
      lake.setTableOption("b", "rewrite_delete_threshold", "0.5");
      try (Transaction tx = lake.begin()) {
        tx.delete("b", "id < 60");
        tx.commit();
      }
      assertThat(lake.maintenance().rewriteDataFiles(null, null).filesProcessed())
          .as("b's threshold 0.5 against 60 % deleted (the lake's default is 0.95)")
          .isEqualTo(1);
    }
  }

  @Test
  void valuesAreCheckedAndNormalisedAsDuckDbStoresThem() {
    try (Lake lake = lake()) {
      lake.createTable("main.t", ColumnDefinitions.parse("id BIGINT"));
      lake.setTableOption("T", "target_file_size", "10MB");
      lake.setTableOption("t", "parquet_row_group_size_bytes", "1KiB");
      lake.setOption("auto_compact", "TRUE");
      assertThat(lake.options())
          .contains(
              new LakeOption("target_file_size", "10000000", LakeOption.Scope.TABLE, "main.t"),
              new LakeOption(
                  "parquet_row_group_size_bytes", "1024", LakeOption.Scope.TABLE, "main.t"),
              new LakeOption("auto_compact", "true", LakeOption.Scope.GLOBAL, null));
      for (String[] bad :
          new String[][] {
            {"data_inlining_row_limit", "many", "whole number"},
            {"target_file_size", "big", "size in bytes"},
            {"rewrite_delete_threshold", "2", "fraction from 0 to 1"},
            {"parquet_compression", "rar", "parquet_compression takes one of"},
            {"auto_compact", "maybe", "true or false"},
            {"version", "1.1", "applies to the whole lake"},
          }) {
        assertThatThrownBy(() -> lake.setTableOption("t", bad[0], bad[1]))
            .isInstanceOf(QuacklakeException.class)
            .hasMessageContaining(bad[2])
            .satisfies(
                e ->
                    assertThat(((QuacklakeException) e).kind())
                        .isEqualTo(ErrorKind.INVALID_ARGUMENT));
      }
      insert(lake, "t", 0, 3);
    }
  }
}
