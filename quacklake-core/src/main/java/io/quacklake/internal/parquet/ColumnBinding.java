package io.quacklake.internal.parquet;

import io.quacklake.types.LakeColumn;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;

/** How one requested column (or nested field) maps onto the file's schema. */
sealed interface ColumnBinding {
  LakeColumn column();

  /** A primitive column stored in the file as the leaf {@code descriptor}. */
  record Leaf(LakeColumn column, String[] path, ColumnDescriptor descriptor)
      implements ColumnBinding {}

  /** A struct stored as the group at {@code path}; some fields may be missing. */
  record Struct(LakeColumn column, String[] path, List<ColumnBinding> fields)
      implements ColumnBinding {}

  /**
   * A list stored as the group at {@code path} whose repeated field is at {@code repeatedPath} (the
   * element itself in the legacy 2-level form).
   */
  record ListOf(LakeColumn column, String[] path, String[] repeatedPath, ColumnBinding element)
      implements ColumnBinding {}

  /** A map stored as the group at {@code path} with the repeated key/value group. */
  record MapOf(
      LakeColumn column,
      String[] path,
      String[] repeatedPath,
      ColumnBinding key,
      ColumnBinding value)
      implements ColumnBinding {}

  /** A column the file does not have: reads as its initial default. */
  record Missing(LakeColumn column) implements ColumnBinding {}
}
