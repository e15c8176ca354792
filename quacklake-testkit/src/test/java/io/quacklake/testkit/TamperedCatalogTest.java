package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.RowIterator;
import io.quacklake.Transaction;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.ColumnDefinitions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catalog files changed behind Quacklake's back (a hostile file handed to a user, or damage): they
 * are refused with a CORRUPT error that names what is wrong, nothing outside the lake is read or
 * changed, and the rest of the lake stays readable.
 */
class TamperedCatalogTest {
  @TempDir Path temp;

  private static void insert(Lake lake, String table, Map<String, Object> row) {
    try (Transaction tx = lake.begin()) {
      tx.insert(table, List.of(row));
      tx.commit();
    }
  }

  @Test
  void duckDbCatalogWithAViewInPlaceOfACatalogTableIsRefusedAndReadsNoFile() throws Exception {
    String secret = "TOPSECRET-" + System.nanoTime();
    Path secretFile = Files.writeString(temp.resolve("secret.txt"), secret);
    Path file = temp.resolve("lake.ducklake");
    String catalog = "duckdb:" + file;
    try (Lake lake = Lake.create(catalog, temp.resolve("data").toString())) {
      lake.createTable("t", ColumnDefinitions.parse("id BIGINT"));
      insert(lake, "t", Map.of("id", 1L));
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement s = c.createStatement()) {
      s.execute("ALTER TABLE ducklake_snapshot_changes RENAME TO snapshot_changes_kept");
      s.execute(
          "CREATE VIEW ducklake_snapshot_changes AS SELECT snapshot_id, (SELECT content FROM"
              + " read_text('"
              + secretFile
              + "')) AS changes_made, author, commit_message, commit_extra_info"
              + " FROM snapshot_changes_kept");
    }
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(() -> Lake.open(catalog))
        .isInstanceOf(QuacklakeException.class)
        .satisfies(e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.CORRUPT))
        .hasMessageContaining(
            "has a view main.ducklake_snapshot_changes where DuckLake keeps a table")
        .hasMessageContaining(file.toString())
        .hasMessageNotContaining(secret)
        .satisfies(e -> assertThat(e.getMessage().lines().count()).isEqualTo(1))
        .satisfies(e -> assertThat(stackTrace(e)).doesNotContain(secret));
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(Files.readString(secretFile)).isEqualTo(secret);

    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement s = c.createStatement()) {
      s.execute("DROP VIEW ducklake_snapshot_changes");
      s.execute("ALTER TABLE snapshot_changes_kept RENAME TO ducklake_snapshot_changes");
    }
    try (Lake lake = Lake.open(catalog)) {
      assertThat(lake.table("t").scan().count()).isEqualTo(1);
    }
  }

  @Test
  void sqliteInlinedTableLackingAColumnIsCorruptNotTheColumnNameAsValue() throws Exception {
    Path file = temp.resolve("lake.sqlite");
    String catalog = "sqlite:" + file;
    try (Lake lake = Lake.create(catalog, temp.resolve("data").toString())) {
      lake.createTable("t", ColumnDefinitions.parse("id BIGINT, name VARCHAR"));
      lake.createTable("other", ColumnDefinitions.parse("k BIGINT"));
      insert(lake, "t", Map.of("id", 1L, "name", "a"));
      insert(lake, "other", Map.of("k", 7L));
    }
    String inlined;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      try (var rs =
          s.executeQuery(
              "SELECT i.table_name FROM ducklake_inlined_data_tables i JOIN ducklake_table t"
                  + " ON i.table_id = t.table_id WHERE t.table_name = 't'")) {
        assertThat(rs.next()).isTrue();
        inlined = rs.getString(1);
      }
      s.execute("ALTER TABLE " + inlined + " DROP COLUMN name");
    }

    try (Lake lake = Lake.open(catalog)) {
      assertThatThrownBy(() -> rows(lake, "t"))
          .isInstanceOf(QuacklakeException.class)
          .satisfies(e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.CORRUPT))
          .hasMessageContaining("inlined data table " + inlined + " has no column 'name'")
          .satisfies(e -> assertThat(e.getMessage().lines().count()).isEqualTo(1));
      assertThat(rows(lake, "other")).containsExactly(Map.of("k", 7L));
    }
  }

  private static List<Map<String, Object>> rows(Lake lake, String table) {
    try (RowIterator it = lake.table(table).scan().rows()) {
      return it.toList();
    }
  }

  private static String stackTrace(Throwable e) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    e.printStackTrace(new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }
}
