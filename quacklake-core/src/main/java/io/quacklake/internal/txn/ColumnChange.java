package io.quacklake.internal.txn;

import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;

/** One alteration of a table's columns, as a transaction records it. */
public sealed interface ColumnChange {
  /**
   * A new column (ids already allocated): top-level when {@code parentId} is null, else a field of
   * the struct with that id.
   */
  record Add(LakeColumn column, Long parentId) implements ColumnChange {}

  /** A dropped column and its children. */
  record Drop(LakeColumn column) implements ColumnChange {}

  /**
   * A renamed column (the same id under a new name); {@code parentId} is its struct's id for a
   * field, null at top level.
   */
  record Rename(LakeColumn column, String newName, Long parentId) implements ColumnChange {}

  /** A widened primitive column type. */
  record SetType(LakeColumn column, LakeType newType) implements ColumnChange {}
}
