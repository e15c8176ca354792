package io.quacklake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An object-store catalog from the command line: init, writes, and the catalog commands. */
class CliCatalogTest {
  @TempDir Path temp;

  /** Runs against the lake at temp/lake unless the arguments name another catalog. */
  private CliRun run(String... args) {
    String[] all = args;
    if (!List.of(args).contains("--catalog")) {
      all = new String[args.length + 2];
      all[0] = "--catalog";
      all[1] = temp.resolve("lake").toUri().toString();
      System.arraycopy(args, 0, all, 2, args.length);
    }
    return CliRun.of(all);
  }

  private CliRun ok(String... args) {
    CliRun r = run(args);
    assertThat(r.exit()).as(r.err()).isZero();
    return r;
  }

  @Test
  void initWriteListRestoreExportAndCollect() throws Exception {
    assertThat(ok("init").lines()).containsExactly("0");
    ok("create-table", "t", "--schema", "id BIGINT, name VARCHAR");
    Path csv = temp.resolve("rows.csv");
    Files.writeString(csv, "id,name\n1,a\n2,b\n3,c\n");
    assertThat(ok("append", "t", csv.toString()).lines()).containsExactly("2");
    assertThat(ok("delete", "t", "--where", "id = 2").lines()).containsExactly("3");
    assertThat(ok("catalog", "versions", "--format", "csv").lines())
        .hasSize(5)
        .first()
        .isEqualTo("version,snapshot_id,created,file_size,blocks");
    assertThat(ok("catalog", "restore", "3").lines()).containsExactly("5");
    assertThat(ok("scan", "t", "--format", "csv").lines())
        .containsExactly("id,name", "1,a", "2,b", "3,c");
    Path export = temp.resolve("copy.sqlite");
    ok("catalog", "export", export.toString());
    CliRun fromCopy = run("--catalog", "sqlite:" + export, "tables", "--format", "csv");
    assertThat(fromCopy.exit()).as(fromCopy.err()).isZero();
    assertThat(fromCopy.lines()).containsExactly("table,rows", "main.t,3");
    Path duckdb = temp.resolve("copy.ducklake");
    ok("catalog", "export", duckdb.toString(), "--format", "duckdb");
    CliRun fromDuckDb = run("--catalog", "duckdb:" + duckdb, "scan", "t", "--format", "csv");
    assertThat(fromDuckDb.exit()).as(fromDuckDb.err()).isZero();
    assertThat(fromDuckDb.lines()).containsExactly("id,name", "1,a", "2,b", "3,c");
    CliRun badFormat = run("catalog", "export", temp.resolve("x").toString(), "--format", "csv");
    assertThat(badFormat.exit()).isEqualTo(1);
    assertThat(badFormat.err()).contains("--format must be sqlite or duckdb");
    assertThat(ok("catalog", "gc").lines().get(0)).startsWith("deleted 0 versions and 0 blocks");
    CliRun exists = run("catalog", "export", export.toString());
    assertThat(exists.exit()).isNotZero();
    assertThat(exists.err()).contains("exists").doesNotContain("\n\tat ");
    CliRun notVersioned = run("--catalog", "sqlite:" + export, "catalog", "versions");
    assertThat(notVersioned.exit()).isEqualTo(1);
    assertThat(notVersioned.err()).contains("not an object-store catalog");
  }
}
