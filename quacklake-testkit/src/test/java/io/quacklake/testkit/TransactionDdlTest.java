package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.Snapshot;
import io.quacklake.Transaction;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schemas, multi-table transactions, commit metadata, and the version a lake is written at. */
class TransactionDdlTest {
  @TempDir Path temp;

  @Test
  void schemasTablesAndCommitMetadataInOneTransaction() {
    try (Lake lake =
        Lake.create("sqlite:" + temp.resolve("l.sqlite"), temp.resolve("d").toString())) {
      Snapshot s;
      try (Transaction tx = lake.begin()) {
        tx.createSchema("sales");
        tx.createTable("sales.orders", ColumnDefinitions.parse("id BIGINT, total DECIMAL(10,2)"));
        tx.createTable("main.audit", ColumnDefinitions.parse("msg VARCHAR"));
        tx.insert("sales.orders", List.of(Map.of("id", 1L)));
        tx.insert("main.audit", List.of(Map.of("msg", "created")));
        tx.commitMessage("ada", "initial load", "{\"job\":7}");
        s = tx.commit();
      }
      assertThat(s.changesText())
          .isEqualTo(
              "{schemas_created=[sales], tables_created=[sales.orders, main.audit],"
                  + " inlined_insert=[2, 3]}");
      assertThat(s.author()).isEqualTo("ada");
      assertThat(s.commitMessage()).isEqualTo("initial load");
      assertThat(s.commitExtraInfo()).isEqualTo("{\"job\":7}");
      assertThat(lake.schemas()).containsExactly("main", "sales");
      assertThatThrownBy(() -> lake.begin().dropSchema("sales"))
          .isInstanceOf(QuacklakeException.class)
          .hasMessageContaining("still has tables");
      try (Transaction tx = lake.begin()) {
        tx.dropTable("sales.orders");
        tx.dropSchema("sales");
        s = tx.commit();
      }
      assertThat(s.changesText()).isEqualTo("{schemas_dropped=[1], tables_dropped=[2]}");
      assertThat(lake.schemas()).containsExactly("main");
      assertThat(lake.table("sales.orders").scan().asOf(s.id() - 1).count()).isEqualTo(1);
    }
  }

  @Test
  void lakesAt11Dev1AreWrittenAndARelabelled11LakeIsOnlyRead() throws Exception {
    Path golden =
        GoldenLakes.repositoryRoot().resolve("quacklake-testkit/src/test/resources/golden/v11");
    Path catalog = temp.resolve("v11.ducklake");
    Files.copy(golden.resolve("catalog.ducklake"), catalog);
    try (Lake lake =
        Lake.open("duckdb:" + catalog, LakeOptions.dataPath(golden.resolve("data").toString()))) {
      assertThat(lake.specVersion()).isEqualTo("1.1-dev1");
      assertThat(lake.table("t").scan().count()).isEqualTo(38);
      lake.createTable("x", ColumnDefinitions.parse("a INTEGER"));
      assertThat(lake.snapshots()).hasSize(6);
    }
    Path released = temp.resolve("v11-released.ducklake");
    Files.copy(golden.resolve("catalog.ducklake"), released);
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + released);
        java.sql.Statement st = c.createStatement()) {
      st.execute("UPDATE ducklake_metadata SET value = '1.1' WHERE key = 'version'");
    }
    try (Lake lake =
        Lake.open("duckdb:" + released, LakeOptions.dataPath(golden.resolve("data").toString()))) {
      assertThat(lake.table("t").scan().count()).isEqualTo(38);
      assertThatThrownBy(() -> lake.createTable("x", ColumnDefinitions.parse("a INTEGER")))
          .isInstanceOf(QuacklakeException.class)
          .hasMessageContaining("lack 1.1's columns")
          .satisfies(
              e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.UNSUPPORTED));
      assertThat(lake.snapshots()).hasSize(5);
    }
  }
}
