package io.quacklake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code init --spec-version} and {@code migrate --to}: 1.0 by default, 1.1-dev1 or the released
 * 1.1 on request.
 */
class CliSpecVersionTest {
  @TempDir Path temp;

  private CliRun run(String catalog, String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "--catalog";
    all[1] = "sqlite:" + temp.resolve(catalog);
    all[2] = "--data-path";
    all[3] = temp.resolve("data-" + catalog).toString();
    System.arraycopy(args, 0, all, 4, args.length);
    return CliRun.of(all);
  }

  @Test
  void initAt11Dev1AndMigrateFrom10() {
    assertThat(run("new.sqlite", "init", "--spec-version", "1.1-dev1").exit()).isZero();
    assertThat(run("old.sqlite", "init").exit()).isZero();
    assertThat(run("old.sqlite", "create-table", "t", "--schema", "id BIGINT").exit()).isZero();
    CliRun migrated = run("old.sqlite", "migrate", "--to", "1.1-dev1");
    assertThat(migrated.exit()).as(migrated.err()).isZero();
    assertThat(migrated.out().trim()).isEqualTo("1.1-dev1");
    CliRun again = run("old.sqlite", "migrate", "--to", "1.1-dev1");
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("only 1.0 catalogs migrate");
    assertThat(run("x.sqlite", "init", "--spec-version", "0.9").exit()).isEqualTo(1);
  }

  @Test
  void initAt11AndMigrateFrom11Dev1() {
    assertThat(run("r.sqlite", "init", "--spec-version", "1.1").exit()).isZero();
    assertThat(run("r.sqlite", "create-table", "t", "--schema", "id BIGINT").exit()).isZero();
    CliRun version = run("r.sqlite", "migrate", "--to", "1.1");
    assertThat(version.exit()).isEqualTo(1);
    assertThat(version.err()).contains("at DuckLake 1.1 already");
    assertThat(run("d.sqlite", "init", "--spec-version", "1.1-dev1").exit()).isZero();
    assertThat(run("d.sqlite", "create-table", "t", "--schema", "id BIGINT").exit()).isZero();
    CliRun migrated = run("d.sqlite", "migrate", "--to", "1.1");
    assertThat(migrated.exit()).as(migrated.err()).isZero();
    assertThat(migrated.out().trim()).isEqualTo("1.1");
    assertThat(run("d.sqlite", "create-table", "u", "--schema", "id BIGINT").exit()).isZero();
  }
}
