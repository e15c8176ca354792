package io.quacklake.cli.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quacklake.QuacklakeException;
import io.quacklake.types.LakeColumn;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * JSON lines: one object per line, keys naming table columns (case-insensitively). A missing key or
 * {@code null} is NULL; a key that names no column is an error. Blank lines are skipped.
 */
final class JsonLinesInput {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .build();

  private JsonLinesInput() {}

  static void read(
      Path file,
      List<LakeColumn> columns,
      BufferAllocator allocator,
      Consumer<VectorSchemaRoot> sink)
      throws IOException {
    String name = file.getFileName().toString();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
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
      JsonNode node = JSON.readTree(text);
      if (node == null || !node.isObject()) {
        throw QuacklakeException.invalid("%s: expected one JSON object per line", where);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw QuacklakeException.invalid("%s: not valid JSON (%s)", where, e.getOriginalMessage());
    }
  }
}
