package io.quacklake.internal.catalog;

/** A {@code ducklake_column} row visible at a snapshot. */
record ColumnRecord(
    long columnId,
    long beginSnapshot,
    long columnOrder,
    String name,
    String type,
    String initialDefault,
    String defaultValue,
    boolean nullsAllowed,
    Long parentColumn) {}
