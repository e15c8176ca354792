package io.quacklake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Parses {@code changes_made} text into DuckDB's {@code ducklake_snapshots()} change map. */
final class SnapshotChanges {
  /** Change token → map key, in the order DuckDB lists the keys. */
  private static final Map<String, String> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put("created_schema", "schemas_created");
    KEYS.put("dropped_schema", "schemas_dropped");
    KEYS.put("created_table", "tables_created");
    KEYS.put("created_view", "views_created");
    KEYS.put("created_scalar_macro", "scalar_macros_created");
    KEYS.put("created_table_macro", "table_macros_created");
    KEYS.put("dropped_table", "tables_dropped");
    KEYS.put("altered_table", "tables_altered");
    KEYS.put("inserted_into_table", "tables_inserted_into");
    KEYS.put("deleted_from_table", "tables_deleted_from");
    KEYS.put("dropped_view", "views_dropped");
    KEYS.put("dropped_scalar_macro", "scalar_macros_dropped");
    KEYS.put("dropped_table_macro", "table_macros_dropped");
    KEYS.put("altered_view", "views_altered");
    KEYS.put("inlined_insert", "inlined_insert");
    KEYS.put("inlined_delete", "inlined_delete");
    KEYS.put("inline_flush", "flushed_inlined");
    KEYS.put("flushed_inlined", "flushed_inlined");
    KEYS.put("merge_adjacent", "merge_adjacent");
    KEYS.put("compacted_table", "merge_adjacent");
    KEYS.put("rewrite_delete", "rewrite_delete");
  }

  private SnapshotChanges() {}

  static Map<String, List<String>> parse(String changesMade) {
    Map<String, List<String>> byKey = new LinkedHashMap<>();
    if (changesMade == null || changesMade.isEmpty()) {
      return byKey;
    }
    Map<String, List<String>> unordered = new LinkedHashMap<>();
    for (String entry : splitOutsideQuotes(changesMade, ',')) {
      int colon = entry.indexOf(':');
      String token = colon < 0 ? entry : entry.substring(0, colon);
      String value = colon < 0 ? "" : unquoteName(entry.substring(colon + 1));
      String key = KEYS.getOrDefault(token, token);
      unordered.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    for (String key : KEYS.values()) {
      if (unordered.containsKey(key)) {
        byKey.put(key, unordered.remove(key));
      }
    }
    byKey.putAll(unordered);
    return byKey;
  }

  static String render(Map<String, List<String>> changes) {
    return changes.entrySet().stream()
        .map(
            e ->
                e.getKey()
                    + "="
                    + e.getValue().stream().collect(Collectors.joining(", ", "[", "]")))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  /** {@code "main"."t"} → {@code main.t}; plain ids are kept. */
  private static String unquoteName(String value) {
    List<String> parts = splitOutsideQuotes(value, '.');
    List<String> names = new ArrayList<>();
    for (String p : parts) {
      if (p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"")) {
        names.add(p.substring(1, p.length() - 1).replace("\"\"", "\""));
      } else {
        names.add(p);
      }
    }
    return String.join(".", names);
  }

  private static List<String> splitOutsideQuotes(String text, char separator) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      }
      if (ch == separator && !quoted) {
        out.add(current.toString());
        current.setLength(0);
      } else {
        current.append(ch);
      }
    }
    out.add(current.toString());
    return out;
  }
}
