package io.quacklake.internal.txn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code changes_made} text as DuckDB's {@code ducklake_snapshots()} shows it: a map from a key
 * such as {@code tables_created} to the values of that kind, names unquoted ({@code main.t}), keys
 * in DuckDB's order. Unlike {@link ChangesMade#parse}, this view never fails: an unknown token is
 * listed under its own name, after the known keys.
 */
public final class SnapshotChanges {
  /** The kinds in the order DuckDB lists their keys. */
  private static final List<ChangeKind> KEY_ORDER =
      List.of(
          ChangeKind.CREATED_SCHEMA,
          ChangeKind.DROPPED_SCHEMA,
          ChangeKind.CREATED_TABLE,
          ChangeKind.CREATED_VIEW,
          ChangeKind.CREATED_SCALAR_MACRO,
          ChangeKind.CREATED_TABLE_MACRO,
          ChangeKind.DROPPED_TABLE,
          ChangeKind.ALTERED_TABLE,
          ChangeKind.INSERTED_INTO_TABLE,
          ChangeKind.DELETED_FROM_TABLE,
          ChangeKind.DROPPED_VIEW,
          ChangeKind.DROPPED_SCALAR_MACRO,
          ChangeKind.DROPPED_TABLE_MACRO,
          ChangeKind.ALTERED_VIEW,
          ChangeKind.INLINED_INSERT,
          ChangeKind.INLINED_DELETE,
          ChangeKind.INLINE_FLUSH,
          ChangeKind.MERGE_ADJACENT,
          ChangeKind.REWRITE_DELETE);

  private SnapshotChanges() {}

  /** The changes grouped by key; empty for {@code null} or empty text. */
  public static Map<String, List<String>> parse(String changesMade) {
    Map<String, List<String>> byKey = new LinkedHashMap<>();
    if (changesMade == null || changesMade.isEmpty()) {
      return byKey;
    }
    Map<String, List<String>> unordered = new LinkedHashMap<>();
    for (ChangesMadeParser.Entry entry : ChangesMadeParser.entries(changesMade)) {
      String key =
          ChangeKind.fromToken(entry.token()).map(ChangeKind::summaryKey).orElse(entry.token());
      unordered.computeIfAbsent(key, k -> new ArrayList<>()).add(display(entry.value()));
    }
    for (ChangeKind kind : KEY_ORDER) {
      List<String> values = unordered.remove(kind.summaryKey());
      if (values != null) {
        byKey.put(kind.summaryKey(), values);
      }
    }
    byKey.putAll(unordered);
    return byKey;
  }

  /** The map as DuckDB renders it, e.g. {@code {tables_created=[main.t], inlined_insert=[1]}}. */
  public static String render(Map<String, List<String>> changes) {
    return changes.entrySet().stream()
        .map(
            e ->
                e.getKey()
                    + "="
                    + e.getValue().stream().collect(Collectors.joining(", ", "[", "]")))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  /**
   * {@code "main"."t"} → {@code main.t}; an id, or a value not made of quoted names, as written.
   */
  private static String display(String value) {
    if (value == null) {
      return "";
    }
    return ChangesMadeParser.names(value).map(names -> String.join(".", names)).orElse(value);
  }
}
