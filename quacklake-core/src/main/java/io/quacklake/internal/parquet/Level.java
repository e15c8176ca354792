package io.quacklake.internal.parquet;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * One Arrow vector on the path from a top-level column to a Parquet leaf, with the Dremel levels
 * that decide when a leaf value opens a new slot in it and whether that slot is NULL. Written only
 * by the first leaf below it (its owner), so shared structure is written once.
 */
final class Level {
  enum Kind {
    STRUCT,
    LIST,
    LEAF
  }

  final Kind kind;
  final FieldVector vector;

  /** A value opens a slot here only if its repetition level is at most this. */
  final int rep;

  /** A value opens a slot here only if its definition level is at least this. */
  final int slotDef;

  /** The slot is non-NULL if the value's definition level is at least this. */
  final int nullDef;

  /** Slots written in the current batch. */
  int count;

  boolean owned;

  Level(Kind kind, FieldVector vector, int rep, int slotDef, int nullDef) {
    this.kind = kind;
    this.vector = vector;
    this.rep = rep;
    this.slotDef = slotDef;
    this.nullDef = nullDef;
  }

  /** Opens slot {@code count} as NULL or present (not for leaves); returns its index. */
  int openSlot(boolean present) {
    int index = count++;
    if (kind == Kind.LIST) {
      ListVector list = (ListVector) vector;
      if (present) {
        list.startNewValue(index);
      } else {
        list.setNull(index);
      }
    } else if (kind == Kind.STRUCT) {
      StructVector struct = (StructVector) vector;
      if (present) {
        struct.setIndexDefined(index);
      } else {
        struct.setNull(index);
      }
    }
    return index;
  }

  /** Adds one element to the current (last opened) list slot. */
  void appendElement() {
    ((ListVector) vector).endValue(count - 1, 1);
  }
}
