package io.quacklake.cli.input;

import io.quacklake.ParquetFiles;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A Parquet file whose top-level column names are the table's (in any order), read with the
 * library's reader. Files with field ids bind by those ids (struct fields by name); files without
 * bind by position, so struct fields must be in the table's order.
 */
final class ParquetInput {
  private ParquetInput() {}

  static void read(
      Path file,
      List<LakeColumn> columns,
      BufferAllocator allocator,
      Consumer<VectorSchemaRoot> sink)
      throws IOException {
    ParquetFields fields = ParquetFields.read(file);
    List<String> names = fields.top().stream().map(ParquetFields.Node::name).toList();
    HeaderMatch match = HeaderMatch.of(file.getFileName().toString(), names, columns, false);
    List<LakeColumn> request = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      LakeColumn column = columns.get(match.columnOf()[i]);
      request.add(fields.hasFieldIds() ? withFileIds(column, fields.top().get(i)) : column);
    }
    try {
      ParquetFiles.read(file, request, RowBatches.BATCH_ROWS, allocator, sink);
    } catch (QuacklakeException e) {
      throw new QuacklakeException(e.kind(), file.getFileName() + ": " + e.getMessage(), e);
    }
  }

  /** The column with the file's field ids, so the reader finds each (nested) field. */
  private static LakeColumn withFileIds(LakeColumn column, ParquetFields.Node node) {
    List<LakeColumn> children = new ArrayList<>(column.children().size());
    switch (column.type().id()) {
      case STRUCT -> {
        for (LakeColumn child : column.children()) {
          ParquetFields.Node n = node.child(child.name());
          children.add(n == null ? child : withFileIds(child, n));
        }
      }
      case LIST -> {
        ParquetFields.Node element = node.onlyChild().onlyChild();
        children.add(withFileIds(column.children().get(0), element));
      }
      case MAP -> {
        ParquetFields.Node entries = node.onlyChild();
        for (int i = 0; i < 2; i++) {
          LakeColumn child = column.children().get(i);
          children.add(
              entries.children().size() == 2
                  ? withFileIds(child, entries.children().get(i))
                  : child);
        }
      }
      default -> children.addAll(column.children());
    }
    long id = node.fieldId() == null ? -1 : node.fieldId();
    return new LakeColumn(
        id,
        column.name(),
        column.type(),
        column.nullable(),
        column.initialDefault(),
        column.defaultValue(),
        children);
  }
}
