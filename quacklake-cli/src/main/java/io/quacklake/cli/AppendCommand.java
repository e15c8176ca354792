package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import io.quacklake.types.LakeColumn;
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

  @Parameters(index = "0", paramLabel = "TABLE", description = "schema.table or table")
  String table;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "Input files")
  List<Path> files;

  @Mixin InputOptionsMixin input;

  @Override
  public Integer call() {
    files.forEach(input::formatOf); // an unknown extension fails before the lake is opened
    try (Lake lake = main.lakeOptions.open();
        BufferAllocator allocator = new RootAllocator();
        Transaction tx = lake.begin()) {
      List<LakeColumn> columns = lake.table(table).columns();
      for (int i = 0; i < files.size(); i++) {
        input.read(files.get(i), columns, allocator, batch -> tx.append(table, batch));
      }
      WrittenSnapshot.print(tx.commit());
    }
    return 0;
  }
}
