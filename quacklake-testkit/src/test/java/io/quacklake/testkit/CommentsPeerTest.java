package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.Snapshot;
import io.quacklake.Transaction;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.testkit.peer.DuckDbPeer;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Comments on tables, columns and views ({@code COMMENT ON}) as DuckDB keeps them in {@code
 * ducklake_tag} and {@code ducklake_column_tag}: what Quacklake sets DuckDB shows in its catalog
 * views, with the same snapshot changes, and what DuckDB sets Quacklake reads.
 */
class CommentsPeerTest {
  @TempDir Path temp;

  @Test
  void commentsQuacklakeSetsAreDuckDbs() throws Exception {
    DuckDbPeer peer = DuckDbPeer.require();
    String catalog = TestCatalogs.location("duckdb", temp);
    try (Lake lake = Lake.create(catalog, temp.resolve("data") + "/")) {
      lake.createTable("main.t", ColumnDefinitions.parse("id BIGINT, v VARCHAR"));
      try (Transaction tx = lake.begin()) {
        tx.createView("main.w", "SELECT 1 AS one");
        tx.commit();
      }
      long before = lake.currentSnapshot().schemaVersion();
      Snapshot commented;
      try (Transaction tx = lake.begin()) {
        tx.setComment("t", "the t table");
        tx.setColumnComment("t", "V", "a value");
        commented = tx.commit();
      }
      assertThat(commented.schemaVersion()).isEqualTo(before + 1);
      assertThat(commented.changesText()).isEqualTo("{tables_altered=[1]}");
      try (Transaction tx = lake.begin()) {
        tx.setComment("t", "changed");
        tx.setComment("w", "a view");
        tx.commit();
      }
      assertThat(lake.table("t").comment()).isEqualTo("changed");
      assertThat(lake.table("t").columnComments()).containsExactly(Map.entry("v", "a value"));
      assertThatThrownBy(
              () -> {
                try (Transaction tx = lake.begin()) {
                  tx.setColumnComment("t", "nope", "x");
                }
              })
          .isInstanceOf(QuacklakeException.class)
          .hasMessageContaining("has no column nope");
    }
    List<List<Map<String, Object>>> out =
        peer.results(
            temp,
            peer.attachForReading(catalog, null, "l", null)
                + "; SELECT comment FROM duckdb_tables() WHERE database_name = 'l';"
                + " SELECT column_name, comment FROM duckdb_columns()"
                + " WHERE database_name = 'l' AND table_name = 't' ORDER BY column_index;"
                + " SELECT comment FROM duckdb_views() WHERE database_name = 'l';"
                + " SELECT changes FROM ducklake_snapshots('l') ORDER BY snapshot_id DESC LIMIT 1;");
    assertThat(out.get(0).get(0).get("comment")).isEqualTo("changed");
    assertThat(out.get(1))
        .extracting(r -> r.get("column_name") + "=" + r.get("comment"))
        .containsExactly("id=null", "v=a value");
    assertThat(out.get(2).get(0).get("comment")).isEqualTo("a view");
    assertThat(String.valueOf(out.get(3).get(0).get("changes")))
        .contains("tables_altered")
        .contains("views_altered");
  }

  /**
   * On a PostgreSQL catalog: a DuckDB file the peer (DuckDB 1.5) wrote and DuckDB JDBC 2.0 then
   * wrote again is one the peer can no longer open (a 2.0 storage field), whoever wrote the lake.
   */
  @Test
  void commentsDuckDbSetsAreRead() {
    DuckDbPeer peer = DuckDbPeer.require().withPostgres();
    String catalog = TestCatalogs.location("postgres", temp);
    try (Lake lake = Lake.create(catalog, temp.resolve("data") + "/")) {
      lake.createTable("main.t", ColumnDefinitions.parse("id INTEGER, v VARCHAR"));
    }
    peer.query(
        temp,
        peer.attach(catalog, null, "l", false)
            + "; USE l; COMMENT ON TABLE t IS 'first'; COMMENT ON COLUMN t.id IS 'the key';"
            + " COMMENT ON TABLE t IS 'second';");
    try (Lake lake = Lake.open(catalog)) {
      assertThat(lake.table("t").comment()).isEqualTo("second");
      assertThat(lake.table("t").columnComments()).containsExactly(Map.entry("id", "the key"));
      try (Transaction tx = lake.begin()) {
        tx.setComment("t", null);
        tx.commit();
      }
      assertThat(lake.table("t").comment()).isNull();
    }
    assertThat(
            peer.query(
                    temp,
                    peer.attachForReading(catalog, null, "l", null)
                        + "; SELECT comment FROM duckdb_tables() WHERE database_name = 'l';")
                .get(0)
                .get("comment"))
        .isNull();
  }
}
