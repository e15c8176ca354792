package io.quacklake.cli;

import io.quacklake.ChangeType;
import io.quacklake.Lake;
import io.quacklake.ScanReader;
import io.quacklake.Snapshot;
import io.quacklake.exceptions.QuacklakeException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code changes TABLE --from SNAPSHOT [--to SNAPSHOT] [--kind all|insertions|deletions]}: the
 * row-level change feed, as DuckDB's {@code ducklake_table_changes}.
 */
@Command(
    name = "changes",
    description =
        "The rows a table's snapshots inserted, deleted and updated (DuckDB's"
            + " ducklake_table_changes): snapshot_id, rowid, change_type, then the columns;"
            + " streamed, grouped by the data file holding the rows (not ordered by snapshot)",
    footer = "Example: quacklake changes main.orders --from 12 --to 15 --format csv")
final class ChangesCommand implements Callable<Integer> {
  /** Which changes to list. */
  enum Kind {
    all,
    insertions,
    deletions
  }

  @ParentCommand Main main;

  @Mixin HelpOptionMixin help;

  @Parameters(paramLabel = "TABLE", description = "schema.table or table")
  String table;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "SNAPSHOT",
      description = "First snapshot: an id, or a timestamp (the oldest snapshot at or after it)")
  String from;

  @Option(
      names = "--to",
      paramLabel = "SNAPSHOT",
      description =
          "Last snapshot (default: the latest): an id, or a timestamp (the newest at or before it)")
  String to;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      description = "all (default), insertions (inserts and update postimages) or deletions")
  Kind kind = Kind.all;

  @Option(names = "--format", description = "table, csv, json, parquet or arrow")
  OutputFormat format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of stdout")
  Path output;

  @Override
  public Integer call() throws IOException {
    OutputFormat f = RowsOutput.format(format, output);
    try (Lake lake = main.lakeOptions.open()) {
      long last = to == null ? lake.currentSnapshot().id() : bound(lake, to, false);
      long first = bound(lake, from, true);
      try (ScanReader reader = lake.table(table).changeReader(first, last, types());
          OutputStream out = RowsOutput.open(output, f)) {
        RowsOutput.write(
            new LimitedBatches(reader, Long.MAX_VALUE), f, output, out, Long.MAX_VALUE, null);
      }
    }
    return 0;
  }

  private Set<ChangeType> types() {
    EnumSet<ChangeType> all = EnumSet.allOf(ChangeType.class);
    if (kind != Kind.all) {
      all.removeIf(t -> t.isInsertion() != (kind == Kind.insertions));
    }
    return all;
  }

  /**
   * A snapshot id, or the snapshot a timestamp bounds: the oldest at or after it for the start (as
   * DuckDB's lower bound), the newest at or before it for the end.
   */
  private static long bound(Lake lake, String text, boolean lower) {
    SnapshotArgument a = SnapshotArgument.parse(text);
    if (a.id() != null || !lower) {
      return a.resolve(lake);
    }
    for (Snapshot s : lake.snapshots()) {
      if (!s.time().isBefore(a.time())) {
        return s.id();
      }
    }
    throw QuacklakeException.notFound("no snapshot was taken at or after %s", text);
  }
}
