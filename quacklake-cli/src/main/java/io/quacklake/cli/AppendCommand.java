package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.TableAppender;
import io.quacklake.Transaction;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code append TABLE FILE...}: every file's rows in one snapshot, or nothing on any error. */
@Command(
    name = "append",
    description = "Append CSV, Parquet, JSON lines or Arrow IPC files; prints the new snapshot id")
final class AppendCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Mixin CommitOptionsMixin commit;

  @Parameters(index = "0", paramLabel = "TABLE", description = "schema.table or table")
  String table;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "FILE",
      description = "Input files; - reads standard input (with --input-format)")
  List<Path> files;

  @Mixin InputOptionsMixin input;

  @Override
  public Integer call() throws IOException {
    if (files.contains(STDIN) && input.inputFormat == null) {
      throw QuacklakeException.invalid(
          "append - reads standard input, whose format has no file extension to tell it: add"
              + " --input-format csv|parquet|jsonl|arrow");
    }
    files.stream().filter(f -> !f.equals(STDIN)).forEach(input::formatOf);
    Path stdin = files.contains(STDIN) ? StandardInput.copy() : null;
    try {
      return append(stdin);
    } finally {
      if (stdin != null) {
        Files.deleteIfExists(stdin);
      }
    }
  }

  private static final Path STDIN = Path.of("-");

  private int append(Path stdin) {
    try (Lake lake = main.lakeOptions.open();
        BufferAllocator allocator = new RootAllocator();
        Transaction tx = commit.apply(lake.begin());
        Progress progress =
            Progress.start("append " + table, "rows", Progress.wanted(main.quiet))) {
      List<LakeColumn> columns = lake.table(table).columns();
      for (int i = 0; i < files.size(); i++) {
        Path file = files.get(i).equals(STDIN) ? stdin : files.get(i);
        try (TableAppender appender = tx.appender(table)) {
          ReadAhead.run(
              allocator,
              sink -> input.read(file, columns, allocator, sink),
              batch -> {
                appender.append(batch);
                progress.step(batch.getRowCount());
              });
        }
      }
      WrittenSnapshot.print(tx.commit());
    }
    return 0;
  }
}
