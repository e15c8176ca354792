package io.quacklake.internal.catalog;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the column tree of a table from its flat {@code ducklake_column} rows. */
public final class ColumnTree {
  private ColumnTree() {}

  /**
   * Top-level columns in column order, each with its nested children.
   *
   * @param tableId the table the rows belong to, for error messages
   * @throws QuacklakeException CORRUPT when the rows' parent ids form a cycle (a column that is its
   *     own ancestor), naming the table and the column ids in the cycle
   */
  public static List<LakeColumn> build(long tableId, List<ColumnRecord> rows) {
    Map<Long, List<ColumnRecord>> byParent = new HashMap<>();
    Map<Long, Long> parents = new HashMap<>();
    for (ColumnRecord r : rows) {
      byParent.computeIfAbsent(r.parentColumn(), k -> new ArrayList<>()).add(r);
      parents.put(r.columnId(), r.parentColumn());
    }
    for (ColumnRecord r : rows) {
      checkAcyclic(tableId, r.columnId(), parents);
    }
    return children(tableId, byParent, null, new LinkedHashSet<>());
  }

  /** Walks up from {@code columnId}; a column met twice on the way closes a cycle. */
  private static void checkAcyclic(long tableId, long columnId, Map<Long, Long> parents) {
    Set<Long> path = new LinkedHashSet<>();
    Long at = columnId;
    while (at != null && parents.containsKey(at)) {
      if (!path.add(at)) {
        throw cycle(tableId, path, at);
      }
      at = parents.get(at);
    }
  }

  private static QuacklakeException cycle(long tableId, Set<Long> path, long repeated) {
    List<Long> ids = new ArrayList<>(path);
    return QuacklakeException.corrupt(
        "table %d has a column tree whose parent ids form a cycle (column ids %s in"
            + " ducklake_column); repair the parent_column of these rows in the catalog",
        tableId, ids.subList(ids.indexOf(repeated), ids.size()));
  }

  private static List<LakeColumn> children(
      long tableId, Map<Long, List<ColumnRecord>> byParent, Long parent, Set<Long> ancestors) {
    List<ColumnRecord> rows = new ArrayList<>(byParent.getOrDefault(parent, List.of()));
    rows.sort(Comparator.comparingLong(ColumnRecord::columnOrder));
    List<LakeColumn> out = new ArrayList<>(rows.size());
    for (ColumnRecord r : rows) {
      if (!ancestors.add(r.columnId())) {
        throw cycle(tableId, ancestors, r.columnId());
      }
      out.add(
          new LakeColumn(
              r.columnId(),
              r.name(),
              LakeType.parse(r.type()),
              // DuckDB enforces NOT NULL on top-level columns only, writes nested fields OPTIONAL,
              // and records nulls_allowed=false on the fields it adds or renames later
              parent == null ? r.nullsAllowed() : true,
              noDefault(r.initialDefault()),
              noDefault(r.defaultValue()),
              children(tableId, byParent, r.columnId(), ancestors)));
      ancestors.remove(r.columnId());
    }
    return out;
  }

  /** DuckDB writes the string {@code NULL} for "no default"; SQL NULL means the same. */
  private static String noDefault(String value) {
    return value == null || value.equals("NULL") ? null : value;
  }
}
