package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import io.quacklake.types.ArrowRows;
import io.quacklake.types.ArrowValues;
import io.quacklake.types.LakeColumn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code merge TABLE FILE --on col[,col]}: prints the new snapshot id. */
@Command(
    name = "merge",
    description = "Upsert rows from a file: rows whose keys match are replaced, the rest inserted")
final class MergeCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "TABLE", description = "schema.table or table")
  String table;

  @Parameters(index = "1", paramLabel = "FILE", description = "Input file")
  Path file;

  @Option(
      names = "--on",
      required = true,
      split = ",",
      paramLabel = "col[,col]",
      description = "Key columns")
  List<String> on;

  @ParentCommand Main main;

  @Mixin CommitOptionsMixin commit;

  @Mixin InputOptionsMixin input;

  @Override
  public Integer call() {
    input.formatOf(file); // an unknown extension fails before the lake is opened
    try (Lake lake = main.lakeOptions.open();
        BufferAllocator allocator = new RootAllocator();
        Transaction tx = commit.apply(lake.begin())) {
      List<LakeColumn> columns = lake.table(table).columns();
      List<Map<String, Object>> rows = new ArrayList<>();
      input.read(file, columns, allocator, batch -> rows.addAll(rowsOf(batch)));
      try (VectorSchemaRoot all = batchOf(columns, rows, allocator)) {
        tx.merge(table, all, on.stream().map(String::trim).toList());
      }
      WrittenSnapshot.print(tx.commit());
    }
    return 0;
  }

  private static List<Map<String, Object>> rowsOf(VectorSchemaRoot batch) {
    List<Map<String, Object>> out = new ArrayList<>(batch.getRowCount());
    for (int r = 0; r < batch.getRowCount(); r++) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (FieldVector v : batch.getFieldVectors()) {
        row.put(v.getName().toLowerCase(Locale.ROOT), ArrowValues.get(v, r));
      }
      out.add(row);
    }
    return out;
  }

  private static VectorSchemaRoot batchOf(
      List<LakeColumn> columns, List<Map<String, Object>> rows, BufferAllocator allocator) {
    List<Object[]> values = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) {
      values.add(columns.stream().map(c -> row.get(c.name().toLowerCase(Locale.ROOT))).toArray());
    }
    return ArrowRows.of(columns, values, allocator);
  }
}
