package io.quacklake.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An expected result file ({@code expected/*.json}): column names and rows of rendered strings
 * (null for SQL NULL).
 */
public record ExpectedRows(List<String> columns, List<List<String>> rows) {

  public static ExpectedRows read(Path file) {
    try {
      JsonNode root = new ObjectMapper().readTree(file.toFile());
      List<String> columns = new ArrayList<>();
      root.get("columns").forEach(c -> columns.add(c.get(0).asText()));
      List<List<String>> rows = new ArrayList<>();
      for (JsonNode r : root.get("rows")) {
        List<String> row = new ArrayList<>();
        r.forEach(v -> row.add(v.isNull() ? null : v.asText()));
        rows.add(row);
      }
      return new ExpectedRows(columns, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
