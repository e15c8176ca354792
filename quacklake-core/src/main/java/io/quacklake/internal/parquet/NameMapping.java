package io.quacklake.internal.parquet;

import java.util.List;

/**
 * How the columns of a Parquet file without field ids map to a table's columns ({@code
 * ducklake_name_mapping}): files registered with {@code ducklake_add_data_files} are read by column
 * name through it, level by level.
 *
 * @param entries every entry of one mapping
 */
public record NameMapping(List<Entry> entries) implements java.io.Serializable {
  public NameMapping {
    entries = List.copyOf(entries);
  }

  /**
   * One mapped field.
   *
   * @param columnId the entry's id within its mapping (what children name as their parent)
   * @param sourceName the field's name in the file
   * @param targetFieldId the table column (or nested field) it holds
   * @param parentColumn the parent entry's {@code columnId}, or null at the top level
   * @param partition whether the value comes from the file's hive path instead of the file
   */
  public record Entry(
      long columnId, String sourceName, long targetFieldId, Long parentColumn, boolean partition)
      implements java.io.Serializable {}

  /** The top-level entry for a table column, or null when the file does not hold it. */
  public Entry top(long targetFieldId) {
    return child(null, targetFieldId);
  }

  /** The entry for a nested field under {@code parent} (null: top level), or null. */
  public Entry child(Entry parent, long targetFieldId) {
    Long parentId = parent == null ? null : parent.columnId();
    for (Entry e : entries) {
      if (e.targetFieldId() == targetFieldId
          && java.util.Objects.equals(e.parentColumn(), parentId)) {
        return e;
      }
    }
    return null;
  }

  /** The first entry under {@code parent} (a list's element), or null. */
  public Entry onlyChild(Entry parent) {
    for (Entry e : entries) {
      if (parent != null && java.util.Objects.equals(e.parentColumn(), parent.columnId())) {
        return e;
      }
    }
    return null;
  }
}
