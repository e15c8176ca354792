package io.quacklake.internal.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every {@code ducklake_metadata} option by scope, as read at one moment: lake-wide rows ({@code
 * scope} NULL), schema rows ({@code scope = 'schema'}, {@code scope_id} the schema id) and table
 * rows ({@code scope = 'table'}, the table id), as DuckDB's {@code set_option} writes them.
 */
public record ScopedOptions(
    Map<String, String> global,
    Map<Long, Map<String, String>> schemas,
    Map<Long, Map<String, String>> tables) {
  public ScopedOptions {
    global = Map.copyOf(global);
    schemas = copy(schemas);
    tables = copy(tables);
  }

  /** One {@code ducklake_metadata} row. */
  public record Row(String key, String value, String scope, Long scopeId) {}

  static ScopedOptions of(List<Row> rows) {
    Map<String, String> global = new HashMap<>();
    Map<Long, Map<String, String>> schemas = new HashMap<>();
    Map<Long, Map<String, String>> tables = new HashMap<>();
    for (Row r : rows) {
      if (r.scope() == null) {
        global.put(r.key(), r.value());
      } else if (r.scopeId() != null && r.scope().equalsIgnoreCase("schema")) {
        schemas.computeIfAbsent(r.scopeId(), k -> new HashMap<>()).put(r.key(), r.value());
      } else if (r.scopeId() != null && r.scope().equalsIgnoreCase("table")) {
        tables.computeIfAbsent(r.scopeId(), k -> new HashMap<>()).put(r.key(), r.value());
      }
    }
    return new ScopedOptions(global, schemas, tables);
  }

  /**
   * The options a table's writes use: the table's own, else its schema's, else the lake's (DuckDB's
   * order). {@code schemaId} or {@code tableId} may be null for a schema or table that has no id
   * yet.
   */
  public Map<String, String> forTable(Long schemaId, Long tableId) {
    Map<String, String> out = new HashMap<>(global);
    if (schemaId != null) {
      out.putAll(schemas.getOrDefault(schemaId, Map.of()));
    }
    if (tableId != null) {
      out.putAll(tables.getOrDefault(tableId, Map.of()));
    }
    return out;
  }

  private static Map<Long, Map<String, String>> copy(Map<Long, Map<String, String>> byId) {
    Map<Long, Map<String, String>> out = new HashMap<>();
    byId.forEach((id, options) -> out.put(id, Map.copyOf(options)));
    return Map.copyOf(out);
  }
}
