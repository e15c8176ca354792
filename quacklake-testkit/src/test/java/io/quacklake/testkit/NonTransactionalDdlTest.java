package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.ColumnDefinitions;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Commits that create or alter tables stay all-or-nothing on every catalog, including MySQL and
 * MariaDB, where a CREATE TABLE commits the open transaction: a commit that loses a conflict after
 * creating a table leaves nothing behind, and small inserts are still inlined into the inlined-data
 * table of the table's current schema version.
 */
class NonTransactionalDdlTest {
  @TempDir Path temp;

  @ParameterizedTest
  @MethodSource("io.quacklake.testkit.TestCatalogs#all")
  void aCreateThatLosesAConflictLeavesNothingBehind(String kind) throws Exception {
    String catalog = TestCatalogs.location(kind, temp);
    try (Lake lake = Lake.create(catalog, temp.resolve("data").toString())) {
      Transaction first = lake.begin();
      Transaction second = lake.begin();
      first.createTable("main.t", ColumnDefinitions.parse("id BIGINT"));
      second.createTable("main.t", ColumnDefinitions.parse("id BIGINT, other VARCHAR"));
      first.commit();
      assertThatThrownBy(second::commit)
          .isInstanceOfSatisfying(
              QuacklakeException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
      second.close();
      assertThat(lake.snapshots()).hasSize(2);
      assertThat(lake.tables()).hasSize(1);
      assertThat(lake.table("t").columns()).extracting(LakeColumn::name).containsExactly("id");
    }
    if (!kind.equals("objectstore")) {
      try (Connection c = DriverManager.getConnection(TestCatalogs.jdbcUrl(catalog));
          Statement s = c.createStatement()) {
        assertThat(strings(s, "SELECT table_name FROM ducklake_table")).containsExactly("t");
        assertThat(strings(s, "SELECT snapshot_id FROM ducklake_snapshot ORDER BY 1"))
            .containsExactly("0", "1");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("io.quacklake.testkit.TestCatalogs#all")
  void smallInsertsAreInlinedAfterCreatesAndAlters(String kind) throws Exception {
    String catalog = TestCatalogs.location(kind, temp);
    try (Lake lake = Lake.create(catalog, temp.resolve("data").toString())) {
      lake.createTable("main.t", ColumnDefinitions.parse("id BIGINT"));
      try (Transaction tx = lake.begin()) {
        tx.insert("t", List.of(Map.of("id", 1L)));
        assertThat(tx.commit().changesText()).isEqualTo("{inlined_insert=[1]}");
      }
      try (Transaction tx = lake.begin()) {
        tx.addColumn("t", LakeColumn.of(0, "s", LakeType.of(TypeId.VARCHAR)));
        tx.commit();
      }
      if (kind.equals("mariadb")) {
        // a writer that died between its commit and the inlined table's creation
        try (Connection c = DriverManager.getConnection(TestCatalogs.jdbcUrl(catalog));
            Statement s = c.createStatement()) {
          String newest =
              strings(
                      s,
                      "SELECT table_name FROM ducklake_inlined_data_tables"
                          + " ORDER BY schema_version DESC LIMIT 1")
                  .get(0);
          s.execute("DELETE FROM ducklake_inlined_data_tables WHERE table_name = '" + newest + "'");
          s.execute("DROP TABLE " + newest);
        }
      }
      try (Transaction tx = lake.begin()) {
        tx.insert("t", List.of(Map.of("id", 2L, "s", "two")));
        assertThat(tx.commit().changesText())
            .as("the missing inlined table is created again")
            .isEqualTo("{inlined_insert=[1]}");
      }
      try (Transaction tx = lake.begin()) {
        tx.createTable("main.u", ColumnDefinitions.parse("k INTEGER"));
        tx.insert("u", List.of(Map.of("k", 5)));
        tx.commit();
      }
      try (Transaction tx = lake.begin()) {
        tx.insert("u", List.of(Map.of("k", 6)));
        assertThat(tx.commit().changesText()).isEqualTo("{inlined_insert=[2]}");
      }
      assertThat(lake.table("u").scan().count()).isEqualTo(2);
      List<String> rows = new ArrayList<>();
      try (var it = lake.table("t").scan().rows()) {
        it.forEachRemaining(r -> rows.add(r.toString()));
      }
      assertThat(rows).containsExactlyInAnyOrder("{id=1, s=null}", "{id=2, s=two}");
    }
  }

  private static List<String> strings(Statement s, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
