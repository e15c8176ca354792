package io.quacklake.internal.txn;

import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;

/** One alteration of a table's columns, as a transaction records it. */
public sealed interface ColumnChange {
  /** A new top-level column (ids already allocated). */
  record Add(LakeColumn column) implements ColumnChange {}

  /** A dropped column and its children. */
  record Drop(LakeColumn column) implements ColumnChange {}

  /** A renamed column (the same id under a new name). */
  record Rename(LakeColumn column, String newName) implements ColumnChange {}

  /** A widened primitive column type. */
  record SetType(LakeColumn column, LakeType newType) implements ColumnChange {}
}
