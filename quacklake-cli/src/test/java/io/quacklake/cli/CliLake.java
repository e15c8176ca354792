package io.quacklake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A new SQLite-catalog lake in a test's directory, driven through {@link Main#run}. */
final class CliLake {
  private final Path dir;
  private final String catalog;

  /** Runs {@code init} in {@code dir}. */
  CliLake(Path dir) {
    this.dir = dir;
    this.catalog = "sqlite:" + dir.resolve("lake.sqlite");
    write("init");
  }

  Path dir() {
    return dir;
  }

  /** Runs a command against this lake. */
  CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of("--catalog", catalog));
    all.addAll(List.of("--data-path", dir.resolve("data").toString()));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  /** Runs a writing command that must succeed and returns the snapshot id it printed. */
  long write(String... args) {
    CliRun r = run(args);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.lines()).hasSize(1);
    return Long.parseLong(r.lines().get(0));
  }

  /**
   * Runs a command that must fail with {@code exit} and one error line (no stack trace, no Java
   * class name), and returns that line.
   */
  String fails(int exit, String... args) {
    CliRun r = run(args);
    assertThat(r.exit()).as(r.err()).isEqualTo(exit);
    assertThat(r.err()).startsWith("quacklake: ").endsWith("\n");
    assertThat(r.err().strip()).doesNotContain("\n");
    assertThat(r.err())
        .doesNotContainPattern("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z][A-Za-z0-9_$]*")
        .doesNotContain("Exception")
        .doesNotContainPattern(":\\s*null\\b");
    return r.err().strip();
  }

  /** The table's rows as {@code scan --format F} prints them, header first for CSV. */
  List<String> scan(String table, String format, String... extra) {
    List<String> args = new ArrayList<>(List.of("scan", table, "--format", format));
    args.addAll(List.of(extra));
    CliRun r = run(args.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isZero();
    return r.lines();
  }

  /** The number of snapshots. */
  int snapshots() {
    CliRun r = run("snapshots", "--format", "csv");
    assertThat(r.exit()).as(r.err()).isZero();
    return r.lines().size() - 1;
  }

  /** Writes a UTF-8 file of lines in the lake's directory. */
  Path file(String name, String... lines) throws IOException {
    return bytes(name, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Writes a file of raw bytes in the lake's directory. */
  Path bytes(String name, byte[] content) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, content);
    return p;
  }
}
