package io.quacklake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The maintenance commands of {@code docs/cli.md} on a SQLite lake made through the CLI: what they
 * print, that every table reads the same afterwards, that {@code --dry-run} deletes nothing, and
 * the exit codes of invalid arguments.
 */
class CliMaintenanceTest {
  @TempDir Path temp;

  private CliLake lake;

  @BeforeEach
  void createLake() {
    lake = new CliLake(temp);
    lake.write("create-table", "t", "--schema", "id BIGINT NOT NULL, name VARCHAR");
  }

  /** Turns inlining off, so each append writes a Parquet file. */
  private void inliningOff() {
    try (Lake api =
        Lake.open(
            "sqlite:" + temp.resolve("lake.sqlite"),
            LakeOptions.dataPath(temp.resolve("data").toString()))) {
      api.setOption("data_inlining_row_limit", "0");
    }
  }

  /** Appends rows {@code from} (inclusive) to {@code to} in one snapshot. */
  private long append(int from, int to) throws IOException {
    String rows =
        IntStream.range(from, to).mapToObj(i -> i + ",n" + i).collect(Collectors.joining("\n"));
    return lake.write("append", "t", lake.file("rows" + from + ".csv", "id,name", rows).toString());
  }

  /**
   * The table's rows as {@code scan --format csv} prints them, sorted: the scan reads files in
   * parallel and does not keep their order yet.
   */
  private List<String> rows() {
    return lake.scan("t", "csv").stream().sorted().toList();
  }

  private long latestSnapshot() {
    List<String> lines = lake.run("snapshots", "--format", "csv").lines();
    return Long.parseLong(lines.get(lines.size() - 1).split(",")[0]);
  }

  private String lastChanges() {
    List<String> lines = lake.run("snapshots", "--format", "csv").lines();
    return lines.get(lines.size() - 1);
  }

  private List<Path> parquetFiles() throws IOException {
    Path data = temp.resolve("data");
    if (!Files.exists(data)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(data)) {
      return all.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
    }
  }

  private CliRun ok(String... args) {
    CliRun r = lake.run(args);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    return r;
  }

  @Test
  void flushInlinedDataWritesParquetAndPrintsTheSnapshotTheLakeIsAt() throws IOException {
    append(0, 3);
    append(3, 6);
    lake.write("delete", "t", "--where", "id = 4");
    List<String> before = rows();
    assertThat(parquetFiles()).isEmpty();

    long flushed = lake.write("flush-inlined-data");
    assertThat(flushed).isEqualTo(latestSnapshot()).isEqualTo(5);
    assertThat(lastChanges()).contains("flushed_inlined");
    assertThat(parquetFiles()).isNotEmpty();
    assertThat(rows()).isEqualTo(before);

    assertThat(lake.write("flush-inlined-data", "main.t")).isEqualTo(flushed);
    assertThat(lake.snapshots()).isEqualTo(6);
    assertThat(lake.fails(2, "flush-inlined-data", "missing")).contains("missing");
  }

  @Test
  void mergeAdjacentFilesMergesSmallFilesAndRejectsANonPositiveSize() throws IOException {
    inliningOff();
    for (int i = 0; i < 5; i++) {
      append(i * 10, i * 10 + 10);
    }
    List<String> before = rows();
    assertThat(parquetFiles()).hasSize(5);

    assertThat(lake.write("merge-adjacent-files", "t", "--max-file-size", "1")).isEqualTo(6);
    long merged = lake.write("merge-adjacent-files", "t", "--max-file-size", "100000000");
    assertThat(merged).isEqualTo(7).isEqualTo(latestSnapshot());
    assertThat(lastChanges()).contains("merge_adjacent");
    assertThat(parquetFiles()).hasSize(6);
    assertThat(rows()).isEqualTo(before);
    assertThat(lake.write("merge-adjacent-files")).isEqualTo(merged);

    assertThat(lake.fails(1, "merge-adjacent-files", "--max-file-size", "0"))
        .contains("--max-file-size must be a positive number of bytes, got 0");
    assertThat(lake.fails(1, "merge-adjacent-files", "t", "--max-file-size", "-5"))
        .contains("got -5");
    assertThat(lake.run("merge-adjacent-files", "--max-file-size", "big").exit()).isEqualTo(1);
    assertThat(lake.snapshots()).isEqualTo(8);
  }

  @Test
  void rewriteDataFilesDropsDeletedRowsAndRejectsAThresholdOutsideZeroToOne() throws IOException {
    inliningOff();
    append(0, 20);
    lake.write("delete", "t", "--where", "id < 12");
    List<String> before = rows();

    assertThat(lake.write("rewrite-data-files", "t")).isEqualTo(3);
    long rewritten = lake.write("rewrite-data-files", "main.t", "--delete-threshold", "0.5");
    assertThat(rewritten).isEqualTo(4).isEqualTo(latestSnapshot());
    assertThat(lastChanges()).contains("rewrite_delete");
    assertThat(rows()).isEqualTo(before);

    for (String bad : List.of("1.5", "-0.1", "NaN")) {
      assertThat(lake.fails(1, "rewrite-data-files", "--delete-threshold", bad))
          .contains("--delete-threshold must be between 0 and 1");
    }
    assertThat(lake.snapshots()).isEqualTo(5);
  }

  @Test
  void expireSnapshotsPrintsTheExpiredIdsAndDryRunKeepsThem() throws IOException {
    for (int i = 0; i < 4; i++) {
      append(i * 3, i * 3 + 3);
    }
    List<String> before = rows();

    assertThat(ok("expire-snapshots").out()).isEmpty();
    assertThat(ok("expire-snapshots", "--older-than", "1 hour").out()).isEmpty();
    assertThat(ok("expire-snapshots", "--versions", "1,2", "--dry-run").lines())
        .containsExactly("1", "2");
    assertThat(lake.snapshots()).isEqualTo(6);
    assertThat(ok("expire-snapshots", "--versions", "1,2").lines()).containsExactly("1", "2");
    assertThat(lake.snapshots()).isEqualTo(4);

    assertThat(ok("expire-snapshots", "--older-than", "2999-01-01 00:00:00", "--dry-run").lines())
        .containsExactly("0", "3", "4");
    assertThat(lake.snapshots()).isEqualTo(4);
    assertThat(ok("expire-snapshots", "--older-than", "0 seconds").lines())
        .containsExactly("0", "3", "4");
    assertThat(lake.snapshots()).isEqualTo(1);
    assertThat(latestSnapshot()).isEqualTo(5);
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void expireSnapshotsRejectsTwoSelectionsAndAnUnreadableTime() {
    assertThat(lake.fails(1, "expire-snapshots", "--versions", "1", "--older-than", "7 days"))
        .contains("--versions and --older-than")
        .contains("give only one of them");
    assertThat(lake.fails(1, "expire-snapshots", "--older-than", "soon"))
        .contains("--older-than 'soon' is neither a time nor a duration")
        .contains("'7 days'");
    assertThat(lake.fails(1, "expire-snapshots", "--older-than", "2025-13-45"))
        .contains("'2025-01-31 12:00:00'");
    assertThat(lake.snapshots()).isEqualTo(2);
  }

  @Test
  void cleanupOldFilesDeletesRetiredFilesAndDryRunDeletesNothing() throws IOException {
    inliningOff();
    append(0, 10);
    append(10, 20);
    lake.write("merge-adjacent-files");
    List<Path> live = parquetFiles();
    ok("expire-snapshots", "--older-than", "0 seconds");
    List<String> before = rows();

    assertThat(ok("cleanup-old-files").out()).isEmpty();
    assertThat(ok("cleanup-old-files", "--older-than", "1 day").out()).isEmpty();
    List<String> dry = ok("cleanup-old-files", "--all", "--dry-run").lines();
    assertThat(dry).hasSize(2);
    assertThat(ok("cleanup-old-files", "--older-than", "2999-01-01", "--dry-run").lines())
        .isEqualTo(dry);
    assertThat(parquetFiles()).isEqualTo(live).hasSize(3);

    assertThat(ok("cleanup-old-files", "--all").lines()).isEqualTo(dry);
    assertThat(parquetFiles()).hasSize(1);
    assertThat(dry).allSatisfy(p -> assertThat(p).endsWith(".parquet"));
    assertThat(ok("cleanup-old-files", "--all").out()).isEmpty();
    assertThat(rows()).isEqualTo(before);

    assertThat(lake.fails(1, "cleanup-old-files", "--all", "--older-than", "1 day"))
        .contains("--all and --older-than")
        .contains("give only one of them");
  }

  @Test
  void deleteOrphanedFilesDeletesUnknownFilesOnlyAndDryRunDeletesNothing() throws IOException {
    inliningOff();
    append(0, 10);
    List<Path> live = parquetFiles();
    Path orphan = live.get(0).resolveSibling("ducklake-orphan.parquet");
    Files.write(orphan, new byte[] {1, 2, 3});
    List<String> before = rows();

    assertThat(ok("delete-orphaned-files").out()).isEmpty();
    List<String> dry =
        ok("delete-orphaned-files", "--older-than", "2999-01-01", "--dry-run").lines();
    assertThat(dry).hasSize(1);
    assertThat(dry.get(0)).endsWith("ducklake-orphan.parquet");
    assertThat(orphan).exists();

    assertThat(ok("delete-orphaned-files", "--older-than", "2999-01-01T00:00:00+02").lines())
        .isEqualTo(dry);
    assertThat(orphan).doesNotExist();
    assertThat(parquetFiles()).isEqualTo(live);
    assertThat(rows()).isEqualTo(before);
    assertThat(lake.fails(1, "delete-orphaned-files", "--older-than", "7 fortnights"))
        .contains("--older-than '7 fortnights'");
  }

  @Test
  void checkpointRunsEveryStepAndPrintsTheSnapshotTheLakeIsAt() throws IOException {
    append(0, 3);
    append(3, 6);
    List<String> before = rows();

    long checkpoint = lake.write("checkpoint");
    assertThat(checkpoint).isEqualTo(latestSnapshot()).isGreaterThan(3);
    assertThat(parquetFiles()).isNotEmpty();
    assertThat(rows()).isEqualTo(before);
    assertThat(lake.write("checkpoint")).isEqualTo(checkpoint);
  }

  @Test
  void everyMaintenanceCommandAnswersHelpWithAnExample() {
    for (String command :
        List.of(
            "flush-inlined-data",
            "merge-adjacent-files",
            "rewrite-data-files",
            "expire-snapshots",
            "cleanup-old-files",
            "delete-orphaned-files",
            "checkpoint")) {
      CliRun r = lake.run(command, "--help");
      assertThat(r.exit()).as(command).isZero();
      assertThat(r.out()).contains("Example: quacklake " + command);
    }
  }
}
