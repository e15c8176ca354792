package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.Snapshot;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code snapshots}: the snapshot log. */
@Command(
    name = "snapshots",
    description = "List snapshots: id, time (UTC), schema version, changes, author, message")
final class SnapshotsCommand implements Callable<Integer> {
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSx").withZone(ZoneOffset.UTC);

  @ParentCommand Main main;

  @Option(names = "--format", description = "table, csv or json")
  OutputFormat format;

  @Override
  public Integer call() {
    try (Lake lake = main.lakeOptions.open()) {
      TextRows rows =
          new TextRows(
              List.of(
                  "snapshot_id",
                  "snapshot_time",
                  "schema_version",
                  "changes",
                  "author",
                  "commit_message"));
      for (Snapshot s : lake.snapshots()) {
        rows.add(
            Long.toString(s.id()),
            TIME.format(s.time()),
            Long.toString(s.schemaVersion()),
            s.changesText(),
            s.author(),
            s.commitMessage());
      }
      rows.write(Terminal.format(format), System.out);
    }
    return 0;
  }
}
