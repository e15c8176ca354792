package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.DataFileInfo;
import io.quacklake.Lake;
import io.quacklake.LakeOption;
import io.quacklake.Transaction;
import io.quacklake.testkit.peer.DuckDbPeer;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Options of a schema or a table ({@code set_option} with a scope): written where DuckDB writes
 * them, listed as {@code ducklake_options()} lists them, and honoured by writes both ways — a
 * table's own option over its schema's over the lake's.
 */
class ScopedOptionsPeerTest {
  @TempDir Path temp;

  private static List<Map<String, Object>> rows(int n) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      out.add(Map.of("id", i));
    }
    return out;
  }

  private static void insert(Lake lake, String table, int n) {
    try (Transaction tx = lake.begin()) {
      tx.insert(table, rows(n));
      tx.commit();
    }
  }

  private static List<DataFileInfo> files(Lake lake, String table) {
    return lake.table(table).scan().files();
  }

  @Test
  void optionsQuacklakeScopesAreListedAndHonouredByDuckDb() throws Exception {
    DuckDbPeer peer = DuckDbPeer.require();
    String catalog = TestCatalogs.location("duckdb", temp);
    try (Lake lake = Lake.create(catalog, temp.resolve("data") + "/")) {
      lake.createSchema("s");
      for (String t : List.of("s.t", "s.v", "main.u")) {
        lake.createTable(t, ColumnDefinitions.parse("id BIGINT"));
      }
      lake.setSchemaOption("s", "data_inlining_row_limit", "0");
      lake.setTableOption("s.v", "data_inlining_row_limit", "20");
      lake.setTableOption("main.u", "parquet_row_group_size", "100");
      lake.setTableOption("main.u", "parquet_compression", "zstd");
      assertThat(lake.options())
          .contains(
              new LakeOption("data_inlining_row_limit", "0", LakeOption.Scope.SCHEMA, "s"),
              new LakeOption("data_inlining_row_limit", "20", LakeOption.Scope.TABLE, "s.v"),
              new LakeOption("parquet_row_group_size", "100", LakeOption.Scope.TABLE, "main.u"),
              new LakeOption("parquet_compression", "zstd", LakeOption.Scope.TABLE, "main.u"));
      insert(lake, "s.t", 3);
      insert(lake, "s.v", 3);
      insert(lake, "main.u", 1000);
      assertThat(files(lake, "s.t")).as("schema s inlines nothing").hasSize(1);
      assertThat(files(lake, "s.v")).as("its table v inlines up to 20 rows").isEmpty();
    }
    String attach = peer.attach(catalog, null, "l", false);
    List<List<Map<String, Object>>> out =
        peer.results(
            temp,
            attach
                + "; SELECT option_name, value, scope, scope_entry FROM ducklake_options('l')"
                + " WHERE scope <> 'GLOBAL' ORDER BY ALL;"
                + " INSERT INTO l.s.t VALUES (1), (2);"
                + " INSERT INTO l.s.v VALUES (1), (2);"
                + " INSERT INTO l.main.u SELECT range FROM range(300);"
                + " SELECT count(*) AS n FROM ducklake_list_files('l', 't', schema => 's');"
                + " SELECT count(*) AS n FROM ducklake_list_files('l', 'v', schema => 's');"
                + " SELECT max(row_group_id) + 1 AS groups, min(compression) AS codec,"
                + " max(compression) AS codec2 FROM parquet_metadata('"
                + temp.resolve("data")
                + "/main/u/*.parquet') GROUP BY file_name ORDER BY groups;");
    assertThat(out).as(out.toString()).hasSize(4);
    assertThat(out.get(0))
        .extracting(
            r ->
                r.get("option_name")
                    + "="
                    + r.get("value")
                    + " "
                    + r.get("scope")
                    + " "
                    + r.get("scope_entry"))
        .containsExactly(
            "data_inlining_row_limit=0 SCHEMA s",
            "data_inlining_row_limit=20 TABLE s.v",
            "parquet_compression=zstd TABLE main.u",
            "parquet_row_group_size=100 TABLE main.u");
    assertThat(String.valueOf(out.get(1).get(0).get("n")))
        .as("DuckDB writes s.t to files too")
        .isEqualTo("2");
    assertThat(String.valueOf(out.get(2).get(0).get("n")))
        .as("and inlines into s.v")
        .isEqualTo("0");
    assertThat(out.get(3))
        .extracting(r -> r.get("groups") + " " + r.get("codec") + " " + r.get("codec2"))
        .as("DuckDB's 300-row file and Quacklake's 1000-row file in main.u: the table's codec")
        .containsExactly("1 ZSTD ZSTD", "10 ZSTD ZSTD");
  }

  @Test
  void optionsDuckDbScopesAreListedAndHonouredByQuacklake() throws Exception {
    DuckDbPeer peer = DuckDbPeer.require();
    String catalog = TestCatalogs.location("duckdb", temp);
    String path = catalog.substring("duckdb:".length());
    peer.query(
        temp,
        "ATTACH 'ducklake:"
            + path
            + "' AS l (DATA_PATH '"
            + temp.resolve("data")
            + "/', DUCKLAKE_VERSION '1.0'); CREATE SCHEMA l.s; CREATE TABLE l.s.t(id BIGINT);"
            + " CREATE TABLE l.main.u(id BIGINT);"
            + " CALL l.set_option('data_inlining_row_limit', 0, schema => 's');"
            + " CALL l.set_option('data_inlining_row_limit', 50, schema => 'main', table_name => 'u');"
            + " CALL l.set_option('data_inlining_row_limit', 2);");
    try (Lake lake = Lake.open(catalog)) {
      assertThat(lake.options())
          .contains(
              new LakeOption("data_inlining_row_limit", "0", LakeOption.Scope.SCHEMA, "s"),
              new LakeOption("data_inlining_row_limit", "50", LakeOption.Scope.TABLE, "main.u"),
              new LakeOption("data_inlining_row_limit", "2", LakeOption.Scope.GLOBAL, null));
      insert(lake, "s.t", 1);
      insert(lake, "main.u", 30);
      assertThat(files(lake, "s.t")).as("the schema's limit 0 wins over the lake's 2").hasSize(1);
      assertThat(files(lake, "main.u")).as("the table's limit 50 wins over the lake's 2").isEmpty();
    }
  }
}
