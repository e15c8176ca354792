package io.quacklake.internal.expr.scalar;

import io.quacklake.types.LakeColumn;

/** A table column a scalar reads, and the slot of its vector in {@link Rows#vectors()}. */
public record InputColumn(int slot, LakeColumn column) {}
