package io.quacklake.cli;

import io.quacklake.Change;
import io.quacklake.Lake;
import io.quacklake.Snapshot;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.ValueText;
import java.util.ArrayList;
import java.util.List;
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
            + " ducklake_table_changes): snapshot_id, rowid, change_type, then the columns",
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

  @Option(names = "--format", description = "table, csv or json")
  OutputFormat format;

  @Override
  public Integer call() {
    try (Lake lake = main.lakeOptions.open()) {
      long last = to == null ? lake.currentSnapshot().id() : bound(lake, to, false);
      long first = bound(lake, from, true);
      List<LakeColumn> columns = lake.table(table).columns(last);
      List<String> header = new ArrayList<>(List.of("snapshot_id", "rowid", "change_type"));
      columns.forEach(c -> header.add(c.name()));
      TextRows rows = new TextRows(header);
      for (Change c : lake.table(table).changes(first, last)) {
        boolean insertion = c.type().isInsertion();
        if ((kind == Kind.insertions && !insertion) || (kind == Kind.deletions && insertion)) {
          continue;
        }
        List<String> cells = new ArrayList<>();
        cells.add(Long.toString(c.snapshotId()));
        cells.add(Long.toString(c.rowId()));
        cells.add(c.type().text());
        for (LakeColumn col : columns) {
          cells.add(ValueText.format(c.values().get(col.name()), col));
        }
        rows.add(cells.toArray(String[]::new));
      }
      rows.write(Terminal.format(format), System.out);
    }
    return 0;
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
