package io.quacklake.cli.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * JSON lines: one object per line, keys naming table columns (case-insensitively). A missing key or
 * {@code null} is NULL; a key that names no column is an error. Blank lines are skipped. UTF-8, a
 * byte-order mark is skipped.
 */
final class JsonLinesInput {
  private JsonLinesInput() {}

  static void read(
      Path file,
      List<LakeColumn> columns,
      long maxRecordBytes,
      BufferAllocator allocator,
      Consumer<VectorSchemaRoot> sink)
      throws IOException {
    String name = file.getFileName().toString();
    try (BufferedReader reader = new BufferedReader(InputText.open(file, false, maxRecordBytes));
        RowBatches batches = new RowBatches(columns, allocator, sink)) {
      long line = 0;
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        String where = name + " line " + line;
        JsonNode row = parse(text, where);
        List<String> keys = new ArrayList<>();
        row.fieldNames().forEachRemaining(keys::add);
        HeaderMatch match = HeaderMatch.of(where, keys, columns, true);
        JsonNode[] cells = new JsonNode[columns.size()];
        for (int i = 0; i < keys.size(); i++) {
          cells[match.columnOf()[i]] = row.get(keys.get(i));
        }
        for (int c = 0; c < cells.length; c++) {
          LakeColumn column = columns.get(c);
          batches.set(c, JsonValues.convert(cells[c], column, where + ", column " + column.name()));
        }
        batches.endRow();
      }
      batches.flush();
    }
  }

  private static JsonNode parse(String text, String where) {
    try {
      JsonNode node = JsonTrees.parse(text);
      if (!node.isObject()) {
        throw QuacklakeException.invalid("%s: expected one JSON object per line", where);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw QuacklakeException.invalid("%s: not valid JSON (%s)", where, JsonTrees.reason(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
