package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.RowIterator;
import io.quacklake.Transaction;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's ten-line write-and-read example works as printed. */
class ReadmeExampleTest {
  @TempDir Path temp;

  @Test
  void writeFromPlainJavaValuesAndReadBack() {
    List<String> printed = new ArrayList<>();
    try (Lake lake =
        Lake.create(
            "sqlite:" + temp.resolve("people/catalog.sqlite"),
            temp.resolve("people/data/").toString())) {
      try (Transaction tx = lake.begin()) {
        tx.createTable(
            "main.people", ColumnDefinitions.parse("id BIGINT NOT NULL, name VARCHAR, born DATE"));
        tx.insert(
            "main.people",
            List.of(
                Map.of("id", 1L, "name", "Ada", "born", LocalDate.of(1815, 12, 10)),
                Map.of("id", 2L, "name", "Alan", "born", LocalDate.of(1912, 6, 23))));
        tx.commit();
      }
      try (RowIterator rows =
          lake.table("main.people").scan().filter("born < DATE '1900-01-01'").rows()) {
        rows.forEachRemaining(r -> printed.add(r.toString()));
      }
    }
    assertThat(printed).containsExactly("{id=1, name=Ada, born=1815-12-10}");
  }
}
