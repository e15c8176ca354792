package io.quacklake.catalog;

import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the column tree of a table from its flat {@code ducklake_column} rows. */
public final class ColumnTree {
  private ColumnTree() {}

  /** Top-level columns in column order, each with its nested children. */
  public static List<LakeColumn> build(List<ColumnRecord> rows) {
    Map<Long, List<ColumnRecord>> byParent = new HashMap<>();
    for (ColumnRecord r : rows) {
      byParent.computeIfAbsent(r.parentColumn(), k -> new ArrayList<>()).add(r);
    }
    return children(byParent, null);
  }

  private static List<LakeColumn> children(Map<Long, List<ColumnRecord>> byParent, Long parent) {
    List<ColumnRecord> rows = new ArrayList<>(byParent.getOrDefault(parent, List.of()));
    rows.sort(Comparator.comparingLong(ColumnRecord::columnOrder));
    List<LakeColumn> out = new ArrayList<>(rows.size());
    for (ColumnRecord r : rows) {
      out.add(
          new LakeColumn(
              r.columnId(),
              r.name(),
              LakeType.parse(r.type()),
              r.nullsAllowed(),
              noDefault(r.initialDefault()),
              noDefault(r.defaultValue()),
              children(byParent, r.columnId())));
    }
    return out;
  }

  /** DuckDB writes the string {@code NULL} for "no default"; SQL NULL means the same. */
  private static String noDefault(String value) {
    return value == null || value.equals("NULL") ? null : value;
  }
}
