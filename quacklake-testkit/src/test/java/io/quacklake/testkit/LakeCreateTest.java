package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A lake created here has the catalog shape DuckDB gives a new 1.0 lake. */
class LakeCreateTest {
  private static final Path GOLDEN_CATALOG =
      GoldenLakes.repositoryRoot()
          .resolve("quacklake-testkit/src/test/resources/golden/basic/catalog.ducklake");

  @TempDir Path temp;

  /** table.column in DuckDB's order, for every fixed catalog table. */
  private static List<String> shape(Connection c, String tablesSql, String columnsSql)
      throws Exception {
    List<String> out = new ArrayList<>();
    List<String> tables = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(tablesSql)) {
      while (rs.next()) {
        String t = rs.getString(1);
        if (t.startsWith("ducklake_") && !t.startsWith("ducklake_inlined_")) {
          tables.add(t);
        }
      }
    }
    for (String t : tables) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(String.format(columnsSql, t))) {
        while (rs.next()) {
          out.add(t + "." + rs.getString(1));
        }
      }
    }
    return out;
  }

  private static List<String> duckdbShape(Path file) throws Exception {
    Properties p = new Properties();
    p.setProperty("duckdb.read_only", "true");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file, p)) {
      return shape(
          c,
          "SELECT table_name FROM information_schema.tables ORDER BY table_name",
          "SELECT column_name FROM information_schema.columns WHERE table_name = '%s'"
              + " ORDER BY ordinal_position");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "duckdb"})
  void newLakeHasDuckDbCatalogShape(String kind) throws Exception {
    Path file = temp.resolve("lake." + (kind.equals("sqlite") ? "sqlite" : "ducklake"));
    try (Lake lake = Lake.create(kind + ":" + file, temp.resolve("data").toString())) {
      assertThat(lake.specVersion()).isEqualTo("1.0");
      assertThat(lake.snapshots()).hasSize(1);
      assertThat(lake.currentSnapshot().changesText()).isEqualTo("{schemas_created=[main]}");
      assertThat(lake.schemas()).containsExactly("main");
      assertThat(lake.tables()).isEmpty();
    }
    List<String> expected = duckdbShape(GOLDEN_CATALOG);
    List<String> actual;
    if (kind.equals("sqlite")) {
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
        actual =
            shape(
                c,
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
                "SELECT name FROM pragma_table_info('%s') ORDER BY cid");
        try (Statement s = c.createStatement();
            ResultSet rs =
                s.executeQuery(
                    "SELECT snapshot_id, schema_version, next_catalog_id, next_file_id"
                        + " FROM ducklake_snapshot")) {
          assertThat(rs.next()).isTrue();
          assertThat(List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
              .containsExactly(0L, 0L, 1L, 0L);
        }
      }
    } else {
      actual = duckdbShape(file);
    }
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  @Test
  void creatingOverAnExistingCatalogFails() {
    String location = "sqlite:" + temp.resolve("lake.sqlite");
    Lake.create(location, "data").close();
    assertThatThrownBy(() -> Lake.create(location, "data"))
        .isInstanceOf(QuacklakeException.class)
        .satisfies(
            e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.ALREADY_EXISTS));
  }

  @Test
  void storesNormalisedRelativeDataPathAndMetadata() throws Exception {
    Path file = temp.resolve("lake.sqlite");
    Lake.create("sqlite:" + file, "some\\rel/data//").close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT key, value FROM ducklake_metadata ORDER BY rowid")) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1) + "=" + rs.getString(2));
      }
      assertThat(rows)
          .containsExactly(
              "version=1.0",
              "created_by=Quacklake 0.1.0",
              "data_path=some/rel/data/",
              "encrypted=false");
    }
  }

  @Test
  void duckdbCatalogUsesStorageDuckDb15CanOpen() throws Exception {
    Path file = temp.resolve("lake.ducklake");
    Lake.create("duckdb:" + file, "data").close();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("ATTACH '" + file + "' AS l (READ_ONLY)");
      try (ResultSet rs =
          s.executeQuery("SELECT tags FROM duckdb_databases() WHERE database_name = 'l'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).contains("v1.5.0");
      }
    }
  }
}
